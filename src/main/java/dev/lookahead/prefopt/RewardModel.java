package dev.lookahead.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * A reward model of (graph, path): a search transformer of the workbench's kind that reads the graph, the query and
 * the whole path, and answers at the last position - as every model here does - with one output unit per token id.
 * The unit of the reserved id 0, which no input uses, is the scalar reward; the others are the critique: a
 * distribution over the path's vertices naming the first wrong step ({@link FirstWrongStep}), the path token P for
 * "no step is wrong", and PAD for "the path stops before the goal". Both heads read the same final residual stream.
 */
public final class RewardModel {
    /** The output unit read as the reward. */
    public static final int REWARD_UNIT = 0;

    private RewardModel() {
    }

    /**
     * A problem's path as the reward model reads it: the prompt's graph and query, then the start and the path's
     * vertices. A path longer than the room the graph leaves in n tokens is cut to fit (its last vertices dropped); every
     * shortest path of the problems sampled here fits whole.
     */
    public static int[] encode(TokenLayout layout, int[] prompt, List<Integer> path) {
        SearchInput problem = Tokenizer.decode(layout, prompt);
        List<Integer> vertices = new ArrayList<>();
        vertices.add(problem.start());
        for (int v : path) {
            if (!layout.isVertex(v)) break; // a token that is not a vertex ends a path
            vertices.add(v);
        }
        int room = layout.n() - 3 * problem.edges().size() - 4;
        if (vertices.size() > room) vertices = vertices.subList(0, room);
        return Tokenizer.encode(new SearchInput(layout, problem.edges(), problem.start(), problem.goal(),
                vertices.stream().mapToInt(Integer::intValue).toArray()));
    }

    /** The critique's target token for a path: its first wrong vertex, P when none is wrong, PAD when it stops short. */
    public static int critiqueTarget(TokenLayout layout, int[] prompt, List<Integer> path) {
        SearchInput problem = Tokenizer.decode(layout, prompt);
        int wrong = FirstWrongStep.of(layout, problem.edges(), problem.start(), problem.goal(), path);
        if (wrong == FirstWrongStep.NONE) return layout.pathToken();
        if (wrong >= path.size() || !layout.isVertex(path.get(wrong))) return layout.padToken();
        return path.get(wrong);
    }

    /** The network's outputs for encoded rows: [rows, vocabulary], in {@code scope}. */
    public static NDArray outputs(SearchModel model, NDManager scope, int[][] rows, boolean training) {
        int n = model.config().n();
        int[] flat = new int[rows.length * n];
        for (int r = 0; r < rows.length; r++) System.arraycopy(rows[r], 0, flat, r * n, n);
        return model.network().forward(model.store(), scope.create(flat, new Shape(rows.length, n)), training, null);
    }

    /** What the model says of each row: its reward and its critique's choice (the arg-max over the other units). */
    public record Reading(float reward, int critique) {
    }

    /** Readings of many rows, gradients off. */
    public static List<Reading> read(SearchModel model, int[][] rows) {
        List<Reading> readings = new ArrayList<>(rows.length);
        SearchModel.withoutGradients(() -> {
            for (int from = 0; from < rows.length; from += BATCH) {
                int to = Math.min(rows.length, from + BATCH);
                try (NDManager scope = model.manager().newSubManager()) {
                    float[] flat = outputs(model, scope, java.util.Arrays.copyOfRange(rows, from, to), false).toFloatArray();
                    int vocabulary = model.config().vocabulary();
                    for (int r = 0; r < to - from; r++) {
                        int best = 1;
                        for (int t = 2; t < vocabulary; t++) if (flat[r * vocabulary + t] > flat[r * vocabulary + best]) best = t;
                        readings.add(new Reading(flat[r * vocabulary + REWARD_UNIT], best));
                    }
                }
            }
        });
        return readings;
    }

    private static final int BATCH = 512;
}
