package dev.lookahead.proofs;

import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * A candidate proof checked step by step against its context and gold proof, under one {@link ProofSemantics}.
 *
 * @param steps       every sentence the candidate wrote, as checked: one step per formula the evaluator scores ("Since A,
 *                    B" gives two), and a sentence it cannot read as an {@link Label#UNPARSEABLE} step where it stood
 * @param goal        the conclusion the proof must reach (the gold proof's last step)
 * @param strict      the evaluator's {@code found_conclusion}: the goal stated by a correct step with no hypothesis open
 * @param viaSkip     the evaluator's {@code found_conclusion_with_skip_steps}, as it returns it (not masked by {@code strict})
 * @param viaNonAtomic the evaluator's {@code found_conclusion_with_non_atomic_steps}, likewise
 * @param firstError  the first step that is invalid, unparseable or takes the wrong branch, or null
 * @param verdict     one of {@code strict, via_skip, via_nonatomic, open_hypothesis, not_reached}
 * @param stepLists   the evaluator's per-step lists under its own names, as indices into {@code steps}
 * @param deviations  under the corrected semantics, each fix that changes this proof (by {@link PaperEvaluator.Fix#id()})
 */
public record CheckedProof(ProofSemantics semantics, List<Step> steps, Formula goal, boolean strict, boolean viaSkip, boolean viaNonAtomic,
                           Integer firstError, String verdict, Map<String, List<Integer>> stepLists, List<String> deviations) {

    public CheckedProof {
        steps = List.copyOf(steps);
        stepLists = java.util.Collections.unmodifiableMap(new java.util.LinkedHashMap<>(stepLists));
        deviations = List.copyOf(deviations);
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
        /** One rule application from earlier steps of the proof (the evaluator's correct steps). */
        CORRECT,
        /** Valid, but needs several rule applications, an unstated context sentence, or rests on such a step. */
        NON_ATOMIC,
        /** A rule that is not in the context but follows from a chain of at most two of its rules. */
        SKIP,
        /** Not provable from what came before (the evaluator's incorrect steps). */
        INVALID,
        /** The sentence has no single reading; the evaluator leaves it out of the proof. */
        UNPARSEABLE;

        public String id() {
            return name().toLowerCase(Locale.ROOT);
        }
    }

    /**
     * One step of the candidate proof.
     *
     * @param useful        in one of the evaluator's useful lists (correct-and-useful, useful skip, useful non-atomic)
     * @param misleading    in its wrong-branch list: an off-path rule applied right after a gold step
     * @param premises      indices of earlier steps it uses; {@link #CONTEXT} for a context sentence never stated
     * @param rule          the deduction that licenses it ({@code axiom, repeat, assume, modus_ponens, modus_tollens,
     *                      and_intro, and_elim, or_intro, or_elim, contradiction, proof_by_contradiction}), or null
     * @param formula       the step's logical form (null when unreadable)
     * @param problem       why the step is not correct, or null
     * @param depth         how many hypotheses are open after the step
     * @param part          "since-premise" or "since-conclusion" for the halves of a "Since A, B" sentence, else null
     * @param evaluatorStep the step's index in the evaluator's own numbering (which leaves unreadable sentences out), or null
     */
    public record Step(String text, Label label, boolean useful, boolean misleading, List<Integer> premises, String rule,
                       Formula formula, String problem, int depth, String part, Integer evaluatorStep) {
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
            if (part != null) text.append(part.equals("since-premise") ? " · the premise of its 'Since'" : " · the conclusion of its 'Since'");
            if (problem != null && label != Label.CORRECT) text.append(" · ").append(problem);
            return text.toString();
        }
    }
}
