package dev.lookahead.train;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Example;
import dev.lookahead.search.InContextExample;
import dev.lookahead.stats.Proportion;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Accuracy of a model on test buckets: a prediction counts when it is one of the useful next steps. */
public final class Evaluation {
    private Evaluation() {
    }

    public static boolean correct(int predicted, int[] usefulNext) {
        for (int useful : usefulNext) if (useful == predicted) return true;
        return false;
    }

    /**
     * How a model does on a set of examples.
     *
     * @param loss mean cross-entropy (nats) of the example's label; its floor is above zero where
     *             several next steps are useful and the label was one of them drawn at random
     */
    public record Score(Proportion accuracy, double loss) {
    }

    /** Inputs with their training label and every answer that counts as right (useful next steps, or accepted answers). */
    public record Rows(int[][] tokens, int[] labels, int[][] accepted) {
        public static Rows ofSearch(List<Example> examples) {
            return new Rows(examples.stream().map(Example::tokens).toArray(int[][]::new), examples.stream().mapToInt(Example::label).toArray(),
                    examples.stream().map(Example::usefulNext).toArray(int[][]::new));
        }

        /** An in-context task's examples, scored as the paper scores them: the arg-max is one of the accepted answers. */
        public static Rows ofInContext(List<InContextExample> examples) {
            return new Rows(examples.stream().map(InContextExample::tokens).toArray(int[][]::new),
                    examples.stream().mapToInt(InContextExample::label).toArray(), examples.stream().map(InContextExample::accepted).toArray(int[][]::new));
        }

        public int size() {
            return labels.length;
        }
    }

    /**
     * The paper's test loss for the in-context tasks (its train.py: BCEWithLogitsLoss, mean reduction): the binary
     * cross-entropy of every output logit against the multi-hot set of accepted answers, averaged over examples and
     * vocabulary entries. Unlike the cross-entropy of one sampled label it reaches zero for a model that gives every
     * accepted answer and nothing else.
     */
    public static double multiHotLoss(SearchModel model, Rows rows) {
        return rows.size() == 0 ? Double.NaN : multiHotLoss(model.logits(rows.tokens()), rows.accepted());
    }

    /** {@link #multiHotLoss(SearchModel, Rows)} on logits already computed. */
    static double multiHotLoss(float[][] logits, int[][] accepted) {
        double sum = 0;
        long entries = 0;
        for (int i = 0; i < logits.length; i++) {
            boolean[] target = new boolean[logits[i].length];
            for (int a : accepted[i]) if (a >= 0 && a < target.length) target[a] = true;
            for (int v = 0; v < logits[i].length; v++) {
                double z = logits[i][v];
                sum += Math.max(z, 0) - (target[v] ? z : 0) + Math.log1p(Math.exp(-Math.abs(z)));
                entries++;
            }
        }
        return sum / entries;
    }

    public static Score score(SearchModel model, List<Example> examples) {
        return score(model, Rows.ofSearch(examples));
    }

    public static Score score(SearchModel model, Rows rows) {
        float[][] probabilities = model.probabilities(rows.tokens());
        long hits = 0;
        double loss = 0;
        for (int i = 0; i < probabilities.length; i++) {
            hits += correct(SearchModel.argMax(probabilities[i]), rows.accepted()[i]) ? 1 : 0;
            loss -= Math.log(Math.max(probabilities[i][rows.labels()[i]], 1e-30));
        }
        return new Score(new Proportion(hits, rows.size()), rows.size() == 0 ? Double.NaN : loss / rows.size());
    }

    /** Accuracy per bucket of rows. */
    public static Map<String, Proportion> accuracyOfRows(SearchModel model, Map<String, Rows> buckets) {
        Map<String, Proportion> result = new LinkedHashMap<>();
        buckets.forEach((name, rows) -> result.put(name, score(model, rows).accuracy()));
        return result;
    }

    public static Proportion accuracy(SearchModel model, List<Example> examples) {
        return score(model, examples).accuracy();
    }

    public static Map<String, Proportion> accuracy(SearchModel model, Map<String, List<Example>> buckets) {
        Map<String, Proportion> result = new LinkedHashMap<>();
        buckets.forEach((name, examples) -> result.put(name, accuracy(model, examples)));
        return result;
    }
}
