package dev.lookahead.judges;

import java.util.List;

/**
 * One pairwise item: two responses to a prompt, an optional gold label, a category, and the judgments of it.
 *
 * @param label "a", "b", "tie", or null when unknown
 */
public record PairwiseItem(String id, String category, String label, List<Judgment> judgments, String prompt, String responseA, String responseB) {
    /** An item known by its judgments alone (its texts empty). */
    public PairwiseItem(String id, String category, String label, List<Judgment> judgments) {
        this(id, category, label, judgments, "", "", "");
    }

    /**
     * One judge's output for one presentation order.
     *
     * @param order "ab" (response a shown first) or "ba" (response b shown first)
     */
    public record Judgment(String judge, String order, String output) {
        public Judgment {
            if (!order.equals("ab") && !order.equals("ba")) throw new IllegalArgumentException("\"order\" must be \"ab\" or \"ba\" (got \"" + order + "\")");
        }
    }

    public PairwiseItem {
        judgments = List.copyOf(judgments);
        if (label != null && !List.of("a", "b", "tie").contains(label)) {
            throw new IllegalArgumentException("\"label\" must be \"a\", \"b\", \"tie\" or null (got \"" + label + "\")");
        }
    }

    /** The response a positional verdict picks under an order: "a", "b" or "tie". */
    public static String winner(Verdicts.Verdict verdict, String order) {
        return switch (verdict) {
            case TIE -> "tie";
            case FIRST -> order.equals("ab") ? "a" : "b";
            case SECOND -> order.equals("ab") ? "b" : "a";
        };
    }
}
