package dev.lookahead.prefopt;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Example;
import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * Whole-path accuracy: the share of problems on which the policy's greedy path (the most likely vertex at every step)
 * follows the graph's edges to the goal, per lookahead - the Preference Lab's measure of a policy, judged by the
 * verifier.
 */
public final class PathEvaluation {
    /** Problems decoded per batch of forward passes. */
    private static final int CHUNK = 256;

    private PathEvaluation() {
    }

    /** Greedy whole-path accuracy per lookahead ("0", "1", ...) over the held-out problems. */
    public static Map<String, Proportion> greedy(SearchModel model, Map<Integer, List<Example>> heldOut) {
        PathSampler sampler = new PathSampler(model, PathSampler.greedy());
        Map<String, Proportion> accuracy = new LinkedHashMap<>();
        heldOut.forEach((lookahead, problems) -> {
            long right = 0;
            for (int from = 0; from < problems.size(); from += CHUNK) {
                List<Example> chunk = problems.subList(from, Math.min(problems.size(), from + CHUNK));
                List<PathSampler.Query> queries = new ArrayList<>();
                chunk.forEach(e -> queries.add(PathSampler.Query.of(e)));
                // with a nucleus of one token, the random number cannot change the choice
                List<SplittableRandom> randoms = Collections.nCopies(chunk.size(), new SplittableRandom(0));
                for (List<PathSample> samples : sampler.sampleAll(queries, randoms)) right += samples.get(0).correct() ? 1 : 0;
            }
            accuracy.put(Integer.toString(lookahead), new Proportion(right, problems.size()));
        });
        return accuracy;
    }
}
