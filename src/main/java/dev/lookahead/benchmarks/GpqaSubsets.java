package dev.lookahead.benchmarks;

/**
 * GPQA's subsets recomputed from the validator columns with the paper's rules (Rein et al. 2023, Section 2.3 and
 * Table 2). An expert validator "agrees" when they answered correctly, or - the paper's post-hoc rule - when after
 * seeing the correct answer and the writer's explanation they agreed with it ("Post hoc agreement_EV_i" is "Agree").
 * <ul>
 * <li>extended: every question;</li>
 * <li>main: at least one of the two experts agrees, and at most two of the three non-experts answered correctly;</li>
 * <li>diamond: the first expert answered correctly and the second agrees (answered correctly, or agreed post hoc), and
 * at most one of the three non-experts answered correctly.</li>
 * </ul>
 * {@link Agreement#CORRECT_ONLY} leaves the post-hoc rule out, to see how much of a file it explains.
 */
public final class GpqaSubsets {
    /** What counts as an expert agreeing. */
    public enum Agreement {
        /** Answered correctly, or agreed post hoc (the paper's rule). */
        PAPER,
        /** Answered correctly only. */
        CORRECT_ONLY
    }

    /** A question's membership with the reason that decided each. */
    public record Membership(boolean main, boolean diamond, String mainReason, String diamondReason) {
    }

    private GpqaSubsets() {
    }

    static boolean agrees(GpqaRow row, int expert, Agreement rule) {
        if (Boolean.TRUE.equals(row.expertCorrect().get(expert))) return true;
        return rule == Agreement.PAPER && row.expertPostHoc().get(expert).equalsIgnoreCase("Agree");
    }

    public static Membership of(GpqaRow row, Agreement rule) {
        boolean first = agrees(row, 0, rule);
        boolean second = agrees(row, 1, rule);
        int nonExperts = row.nonExpertsCorrect();
        int agreeing = (first ? 1 : 0) + (second ? 1 : 0);
        boolean main = agreeing >= 1 && nonExperts <= 2;
        boolean firstCorrect = Boolean.TRUE.equals(row.expertCorrect().get(0));
        boolean diamond = firstCorrect && second && nonExperts <= 1;
        String mainReason = agreeing + "/2 experts agree, " + nonExperts + "/3 non-experts correct: "
                + (main ? "in main" : agreeing == 0 ? "no expert agrees" : "all three non-experts correct");
        String diamondReason = diamond ? "first expert correct, second agrees, " + nonExperts + "/3 non-experts correct: in diamond"
                : !firstCorrect ? "the first expert answered incorrectly"
                : !second ? "the second expert neither answered correctly nor agreed post hoc"
                : nonExperts + "/3 non-experts correct (diamond allows 1)";
        return new Membership(main, diamond, mainReason, diamondReason);
    }
}
