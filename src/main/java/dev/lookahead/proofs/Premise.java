package dev.lookahead.proofs;

/**
 * What a step of a proof rests on: an earlier step of the proof, or a step cited without being written - a context
 * sentence, or the hypothesis a contradiction discharges.
 */
sealed interface Premise {

    /** Step {@code index} of the proof. */
    record Earlier(int index) implements Premise {
    }

    /** A step not written in the proof: a context sentence (then a rule or fact), or a discharged hypothesis. */
    record Cited(ProofStep step) implements Premise {
    }

    static Premise earlier(int index) {
        return new Earlier(index);
    }

    static Premise cited(Formula formula) {
        return new Cited(ProofStep.stated(formula));
    }
}
