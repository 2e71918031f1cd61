package dev.lookahead.proofs;

import java.util.EnumSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which semantics decides each step of a proof (docs/user-guide.md, "The study's own semantics"): the
 * PrOntoQA-OOD evaluator's, known defects included, or the same evaluator with each defect fixed.
 * Both run one code path, {@link PaperEvaluator}; they differ only in its {@link PaperEvaluator.Fix} switches.
 */
public enum ProofSemantics {
    /** The study's evaluator as its numbers were computed. */
    PAPER,
    /** The same evaluator with every known defect fixed; each fix that changes a proof is named under its deviations. */
    CORRECTED;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** The evaluator's defects this semantics fixes. */
    public Set<PaperEvaluator.Fix> fixes() {
        return this == PAPER ? Set.of() : EnumSet.allOf(PaperEvaluator.Fix.class);
    }

    /** The semantics a proof is compared with: the other one. */
    public ProofSemantics other() {
        return this == PAPER ? CORRECTED : PAPER;
    }

    /** The semantics named {@code id}, or an error that lists the names. */
    public static ProofSemantics parse(String id) {
        for (ProofSemantics s : values()) if (s.id().equals(id)) return s;
        throw new IllegalArgumentException("unknown semantics '" + id + "'; choose paper or corrected");
    }
}
