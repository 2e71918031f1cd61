package dev.lookahead.proofs;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * A proof part-way through the study's evaluation: its steps, the labels given so far (correct, non-atomic, skip,
 * incorrect) and, per step, the hypotheses it rests on. {@link PaperEvaluator} labels step after step;
 * {@link Derivations} reads the labels of earlier steps to decide the next.
 */
final class ProofState {
    final List<ProofStep> steps;
    final List<Formula> axioms;
    final Set<PaperEvaluator.Fix> fixes;
    final List<Integer> correct = new ArrayList<>();
    final List<Integer> nonAtomic = new ArrayList<>();
    final List<Integer> skip = new ArrayList<>();
    final List<Integer> incorrect = new ArrayList<>();
    /** Per labelled step: the hypotheses (assumptions) it rests on. */
    final List<Set<Formula>> hypotheses = new ArrayList<>();
    /** Hypotheses discharged so far (read only with {@link PaperEvaluator.Fix#CLOSED_SUBPROOFS}). */
    final Set<Formula> discharged = new HashSet<>();
    /** Assumptions made and not yet discharged (read only with {@link PaperEvaluator.Fix#UNUSED_HYPOTHESIS}). */
    final List<Formula> openAssumptions = new ArrayList<>();

    ProofState(List<ProofStep> steps, List<Formula> axioms, Set<PaperEvaluator.Fix> fixes) {
        this.steps = new ArrayList<>(steps);
        this.axioms = axioms;
        this.fixes = fixes;
    }

    boolean fixed(PaperEvaluator.Fix fix) {
        return fixes.contains(fix);
    }

    ProofStep step(int index) {
        return steps.get(index);
    }

    /** The step a premise stands for: the earlier step itself, or the cited one. */
    ProofStep stepOf(Premise premise) {
        return switch (premise) {
            case Premise.Earlier e -> steps.get(e.index());
            case Premise.Cited c -> c.step();
        };
    }

    boolean isCorrect(Premise premise) {
        return premise instanceof Premise.Earlier e && correct.contains(e.index());
    }

    boolean isNonAtomic(Premise premise) {
        return premise instanceof Premise.Earlier e && nonAtomic.contains(e.index());
    }

    boolean isSkip(Premise premise) {
        return premise instanceof Premise.Earlier e && skip.contains(e.index());
    }

    boolean isAxiom(Premise premise) {
        return premise instanceof Premise.Cited c && c.step().is(ProofStep.Kind.STATEMENT) && axioms.contains(c.step().formula());
    }

    boolean isIncorrect(Premise premise) {
        return premise instanceof Premise.Earlier e && incorrect.contains(e.index());
    }

    /** The last step before {@code limit} that is {@code wanted}, or -1. */
    int lastBefore(int limit, ProofStep wanted) {
        for (int k = Math.min(limit, steps.size()) - 1; k >= 0; k--) if (steps.get(k).equals(wanted)) return k;
        return -1;
    }

    /** As {@link #lastBefore}, passing over steps that may no longer serve as premises ({@link #usable}). */
    int lastUsableBefore(int limit, ProofStep wanted) {
        int at = lastBefore(limit, wanted);
        while (at >= 0 && !usable(at)) at = lastBefore(at, wanted);
        return at;
    }

    /** Where premises are looked for: earlier steps, nearest first, then the context. */
    List<Premise> premiseSources(int index) {
        List<Premise> sources = new ArrayList<>();
        for (int k = index - 1; k >= 0; k--) if (usable(k)) sources.add(Premise.earlier(k));
        for (Formula axiom : axioms) sources.add(Premise.cited(axiom));
        return sources;
    }

    /**
     * Whether step k may still serve as a premise: always in the study's evaluator; with closed subproofs fixed, not
     * when it rests on a hypothesis already discharged.
     */
    boolean usable(int k) {
        if (!fixed(PaperEvaluator.Fix.CLOSED_SUBPROOFS) || k >= hypotheses.size()) return true;
        for (Formula h : hypotheses.get(k)) if (discharged.contains(h)) return false;
        return true;
    }
}
