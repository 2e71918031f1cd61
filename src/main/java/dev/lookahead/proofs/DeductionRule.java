package dev.lookahead.proofs;

import java.util.Arrays;
import java.util.stream.Collectors;

/** The deduction rules a problem can test (the PrOntoQA-OOD paper; docs/user-guide.md, "The Proofs panel"); Composed mixes several in one proof. */
public enum DeductionRule {
    MODUS_PONENS("ModusPonens"),
    AND_INTRO("AndIntro"),
    AND_ELIM("AndElim"),
    OR_INTRO("OrIntro"),
    OR_ELIM("OrElim"),
    PROOF_BY_CONTRA("ProofByContra"),
    COMPOSED("Composed");

    private final String id;

    DeductionRule(String id) {
        this.id = id;
    }

    /** The study's name, as on the command line. */
    public String id() {
        return id;
    }

    /** Proof by cases and by contradiction are one hop each: their width grows instead. */
    public boolean oneHop() {
        return this == OR_ELIM || this == PROOF_BY_CONTRA;
    }

    public static DeductionRule parse(String id) {
        for (DeductionRule rule : values()) if (rule.id.equalsIgnoreCase(id)) return rule;
        throw new IllegalArgumentException("unknown rule '" + id + "'; choose one of "
                + Arrays.stream(values()).map(DeductionRule::id).collect(Collectors.joining(", ")));
    }
}
