package dev.lookahead.train;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Example;
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

    public static Score score(SearchModel model, List<Example> examples) {
        int[][] tokens = examples.stream().map(Example::tokens).toArray(int[][]::new);
        float[][] probabilities = model.probabilities(tokens);
        long hits = 0;
        double loss = 0;
        for (int i = 0; i < probabilities.length; i++) {
            Example example = examples.get(i);
            hits += correct(SearchModel.argMax(probabilities[i]), example.usefulNext()) ? 1 : 0;
            loss -= Math.log(Math.max(probabilities[i][example.label()], 1e-30));
        }
        return new Score(new Proportion(hits, examples.size()), examples.isEmpty() ? Double.NaN : loss / examples.size());
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
