package dev.lookahead.search;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The held-out test sets a model is judged on: a balanced test set per lookahead 1..L and a naive
 * test set, each under the paper's test-set rules. The standard sets (seed 1) are exactly the ones
 * {@code eval --test-per-lookahead K} uses, and training never sees one of their inputs.
 */
public final class EvaluationSets {
    /** The seed of the standard evaluation sets. */
    public static final long STANDARD_SEED = 1;
    /** Held out from every training run: the standard sets at this size. */
    public static final int RESERVED_PER_LOOKAHEAD = 1000;
    public static final String NAIVE = "naive";

    private EvaluationSets() {
    }

    /**
     * @return buckets in order: "1" .. "L" (balanced, by lookahead), then "naive" (one set, no lookahead
     *         buckets; left out where no naive test input exists, as at n = 17)
     */
    public static Map<String, List<Example>> standard(TokenLayout layout, int maxLookahead, int perBucket, long seed) {
        Map<String, List<Example>> buckets = new LinkedHashMap<>();
        GenerationSpec balanced = GenerationSpec.training(layout, Distribution.BALANCED, maxLookahead).withTestSet(true);
        for (int lookahead = 1; lookahead <= maxLookahead; lookahead++) {
            buckets.put(Integer.toString(lookahead),
                    ExampleSets.generate(balanced.withFixedLookahead(lookahead), perBucket, seed * 31 + lookahead));
        }
        GenerationSpec naive = GenerationSpec.training(layout, Distribution.NAIVE, maxLookahead).withTestSet(true);
        List<Example> naiveSet = ExampleSets.generate(naive, perBucket, seed * 31);
        // at n = 17 no naive graph puts the goal two steps from a start with two children: no naive bucket
        if (!naiveSet.isEmpty()) buckets.put(NAIVE, naiveSet);
        return buckets;
    }

    /**
     * The inputs that training must never produce. A bucket whose inputs ran out before
     * {@link #RESERVED_PER_LOOKAHEAD} (tiny n) is not held out: it holds every input of its kind, and
     * reserving it would leave training nothing to learn from.
     */
    public static Set<TokenRow> reservedRows(TokenLayout layout, int maxLookahead) {
        Set<TokenRow> rows = new HashSet<>();
        for (List<Example> examples : standard(layout, maxLookahead, RESERVED_PER_LOOKAHEAD, STANDARD_SEED).values()) {
            if (examples.size() < RESERVED_PER_LOOKAHEAD) continue;
            examples.forEach(e -> rows.add(TokenRow.of(layout, e.tokens())));
        }
        return rows;
    }
}
