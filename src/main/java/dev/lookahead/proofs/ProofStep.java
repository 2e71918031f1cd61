package dev.lookahead.proofs;

/**
 * One step of a proof as the study's evaluator reads it (docs/user-guide.md, "The study's own semantics"): a statement,
 * an assumption ("Assume φ"), a contradiction ("This contradicts with φ", φ null for "This is a contradiction"), or a
 * sentence it could not read but keeps in place. Two steps are the same step when they are of one kind with one formula:
 * an assumption is never the same step as the statement of its formula, which is why a gold proof's "Assume φ" does not
 * make a candidate's "φ." useful.
 */
record ProofStep(Kind kind, Formula formula) {
    enum Kind {
        STATEMENT, ASSUMPTION, CONTRADICTION, UNREADABLE
    }

    static final ProofStep UNREADABLE = new ProofStep(Kind.UNREADABLE, null);

    static ProofStep stated(Formula formula) {
        return new ProofStep(Kind.STATEMENT, formula);
    }

    static ProofStep assumed(Formula formula) {
        return new ProofStep(Kind.ASSUMPTION, formula);
    }

    static ProofStep contradiction(Formula argument) {
        return new ProofStep(Kind.CONTRADICTION, argument);
    }

    boolean is(Kind wanted) {
        return kind == wanted;
    }

    /** The formula this step states, or null when it states none (an assumption not yet reached, a contradiction, an unreadable sentence). */
    Formula statement() {
        return kind == Kind.STATEMENT ? formula : null;
    }

    /** Whether this step states exactly {@code other}. */
    boolean states(Formula other) {
        return kind == Kind.STATEMENT && formula.equals(other);
    }
}
