package dev.lookahead.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * log pi(path | problem) for many paths at once: every step of every path is one input row (the graph, the query and the
 * path so far), all rows go through the model in one forward pass, and each path's log-probability is the sum of its
 * rows' log-softmax at the token it took. With gradients on, the sums carry them back to the weights.
 */
public final class SequenceScores {
    /** A path of a problem: the problem's first-step input and the vertices after the start. */
    public record Sequence(int[] prompt, List<Integer> path) {
    }

    /** Each sequence's log-probability (differentiable), and whether its every step is the model's arg-max. */
    public record Scores(NDArray logProbs, boolean[] greedy) {
    }

    private SequenceScores() {
    }

    /** One forward pass over every step of every sequence; the result lives in {@code scope}. */
    public static Scores of(SearchModel model, NDManager scope, List<Sequence> sequences, boolean training) {
        TokenLayout layout = model.config().layout();
        int n = layout.n();
        List<int[]> rows = new ArrayList<>();
        List<Integer> labels = new ArrayList<>();
        List<Integer> owners = new ArrayList<>();
        for (int s = 0; s < sequences.size(); s++) {
            Sequence sequence = sequences.get(s);
            SearchInput problem = Tokenizer.decode(layout, sequence.prompt());
            List<Integer> path = sequence.path();
            for (int t = 0; t < path.size(); t++) {
                int[] prefix = new int[t + 1];
                prefix[0] = problem.start();
                for (int j = 0; j < t; j++) prefix[j + 1] = path.get(j);
                rows.add(Tokenizer.encode(new SearchInput(layout, problem.edges(), problem.start(), problem.goal(), prefix)));
                labels.add(path.get(t));
                owners.add(s);
            }
        }
        int count = rows.size();
        int[] flat = new int[count * n];
        for (int r = 0; r < count; r++) System.arraycopy(rows.get(r), 0, flat, r * n, n);
        NDArray tokens = scope.create(flat, new Shape(count, n));
        NDArray label = scope.create(labels.stream().mapToInt(Integer::intValue).toArray(), new Shape(count, 1)).toType(DataType.INT64, false);
        NDArray logits = model.network().forward(model.store(), tokens, training, null);
        NDArray rowLogProbs = logits.logSoftmax(1).gather(label, 1); // (count, 1)
        float[] membership = new float[sequences.size() * count];
        for (int r = 0; r < count; r++) membership[owners.get(r) * count + r] = 1f;
        NDArray sums = scope.create(membership, new Shape(sequences.size(), count)).matMul(rowLogProbs).reshape(sequences.size());
        long[] argMax = logits.argMax(1).toLongArray();
        boolean[] greedy = new boolean[sequences.size()];
        java.util.Arrays.fill(greedy, true);
        for (int r = 0; r < count; r++) if (argMax[r] != labels.get(r)) greedy[owners.get(r)] = false;
        return new Scores(sums, greedy);
    }

    /** The log-probabilities alone, with gradients off, in batches: the frozen reference's view of the paths. */
    public static double[] logProbs(SearchModel model, List<Sequence> sequences) {
        double[] result = new double[sequences.size()];
        SearchModel.withoutGradients(() -> {
            for (int from = 0; from < sequences.size(); from += BATCH) {
                int to = Math.min(sequences.size(), from + BATCH);
                try (NDManager scope = model.manager().newSubManager()) {
                    float[] sums = of(model, scope, sequences.subList(from, to), false).logProbs().toFloatArray();
                    for (int i = 0; i < sums.length; i++) result[from + i] = sums[i];
                }
            }
        });
        return result;
    }

    private static final int BATCH = 256;
}
