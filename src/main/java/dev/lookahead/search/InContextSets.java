package dev.lookahead.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Whole sets of in-context examples: training streams and the paper's test sets. A test set has one bucket per
 * backtrack distance -1, 0..T-1 (dfs) or per allowed (frontier, branch) pair (si), made one after another; a bucket
 * never repeats an input of an earlier bucket (the paper's collision rejection), and training never produces an input
 * of the standard sets ({@link #reservedRows}).
 */
public final class InContextSets {
    /** Held out from every training run: the standard sets with this many inputs per bucket, seed 1. */
    public static final int RESERVED_PER_BUCKET = 1000;
    public static final long STANDARD_SEED = 1;

    private InContextSets() {
    }

    /** What to draw outside the test-set rules: the task's training distribution, or one bucket. */
    public record Choice(Task task, Integer backtrack, Integer maxBacktrack, boolean randomPadding, Integer frontier, Integer branch) {
        public static Choice training(Task task) {
            return new Choice(task, null, null, false, null, null);
        }
    }

    /** A training stream (or one bucket when the choice fixes it), avoiding {@code reserved}. */
    public static void generate(TokenLayout layout, Choice choice, int count, long seed, Set<TokenRow> reserved, Consumer<InContextExample> sink) {
        Source source = source(layout, choice, reserved, seed);
        for (int i = 0; i < count; i++) sink.accept(source.next());
    }

    /** A source of examples of one kind. */
    public interface Source {
        InContextExample next();

        long collisions();
    }

    public static Source source(TokenLayout layout, Choice choice, Set<TokenRow> reserved, long seed) {
        if (choice.task() == Task.DFS) {
            int slots = DfsGenerator.traceSlots(layout);
            DfsGenerator.Spec spec = choice.backtrack() != null ? DfsGenerator.Spec.bucket(layout, choice.backtrack())
                    : DfsGenerator.Spec.training(layout, choice.maxBacktrack() != null ? choice.maxBacktrack() : slots - 1);
            DfsGenerator generator = new DfsGenerator(spec.withRandomPadding(choice.randomPadding()).withReserved(reserved), seed);
            return new Source() {
                public InContextExample next() {
                    return generator.next();
                }

                public long collisions() {
                    return generator.collisions();
                }
            };
        }
        if (choice.task() != Task.SI) throw new IllegalArgumentException("task " + choice.task().id() + " is not an in-context task");
        if ((choice.frontier() == null) != (choice.branch() == null)) {
            throw new IllegalArgumentException("give --frontier and --branch together (one selection-inference bucket), or neither");
        }
        SiGenerator.Spec spec = choice.frontier() != null ? SiGenerator.Spec.bucket(layout, choice.frontier(), choice.branch())
                : SiGenerator.Spec.training(layout);
        SiGenerator generator = new SiGenerator(spec.withReserved(reserved), seed);
        return new Source() {
            public InContextExample next() {
                return generator.next();
            }

            public long collisions() {
                return generator.collisions();
            }
        };
    }

    /** The names of a task's test buckets, in the order they are made. */
    public static List<String> bucketNames(TokenLayout layout, Task task) {
        List<String> names = new ArrayList<>();
        if (task == Task.DFS) {
            for (int b : DfsGenerator.buckets(layout)) names.add(Integer.toString(b));
        } else {
            for (int[] pair : SiGenerator.buckets(layout)) names.add(pair[0] + "," + pair[1]);
        }
        return names;
    }

    /**
     * A test set of {@code count} inputs spread evenly over the task's buckets (the first buckets take the remainder),
     * or {@code perBucket} each when {@code count} is null; each bucket excludes the inputs of the buckets before it, as
     * the paper's code draws them.
     */
    public static Map<String, List<InContextExample>> testSet(TokenLayout layout, Task task, Integer count, int perBucket, long seed,
                                                               Set<TokenRow> reserved) {
        return testSet(layout, task, count, perBucket, seed, reserved, false);
    }

    /**
     * {@link #testSet}, or with {@code independent} each bucket drawn on its own: it excludes only {@code reserved},
     * never another bucket's inputs (the paper's order leaves the backtrack-0 bucket the inputs the "any point" bucket
     * did not take, a different distribution from its own; docs/experiments.md).
     */
    public static Map<String, List<InContextExample>> testSet(TokenLayout layout, Task task, Integer count, int perBucket, long seed,
                                                               Set<TokenRow> reserved, boolean independent) {
        List<String> names = bucketNames(layout, task);
        Set<TokenRow> taken = new HashSet<>(reserved);
        Map<String, List<InContextExample>> buckets = new LinkedHashMap<>();
        for (int i = 0; i < names.size(); i++) {
            int share = count == null ? perBucket : count / names.size() + (i < count % names.size() ? 1 : 0);
            Choice choice = bucketChoice(task, names.get(i));
            Source source = source(layout, choice, Set.copyOf(taken), bucketSeed(seed, i));
            List<InContextExample> examples = new ArrayList<>(share);
            try {
                for (int k = 0; k < share; k++) examples.add(source.next());
            } catch (ExampleGenerator.NoExampleException e) {
                // at a small n the earlier buckets can hold every input of this one: the bucket keeps what was found
            }
            if (!independent) examples.forEach(e -> taken.add(TokenRow.of(layout, e.tokens())));
            buckets.put(names.get(i), examples);
        }
        return buckets;
    }

    private static Choice bucketChoice(Task task, String name) {
        if (task == Task.DFS) return new Choice(task, Integer.parseInt(name), null, false, null, null);
        String[] parts = name.split(",");
        return new Choice(task, null, null, false, Integer.parseInt(parts[0]), Integer.parseInt(parts[1]));
    }

    /**
     * The standard test sets (seed 1), the held-out evaluation of every in-context training run: the first
     * {@code perBucket} inputs of each bucket of the reserved sets, so that every one of them is held out from training.
     */
    public static Map<String, List<InContextExample>> standard(TokenLayout layout, Task task, int perBucket) {
        Map<String, List<InContextExample>> full = testSet(layout, task, null, Math.max(perBucket, RESERVED_PER_BUCKET), STANDARD_SEED, Set.of());
        if (perBucket >= RESERVED_PER_BUCKET) return full;
        Map<String, List<InContextExample>> first = new LinkedHashMap<>();
        full.forEach((name, list) -> first.put(name, List.copyOf(list.subList(0, Math.min(perBucket, list.size())))));
        return first;
    }

    /**
     * The inputs training never produces: the standard sets at {@link #RESERVED_PER_BUCKET} per bucket. A bucket that has
     * nearly exhausted its kind is not held out, so that training keeps inputs of that kind to learn from: one that ran
     * short (the earlier buckets hold its inputs), or whose draws hold fewer than {@link #EXHAUSTED_SHARE} of distinct
     * inputs (at a small n the whole kind is a few hundred inputs or fewer: (1, 1) at n = 20 has 12).
     */
    public static Set<TokenRow> reservedRows(TokenLayout layout, Task task) {
        Set<TokenRow> rows = new HashSet<>();
        for (List<InContextExample> bucket : standard(layout, task, RESERVED_PER_BUCKET).values()) {
            Set<TokenRow> distinct = new HashSet<>();
            bucket.forEach(e -> distinct.add(TokenRow.of(layout, e.tokens())));
            if (bucket.size() < RESERVED_PER_BUCKET || distinct.size() < EXHAUSTED_SHARE * bucket.size()) continue;
            rows.addAll(distinct);
        }
        return rows;
    }

    /** A bucket whose draws are fewer than this share distinct has nearly exhausted its kind (see {@link #reservedRows}). */
    static final double EXHAUSTED_SHARE = 0.2;

    static long bucketSeed(long seed, int bucket) {
        return ExampleSets.bucketSeed(seed, bucket + 1000);
    }
}
