package dev.lookahead.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Consumer;

/** Whole sets of examples: training streams and the paper's test sets. */
public final class ExampleSets {
    /** A test set stops early when this many draws in a row found no new input: the space is exhausted. */
    static final int FRUITLESS_DRAWS = 100_000;

    private ExampleSets() {
    }

    /**
     * Emits {@code count} examples. A test set holds distinct inputs under the paper's test-set rules
     * (docs/user-guide.md, "Test sets"): a balanced test set spreads the count evenly over lookahead 1..L (the
     * first buckets take the remainder); a naive test set is one set with no lookahead buckets; a star
     * test set draws every (spoke length, spoke count) pair uniformly. At a small n there may be fewer
     * distinct test inputs than asked for; a test set then holds all that could be found.
     */
    public static void generate(GenerationSpec spec, int count, long seed, Consumer<Example> sink) {
        if (!spec.testSet()) {
            ExampleGenerator generator = new ExampleGenerator(spec, seed);
            for (int i = 0; i < count; i++) sink.accept(generator.next());
            return;
        }
        Set<TokenRow> seen = new HashSet<>();
        if (spec.distribution() != Distribution.BALANCED || spec.fixedLookahead() >= 0) {
            emitDistinct(new ExampleGenerator(spec, seed), count, seen, sink);
            return;
        }
        int largest = spec.maxLookahead();
        for (int lookahead = 1; lookahead <= largest; lookahead++) {
            int share = count / largest + (lookahead <= count % largest ? 1 : 0);
            GenerationSpec bucket = spec.withFixedLookahead(lookahead);
            emitDistinct(new ExampleGenerator(bucket, bucketSeed(seed, lookahead)), share, seen, sink);
        }
    }

    /** A list form of {@link #generate}, for callers that hold the set in memory. */
    public static List<Example> generate(GenerationSpec spec, int count, long seed) {
        List<Example> examples = new ArrayList<>(count);
        generate(spec, count, seed, examples::add);
        return examples;
    }

    private static void emitDistinct(ExampleGenerator generator, int count, Set<TokenRow> seen, Consumer<Example> sink) {
        TokenLayout layout = generator.spec().layout();
        int emitted = 0;
        int fruitless = 0;
        while (emitted < count && fruitless < FRUITLESS_DRAWS) {
            Example example;
            try {
                example = generator.next();
            } catch (ExampleGenerator.NoExampleException e) {
                return; // no input of this kind exists at this size: the set holds what was found (none)
            }
            if (!seen.add(TokenRow.of(layout, example.tokens()))) {
                fruitless++;
                continue;
            }
            fruitless = 0;
            sink.accept(example);
            emitted++;
        }
    }

    /** Independent, reproducible seeds for the per-lookahead buckets of one test set. */
    static long bucketSeed(long seed, int lookahead) {
        return seed * 0x9E3779B97F4A7C15L + lookahead * 0xBF58476D1CE4E5B9L;
    }
}
