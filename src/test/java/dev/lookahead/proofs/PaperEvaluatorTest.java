package dev.lookahead.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The PrOntoQA-OOD evaluator's decisions, pinned on proofs where they matter; every expected value here is
 * what the study's evaluator itself gave the same proof (docs/experiments/proofs-reference/).
 */
class PaperEvaluatorTest {
    private static List<String> context(String text) {
        return SentenceParser.sentences(text);
    }

    @Test
    void aContextRuleUsedWithoutBeingStatedCostsAStepAndTheStepsBuiltOnItInheritIt() throws Exception {
        List<String> context = context("Impuses are lempuses. Lempuses are rompuses. Each lorpus is a dumpus. Every impus is a zumpus."
                + " Lempuses are wumpuses. Gorpuses are not wumpuses. Alex is a lorpus. Alex is an impus.");
        List<String> gold = List.of("Alex is an impus.", "Impuses are lempuses.", "Alex is a lempus.", "Lempuses are wumpuses.", "Alex is a wumpus.");
        List<String> candidate = List.of("Alex is an impus.", "Alex is a lempus.", "Lempuses are wumpuses.", "Alex is a wumpus.");

        PaperEvaluator.Result paper = PaperEvaluator.evaluate(context, gold, candidate);
        assertThat(paper.correct()).containsExactly(0, 2);
        assertThat(paper.usefulNonAtomic()).as("'Impuses are lempuses.' never stated; 'Alex is a wumpus.' rests on that step").containsExactly(1, 3);
        assertThat(paper.foundConclusion()).isFalse();
        assertThat(paper.foundConclusionWithNonAtomic()).isTrue();
    }

    @Test
    void aRestatedConjunctiveRuleIsASkipWhenAnotherRuleSharesItsAntecedent() throws Exception {
        // the evaluator's provability graph extends "floral and gorpus" with "not sunny" in place (a known defect of its code)
        List<String> context = context("Shumpuses are floral and gorpuses. Shumpuses are not sunny. Every rompus is not a gorpus."
                + " Yumpuses are vumpuses. Fae is a shumpus and dull. Fae is a yumpus.");
        List<String> gold = List.of("Fae is a shumpus and dull.", "Fae is a shumpus.", "Shumpuses are floral and gorpuses.",
                "Fae is floral and a gorpus.", "Fae is a gorpus.");

        PaperEvaluator.Result paper = PaperEvaluator.evaluate(context, gold, gold);
        assertThat(paper.correct()).containsExactly(0, 1);
        assertThat(paper.usefulSkip()).containsExactly(2);
        assertThat(paper.usefulNonAtomic()).containsExactly(3);
        assertThat(paper.foundConclusion()).as("the gold proof itself is not strict").isFalse();
        assertThat(paper.foundConclusionWithNonAtomic()).isTrue();
    }

    @Test
    void aContradictionWithAnUnstatedPremiseIsAcceptedAsNonAtomic() throws Exception {
        List<String> context = context("Grimpuses are rompuses. Zumpuses are impuses. Each vumpus is a grimpus. Max is not a grimpus. Max is not an impus.");
        List<String> gold = List.of("Assume Max is a vumpus.", "Each vumpus is a grimpus.", "Max is a grimpus.",
                "This contradicts with Max is not a grimpus.", "Max is not a vumpus.");
        List<String> candidate = List.of("Assume Max is a vumpus.", "This contradicts with Max is not a grimpus.", "Max is not a vumpus.");

        PaperEvaluator.Result paper = PaperEvaluator.evaluate(context, gold, candidate);
        assertThat(paper.correct()).containsExactly(0);
        assertThat(paper.usefulNonAtomic()).as("the conclusion the contradiction licenses").containsExactly(2);
        assertThat(paper.validProof()).isTrue();
    }

    @Test
    void aSecondProofByContradictionOfTheSameFactIsNotAcceptedByTheEvaluator() throws Exception {
        List<String> context = context("Jompuses are brimpuses. Each numpus is a vumpus. Everything that is a gorpus or a lempus is a numpus."
                + " Stella is not a numpus. Stella is not a brimpus.");
        List<String> gold = List.of("Assume Stella is a gorpus.", "Stella is a gorpus or a lempus.",
                "Everything that is a gorpus or a lempus is a numpus.", "Stella is a numpus.", "This contradicts with Stella is not a numpus.",
                "Stella is not a gorpus.", "Assume Stella is a lempus.", "Stella is a gorpus or a lempus.",
                "Everything that is a gorpus or a lempus is a numpus.", "Stella is a numpus.", "This contradicts with Stella is not a numpus.",
                "Stella is not a lempus.", "Stella is not a lempus and Stella is not a gorpus.");

        PaperEvaluator.Result paper = PaperEvaluator.evaluate(context, gold, gold);
        assertThat(paper.correct()).containsExactly(0, 1, 2, 3, 5, 6, 7, 8, 9);
        assertThat(paper.incorrect()).containsExactly(10, 11, 12);
        assertThat(paper.validProof()).isFalse();
    }

