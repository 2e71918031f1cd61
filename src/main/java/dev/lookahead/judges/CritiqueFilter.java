package dev.lookahead.judges;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Critic-RM's consistency filter (docs/user-guide.md, "judges critiques"): of the critiques of labelled pairwise items,
 * keep those whose verdict agrees with the preference label. Items without a preference (no label, or a tie) are
 * counted, not filtered; a line that is not a pairwise item is one of the problems.
 */
public final class CritiqueFilter {
    /** A kept critique. */
    public record Kept(String id, String judge, String order, String output, String label) {
    }

    /**
     * What the filter did: the critiques kept, how many it read on labelled items, how many had no decisive verdict and
     * how many went against the label, the items left out for having no preference, and the lines refused.
     */
    public record Result(List<Kept> kept, long critiques, long undecided, long againstLabel, long unlabelledItems, List<String> problems) {
    }

    private CritiqueFilter() {
    }

    public static Result apply(Path file, Verdicts verdicts) throws IOException {
        JudgmentFiles.Read<PairwiseItem> read = JudgmentFiles.pairwise(file, share -> { }, () -> false);
        List<Kept> kept = new ArrayList<>();
        long critiques = 0;
        long undecided = 0;
        long against = 0;
        long unlabelled = 0;
        for (PairwiseItem item : read.items()) {
            if (item.label() == null || item.label().equals("tie")) {
                unlabelled++;
                continue;
            }
            for (PairwiseItem.Judgment judgment : item.judgments()) {
                critiques++;
                var verdict = verdicts.read(judgment.output());
                if (verdict.isEmpty() || verdict.get() == Verdicts.Verdict.TIE) {
                    undecided++;
                } else if (PairwiseItem.winner(verdict.get(), judgment.order()).equals(item.label())) {
                    kept.add(new Kept(item.id(), judgment.judge(), judgment.order(), judgment.output(), item.label()));
                } else {
                    against++;
                }
            }
        }
        return new Result(kept, critiques, undecided, against, unlabelled, read.problems());
    }
}
