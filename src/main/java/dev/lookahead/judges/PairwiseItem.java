package dev.lookahead.judges;

import java.util.List;

/**
 * One pairwise item: two responses to a prompt, an optional gold label, a category, and the judgments of it.
 *
 * @param label "a", "b", "tie", or null when unknown
 * @param votes every label people gave the item (MT-Bench has several votes for some pairs), each scored against every
 *              judgment; the label alone when there is one
 */
public record PairwiseItem(String id, String category, String label, List<Judgment> judgments, String prompt, String responseA, String responseB,
                           List<String> votes) {
    /** An item with one label or none. */
    public PairwiseItem(String id, String category, String label, List<Judgment> judgments, String prompt, String responseA, String responseB) {
        this(id, category, label, judgments, prompt, responseA, responseB, label == null ? List.of() : List.of(label));
    }

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
        votes = List.copyOf(votes);
        for (String vote : votes) {
            if (!List.of("a", "b", "tie").contains(vote)) throw new IllegalArgumentException("a label must be \"a\", \"b\" or \"tie\" (got \"" + vote + "\")");
        }
        if (label != null && !List.of("a", "b", "tie").contains(label)) {
            throw new IllegalArgumentException("\"label\" must be \"a\", \"b\", \"tie\" or null (got \"" + label + "\")");
        }
    }

    /** This item with people's votes as its labels (the first one its label). */
    public PairwiseItem withVotes(List<String> newVotes) {
        return new PairwiseItem(id, category, newVotes.isEmpty() ? null : newVotes.get(0), judgments, prompt, responseA, responseB, newVotes);
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
