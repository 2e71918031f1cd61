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

    public static Proportion accuracy(SearchModel model, List<Example> examples) {
        int[][] tokens = examples.stream().map(Example::tokens).toArray(int[][]::new);
        int[] predicted = model.predict(tokens);
        long hits = 0;
        for (int i = 0; i < predicted.length; i++) hits += correct(predicted[i], examples.get(i).usefulNext()) ? 1 : 0;
        return new Proportion(hits, examples.size());
    }

    public static Map<String, Proportion> accuracy(SearchModel model, Map<String, List<Example>> buckets) {
        Map<String, Proportion> result = new LinkedHashMap<>();
        buckets.forEach((name, examples) -> result.put(name, accuracy(model, examples)));
        return result;
    }
}
