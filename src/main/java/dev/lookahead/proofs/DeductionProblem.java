package dev.lookahead.proofs;

import java.util.List;

/**
 * One deduction problem as the study poses it: the context sentences, the query, the gold proof and
 * the in-context demonstrations shown before it.
 *
 * @param rule        the deduction rule tested ({@link DeductionRule#id()})
 * @param hops        applications of the tested rule in the gold proof
 * @param width       conjuncts, disjuncts, cases or subproofs per application
 * @param distractors relevant, irrelevant or none
 * @param context     the context sentences, in the order shown
 * @param query       "Prove: ..."
 * @param goldProof   the gold proof, one sentence per element
 * @param demos       in-context demonstrations (empty for a demonstration itself)
 */
public record DeductionProblem(String id, String rule, int hops, int width, String distractors, List<String> context,
                               String query, List<String> goldProof, List<DeductionProblem> demos) {

    public DeductionProblem {
        context = List.copyOf(context);
        goldProof = List.copyOf(goldProof);
        demos = List.copyOf(demos);
    }

    /** The context as one paragraph, the form the study's prompts use. */
    public String question() {
        return String.join(" ", context);
    }
}
