package dev.lookahead.prefopt;

import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleGenerator;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.TokenRow;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * Fresh search problems for a path policy: graphs of a distribution whose whole shortest path fits in n tokens after the
 * edges and the query (3 x edges + 4 + its vertices, the start included) - only there can a policy write a right answer
 * out. Drawn without looking at labels beyond that fit.
 */
public final class Problems {
    private Problems() {
    }

    /** Whether a whole shortest path of the problem fits in its n tokens. */
    public static boolean pathFits(Example e, TokenLayout layout) {
        var shortest = new GroundTruth(e.edges()).shortestPaths(e.start(), e.goal());
        return !shortest.isEmpty() && 3 * e.edges().size() + 4 + shortest.get(0).size() <= layout.n();
    }

    /** The gold path of a problem given as its first-step input: the first of its BFS shortest paths, the vertices after the start. */
    public static List<Integer> gold(TokenLayout layout, int[] prompt) {
        SearchInput input = Tokenizer.decode(layout, prompt);
        List<List<Integer>> shortest = new GroundTruth(input.edges()).shortestPaths(input.start(), input.goal());
        if (shortest.isEmpty()) throw new IllegalArgumentException("the goal is not reachable: no gold path");
        return List.copyOf(shortest.get(0).subList(1, shortest.get(0).size()));
    }

    /** {@code count} problems drawn with {@code seed}, none of whose first-step inputs is in {@code excluded}. */
    public static List<Example> draw(TokenLayout layout, Distribution distribution, long seed, int count, Set<TokenRow> excluded) {
        if (count < 0) throw new IllegalArgumentException("--problems must not be negative (got " + count + ")");
        ExampleGenerator generator = new ExampleGenerator(GenerationSpec.training(layout, distribution, layout.defaultMaxLookahead()), seed);
        List<Example> kept = new ArrayList<>();
        for (long drawn = 0; kept.size() < count; drawn++) {
            if (drawn > 1000L * Math.max(1, count)) throw fewFit(layout, kept.size(), drawn);
            Example e = generator.next();
            if (pathFits(e, layout) && !excluded.contains(TokenRow.of(layout, e.tokens()))) kept.add(e);
        }
        return kept;
    }

    /**
     * Held-out problems, up to {@code perLookahead} of each lookahead that fits, drawn with {@code seed}: balanced, so the
     * hard lookaheads are measured as finely as the easy ones.
     */
    public static Map<Integer, List<Example>> heldOut(TokenLayout layout, Distribution distribution, long seed, int perLookahead) {
        int max = layout.defaultMaxLookahead();
        ExampleGenerator generator = new ExampleGenerator(GenerationSpec.training(layout, distribution, max), seed);
        Map<Integer, List<Example>> buckets = new TreeMap<>();
        long[] seen = new long[max + 1];
        long drawn = 0;
        while (!full(buckets, seen, perLookahead)) {
            Example e = generator.next();
            drawn++;
            seen[e.lookahead()]++;
            List<Example> bucket = buckets.computeIfAbsent(e.lookahead(), l -> new ArrayList<>());
            if (bucket.size() < perLookahead && pathFits(e, layout)) bucket.add(e);
        }
        buckets.values().removeIf(List::isEmpty);
        if (buckets.isEmpty()) throw fewFit(layout, 0, drawn);
        return buckets;
    }

    /**
     * Full when every lookahead has its share or has been drawn {@value #GIVE_UP} times as often as the share without
     * filling it (at n = 32, no lookahead-4 path fits: that bucket stays short or empty).
     */
    private static boolean full(Map<Integer, List<Example>> buckets, long[] seen, int perLookahead) {
        for (int l = 0; l < seen.length; l++) {
            List<Example> bucket = buckets.get(l);
            boolean filled = bucket != null && bucket.size() >= perLookahead;
            if (!filled && seen[l] < GIVE_UP * Math.max(1, perLookahead)) return false;
        }
        return true;
    }

    private static final int GIVE_UP = 20;

    private static IllegalArgumentException fewFit(TokenLayout layout, int kept, long drawn) {
        return new IllegalArgumentException("few graphs of this distribution leave room for a whole path at n = " + layout.n()
                + " (" + kept + " of " + drawn + "); use a larger n or another --distribution");
    }
}
