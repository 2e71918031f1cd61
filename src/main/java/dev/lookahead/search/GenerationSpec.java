package dev.lookahead.search;

import java.util.Set;

/**
 * What to generate.
 *
 * @param maxLookahead    the largest lookahead drawn (balanced) or spoke length (star)
 * @param fixedLookahead  when &gt;= 0, every example has exactly this lookahead (test sets, "an example
 *                        with lookahead L"); balanced and star build for it, naive filters for it
 * @param testSet         apply the test-set rules: one useful next step, one shortest-path next step,
 *                        current out-degree at least 2
 * @param reserved        token rows (padding ignored) that must never be produced
 */
public record GenerationSpec(TokenLayout layout, Distribution distribution, int maxLookahead, GenerationMode mode,
                             int fixedLookahead, boolean testSet, Set<TokenRow> reserved) {

    public GenerationSpec {
        reserved = Set.copyOf(reserved);
        int v = layout.maxVertex();
        if (distribution == Distribution.NAIVE && v < 4) {
            throw new IllegalArgumentException("the naive distribution needs n >= 17 (at least 4 vertex ids), got n = " + layout.n());
        }
        int largest = (layout.maxEdges() - 1) / 2;
        if (distribution != Distribution.NAIVE && (maxLookahead < 1 || maxLookahead > largest)) {
            throw new IllegalArgumentException("--max-lookahead must be in 1.." + largest + " at n = " + layout.n()
                    + " (got " + maxLookahead + "): two branches of that length must fit in " + layout.maxEdges() + " edges");
        }
        if (fixedLookahead > Math.max(maxLookahead, largest)) {
            throw new IllegalArgumentException("lookahead " + fixedLookahead + " cannot be built at n = " + layout.n()
                    + " (at most " + largest + ")");
        }
    }

    /** Training data: the distribution as drawn, no test-set rules, no fixed lookahead. */
    public static GenerationSpec training(TokenLayout layout, Distribution distribution, int maxLookahead) {
        return new GenerationSpec(layout, distribution, maxLookahead, GenerationMode.FIRST_STEP, -1, false, Set.of());
    }

    public GenerationSpec withFixedLookahead(int lookahead) {
        return new GenerationSpec(layout, distribution, maxLookahead, mode, lookahead, testSet, reserved);
    }

    public GenerationSpec withTestSet(boolean testSet) {
        return new GenerationSpec(layout, distribution, maxLookahead, mode, fixedLookahead, testSet, reserved);
    }

    public GenerationSpec withMode(GenerationMode mode) {
        return new GenerationSpec(layout, distribution, maxLookahead, mode, fixedLookahead, testSet, reserved);
    }

    public GenerationSpec withReserved(Set<TokenRow> reserved) {
        return new GenerationSpec(layout, distribution, maxLookahead, mode, fixedLookahead, testSet, reserved);
    }
}
