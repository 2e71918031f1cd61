package dev.lookahead.proofs;

import java.util.List;

/**
 * How a step follows from earlier ones, as the study's evaluator finds it: in how many steps ({@code null}: it does not
 * follow), whether every premise was itself correct ({@code valid}), or rests on a multi-step deduction
 * ({@code nonAtomic}) or on a shortcut rule ({@code skip}); the premises, the hypotheses it discharges and the
 * deduction's name.
 */
record Derivation(Integer steps, boolean valid, boolean nonAtomic, boolean skip, List<Premise> premises, List<Formula> discharged,
                  String rule) {
    static final Derivation NONE = new Derivation(null, false, false, false, List.of(), List.of(), null);

    static Derivation of(Integer steps, boolean valid, boolean nonAtomic, boolean skip, List<Premise> premises) {
        return new Derivation(steps, valid, nonAtomic, skip, List.copyOf(premises), List.of(), null);
    }

    boolean follows() {
        return steps != null;
    }

    /** It follows, and its premises carry some status (correct, non-atomic or skip). */
    boolean usable() {
        return follows() && (valid || nonAtomic || skip);
    }

    Derivation named(String name) {
        return new Derivation(steps, valid, nonAtomic, skip, premises, discharged, name);
    }

    Derivation discharging(List<Formula> hypotheses) {
        return new Derivation(steps, valid, nonAtomic, skip, premises, List.copyOf(hypotheses), rule);
    }
}
