package dev.lookahead.proofs;

import java.util.List;
import java.util.Locale;

/**
 * A candidate proof checked step by step against its context and gold proof.
 *
 * @param goal        the conclusion the proof must reach (the gold proof's last step)
 * @param strict      the goal is stated by a correct step with no hypothesis open
 * @param viaSkip     not strict, but reached with the help of a skipped rule ("broadly valid")
 * @param viaNonAtomic not strict, but reached by a step that needs several rule applications
 * @param firstError  the first step that is not correct or takes the wrong branch, or null
 * @param verdict     one of {@code strict, via_skip, via_nonatomic, open_hypothesis, not_reached}
 */
public record CheckedProof(List<Step> steps, Formula goal, boolean strict, boolean viaSkip, boolean viaNonAtomic,
                           Integer firstError, String verdict) {

    public CheckedProof {
        steps = List.copyOf(steps);
    }

    /** The paper's "proof accuracy" counts all three. */
    public boolean validProof() {
        return strict || viaSkip || viaNonAtomic;
    }

    /** Every step correct, non-atomic or skip: no invalid or unreadable step. */
    public boolean fullyCorrect() {
        return steps.stream().allMatch(s -> s.label() == Label.CORRECT || s.label() == Label.NON_ATOMIC || s.label() == Label.SKIP);
    }

    public enum Label {
        /** One rule application from the context and earlier correct steps. */
        CORRECT,
        /** Valid, but needs several rule applications (modus tollens lands here). */
        NON_ATOMIC,
        /** A rule that is not in the context but follows from a chain of at most two of its rules. */
        SKIP,
        /** Not provable from what came before. */
        INVALID,
        /** The sentence has no single reading. */
        UNPARSEABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One step of the candidate proof (a "Since A, B" sentence gives two: A, then B).
     *
     * @param premises indices of earlier steps it uses; {@link #CONTEXT} for a context sentence
     * @param rule     the rule applied ({@code axiom, repeat, modus_ponens, and_intro, and_elim, or_intro,
     *                 or_elim, proof_by_contradiction, assume, contradiction}), or null
     * @param formula  the step's logical form (null when unreadable)
     * @param problem  why the step is unreadable or invalid, or null
     * @param depth    how many assumptions are open around the step (an "Assume" step counts its own)
     */
    public record Step(String text, Label label, boolean useful, boolean misleading, List<Integer> premises, String rule,
                       Formula formula, String problem, int depth) {
        public static final int CONTEXT = -1;

        public Step {
            premises = List.copyOf(premises);
        }

        /** "invalid · modus ponens · from 1, 3, context · why": steps counted from 1. */
        public String summary() {
            StringBuilder text = new StringBuilder(label.id().replace('_', '-'));
            if (misleading) text.append(" · misleading");
            if (rule != null) text.append(" · ").append(rule.replace('_', ' '));
            if (!premises.isEmpty()) {
                text.append(" · from ").append(premises.stream()
                        .map(p -> p == CONTEXT ? "context" : Integer.toString(p + 1)).collect(java.util.stream.Collectors.joining(", ")));
            }
            if (problem != null && label != Label.CORRECT) text.append(" · ").append(problem);
            return text.toString();
        }
    }
}