    @Test
    void anUnreadableSentenceIsLeftOutOfTheProofAsTheEvaluatorDropsIt() {
        List<String> context = context("Impuses are lempuses. Alex is an impus.");
        List<String> gold = List.of("Alex is an impus.", "Impuses are lempuses.", "Alex is a lempus.");
        PaperEvaluator.Result paper = PaperEvaluator.evaluate(context, gold, List.of("Alex is an impus.", "Glorp florp.",
                "Impuses are lempuses.", "Alex is a lempus."));
        assertThat(paper.dropped()).containsExactly("Glorp florp.");
        assertThat(paper.steps()).hasSize(3);
        assertThat(paper.foundConclusion()).isTrue();
    }

    private static final java.util.Set<PaperEvaluator.Fix> ALL_FIXES = java.util.EnumSet.allOf(PaperEvaluator.Fix.class);

    @Test
    void theCorrectedSemanticsCopiesASharedConjunctiveConsequentSoTheRestatedRuleIsCorrect() throws Exception {
        List<String> context = context("Shumpuses are floral and gorpuses. Shumpuses are not sunny. Every rompus is not a gorpus."
                + " Yumpuses are vumpuses. Fae is a shumpus and dull. Fae is a yumpus.");
        List<String> gold = List.of("Fae is a shumpus and dull.", "Fae is a shumpus.", "Shumpuses are floral and gorpuses.",
                "Fae is floral and a gorpus.", "Fae is a gorpus.");
        PaperEvaluator.Result corrected = PaperEvaluator.evaluate(context, gold, gold, java.util.EnumSet.of(PaperEvaluator.Fix.SHARED_CONSEQUENTS));
        assertThat(corrected.correct()).containsExactly(0, 1, 2, 3, 4);
        assertThat(corrected.foundConclusion()).isTrue();
    }

    @Test
    void theCorrectedSemanticsTakesNoPremiseFromASubproofAContradictionHasClosed() throws Exception {
        List<String> context = context("Jompuses are brimpuses. Each numpus is a vumpus. Everything that is a gorpus or a lempus is a numpus."
                + " Stella is not a numpus. Stella is not a brimpus.");
        List<String> gold = List.of("Assume Stella is a gorpus.", "Stella is a gorpus or a lempus.",
                "Everything that is a gorpus or a lempus is a numpus.", "Stella is a numpus.", "This contradicts with Stella is not a numpus.",
                "Stella is not a gorpus.", "Assume Stella is a lempus.", "Stella is a gorpus or a lempus.",
                "Everything that is a gorpus or a lempus is a numpus.", "Stella is a numpus.", "This contradicts with Stella is not a numpus.",
                "Stella is not a lempus.", "Stella is not a lempus and Stella is not a gorpus.");
        // the paper's evaluator proves step 7 from the first, closed assumption, so the second contradiction fails
        PaperEvaluator.Result corrected = PaperEvaluator.evaluate(context, gold, gold, java.util.EnumSet.of(PaperEvaluator.Fix.CLOSED_SUBPROOFS));
        assertThat(corrected.incorrect()).isEmpty();
        assertThat(corrected.foundConclusion()).isTrue();
    }

    @Test
    void theCorrectedSemanticsReadsAConclusionFromASkipRuleAsReachedViaSkip() throws Exception {
        List<String> context = context("Impuses are lempuses. Lempuses are wumpuses. Alex is an impus.");
        List<String> gold = List.of("Alex is an impus.", "Impuses are lempuses.", "Alex is a lempus.", "Lempuses are wumpuses.", "Alex is a wumpus.");
        List<String> candidate = List.of("Alex is an impus.", "Impuses are wumpuses.", "Alex is a wumpus.");

        PaperEvaluator.Result paper = PaperEvaluator.evaluate(context, gold, candidate);
        assertThat(paper.skip()).as("'Impuses are wumpuses.' follows from two context rules").containsExactly(1);
        assertThat(paper.foundConclusionWithSkip()).as("the evaluator's flags come back swapped, and the scan over the context"
                + " leaves the missing-axiom flag set: the conclusion is counted non-atomic").isFalse();
        assertThat(paper.foundConclusionWithNonAtomic()).isTrue();

        PaperEvaluator.Result corrected = PaperEvaluator.evaluate(context, gold, candidate, ALL_FIXES);
        assertThat(corrected.foundConclusionWithSkip()).isTrue();
        assertThat(corrected.foundConclusionWithNonAtomic()).isFalse();
    }

    @Test
    void everyGoldProofOfEachRuleIsStrictUnderTheCorrectedSemantics() throws Exception {
        for (DeductionRule rule : DeductionRule.values()) {
            for (int width : new int[] {2, 3}) {
                var options = new ProblemGenerator.Options(rule, 4, width, ProblemGenerator.Distractors.RELEVANT,
                        ProblemGenerator.Ordering.RANDOM, 3, 0, false, null, null);
                for (DeductionProblem problem : ProblemGenerator.generate(options, 15, width)) {
                    PaperEvaluator.Result r = PaperEvaluator.evaluate(problem.context(), problem.goldProof(), problem.goldProof(), ALL_FIXES);
                    assertThat(r.foundConclusion()).as("%s width %d: %s", rule, width, problem.goldProof()).isTrue();
                }
            }
        }
    }
}
