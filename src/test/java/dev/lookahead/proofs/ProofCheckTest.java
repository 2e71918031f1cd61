package dev.lookahead.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.proofs.CheckedProof.Label;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Proofs checked under the study's semantics, read back as labelled steps. Every verdict pinned here is the
 * one the PrOntoQA-OOD evaluator itself gave the same proof (docs/experiments/proofs-reference/).
 */
class ProofCheckTest {
    private static final List<String> CONTRADICTION_CONTEXT = SentenceParser.sentences("Each zumpus is a tumpus. Tumpuses are brimpuses."
            + " Every wumpus is a jompus. Wren is not a brimpus. Wren is a wumpus.");
    private static final List<String> CONTRADICTION_GOLD = List.of("Assume Wren is a zumpus.", "Each zumpus is a tumpus.", "Wren is a tumpus.",
            "Tumpuses are brimpuses.", "Wren is a brimpus.", "This contradicts with Wren is not a brimpus.", "Wren is not a zumpus.");

    private static CheckedProof paper(List<String> context, List<String> gold, String... candidate) throws Exception {
        return ProofCheck.check(context, gold, List.of(candidate), ProofSemantics.PAPER);
    }

    private static List<Label> labels(CheckedProof proof) {
        return proof.steps().stream().map(CheckedProof.Step::label).toList();
    }

    @Test
    void aConclusionFromAContextRuleTheProofNeverStatedIsNonAtomic() throws Exception {
        List<String> context = SentenceParser.sentences("Zumpuses are angry and shumpuses and brimpuses. Every wumpus is a tumpus."
                + " Max is a zumpus. Max is a wumpus.");
        List<String> gold = List.of("Max is a zumpus.", "Zumpuses are angry and shumpuses and brimpuses.", "Max is angry, a shumpus, and a brimpus.");

        CheckedProof proof = paper(context, gold, "Max is a zumpus.", "Max is angry, a shumpus, and a brimpus.");
        assertThat(labels(proof)).containsExactly(Label.CORRECT, Label.NON_ATOMIC);
        assertThat(proof.steps().get(1).premises()).containsExactly(0, CheckedProof.Step.CONTEXT);
        assertThat(proof.steps().get(1).problem()).contains("never stated");
        assertThat(proof.strict()).isFalse();
        assertThat(proof.verdict()).isEqualTo("via_nonatomic");
        assertThat(paper(context, gold, gold.toArray(String[]::new)).strict()).as("stating the rule first makes it strict").isTrue();
    }

    @Test
    void aProofByContradictionAfterASkipRuleIsReachedOnlyViaNonAtomicSteps() throws Exception {
        CheckedProof proof = paper(CONTRADICTION_CONTEXT, CONTRADICTION_GOLD, "Assume Wren is a zumpus.", "Each zumpus is a brimpus.",
                "Wren is a brimpus.", "This contradicts with Wren is not a brimpus.", "Wren is not a zumpus.");
        assertThat(labels(proof)).containsExactly(Label.CORRECT, Label.SKIP, Label.NON_ATOMIC, Label.NON_ATOMIC, Label.NON_ATOMIC);
        assertThat(proof.strict()).isFalse();
        assertThat(proof.viaSkip()).as("the evaluator carries the skip forward as non-atomic").isFalse();
        assertThat(proof.viaNonAtomic()).isTrue();
        assertThat(proof.validProof()).isTrue();
    }

    @Test
    void aContradictionWithANonAtomicEarlierStepIsAccepted() throws Exception {
        CheckedProof proof = paper(CONTRADICTION_CONTEXT, CONTRADICTION_GOLD, "Assume Wren is a zumpus.", "Wren is a tumpus.",
                "Tumpuses are brimpuses.", "Wren is a brimpus.", "This contradicts with Wren is not a brimpus.", "Wren is not a zumpus.");
        assertThat(proof.stepLists().get("correct_steps")).containsExactly(0, 2);
        assertThat(proof.stepLists().get("useful_non_atomic_steps")).containsExactly(1, 3);
        assertThat(proof.stepLists().get("incorrect_steps")).isEmpty();
        assertThat(proof.verdict()).isEqualTo("via_nonatomic");
    }

    @Test
    void anUnreadableSentenceStaysWhereItStoodAndTheListsIndexTheCheckedSteps() throws Exception {
        CheckedProof proof = paper(CONTRADICTION_CONTEXT, CONTRADICTION_GOLD, "Assume Wren is a zumpus.", "Glorp florp.",
                "Each zumpus is a tumpus.", "Since Wren is a zumpus, Wren is a tumpus.", "Tumpuses are brimpuses.", "Wren is a brimpus.",
                "This contradicts with Wren is not a brimpus.", "Wren is not a zumpus.");
        assertThat(proof.steps()).hasSize(9);
        CheckedProof.Step unreadable = proof.steps().get(1);
        assertThat(unreadable.label()).isEqualTo(Label.UNPARSEABLE);
        assertThat(unreadable.problem()).contains("Glorp florp.");
        assertThat(unreadable.evaluatorStep()).as("the evaluator leaves it out").isNull();
        assertThat(proof.steps().get(3).part()).isEqualTo("since-premise");
        assertThat(proof.steps().get(4).part()).isEqualTo("since-conclusion");
        assertThat(proof.steps().get(4).premises()).as("the Since premise and the rule before it").containsExactly(3, 2);
        assertThat(proof.stepLists().get("correct_steps")).containsExactly(0, 2, 3, 4, 5, 6, 8);
        assertThat(proof.strict()).as("the evaluator proves the goal around the unreadable sentence").isTrue();
        assertThat(proof.firstError()).isEqualTo(1);
    }

    @Test
    void eachStepNamesTheDeductionThatLicensesIt() throws Exception {
        CheckedProof gold = paper(CONTRADICTION_CONTEXT, CONTRADICTION_GOLD, CONTRADICTION_GOLD.toArray(String[]::new));
        assertThat(gold.steps().stream().map(CheckedProof.Step::rule).toList()).containsExactly("assume", "axiom", "modus_ponens", "axiom",
                "modus_ponens", "contradiction", "proof_by_contradiction");
        assertThat(gold.steps().get(5).label()).as("an accepted contradiction takes its conclusion's label").isEqualTo(Label.CORRECT);
        assertThat(gold.steps().get(2).depth()).as("inside the assumption").isEqualTo(1);
        assertThat(gold.steps().get(6).depth()).as("the contradiction discharges it").isZero();
    }

    @Test
    void theCorrectedSemanticsNamesTheFixThatChangesAProof() throws Exception {
        List<String> context = SentenceParser.sentences("Shumpuses are floral and gorpuses. Shumpuses are not sunny. Every rompus is not a gorpus."
                + " Yumpuses are vumpuses. Fae is a shumpus and dull. Fae is a yumpus.");
        List<String> gold = List.of("Fae is a shumpus and dull.", "Fae is a shumpus.", "Shumpuses are floral and gorpuses.",
                "Fae is floral and a gorpus.", "Fae is a gorpus.");
        CheckedProof paper = ProofCheck.check(context, gold, gold, ProofSemantics.PAPER);
        CheckedProof corrected = ProofCheck.check(context, gold, gold, ProofSemantics.CORRECTED);
        assertThat(paper.steps().get(2).label()).isEqualTo(Label.SKIP);
        assertThat(paper.deviations()).isEmpty();
        assertThat(corrected.strict()).isTrue();
        assertThat(corrected.deviations()).containsExactly("shared-consequents");

        ProofComparison comparison = ProofComparison.of(context, null, gold, gold, ProofSemantics.PAPER);
        assertThat(comparison.otherLabels()).as("the steps the corrected semantics labels differently")
                .containsEntry(2, Label.CORRECT).containsEntry(3, Label.CORRECT).doesNotContainKey(0);
    }

    @Test
    void withoutAGoldProofTheCheckSaysWhatIsMissing() {
        assertThatThrownBy(() -> ProofCheck.check(CONTRADICTION_CONTEXT, List.of(), List.of("Wren is a wumpus."), ProofSemantics.PAPER))
                .hasMessageContaining("no 'gold_proof'");
    }

    @Test
    void conjunctionIntroductionIsCorrectWhateverItsPremisesStatus() throws Exception {
        List<String> context = SentenceParser.sentences("Impuses are lempuses. Lempuses are wumpuses. Alex is an impus. Alex is red.");
        List<String> gold = List.of("Alex is an impus.", "Impuses are lempuses.", "Alex is a lempus.", "Alex is red.", "Alex is a lempus and red.");
        CheckedProof proof = paper(context, gold, "Alex is an impus.", "Alex is a lempus.", "Alex is red.", "Alex is a lempus and red.");
        assertThat(labels(proof)).containsExactly(Label.CORRECT, Label.NON_ATOMIC, Label.CORRECT, Label.CORRECT);
        assertThat(proof.steps().get(3).rule()).isEqualTo("and_intro");
        assertThat(proof.strict()).as("the evaluator's exception: the non-atomic premise is not carried into the conjunction").isTrue();
    }

    @Test
    void theFlagOrderAndMissingAxiomFixesTogetherLetASkipRuleReachTheGoalViaSkip() throws Exception {
        List<String> context = SentenceParser.sentences("Impuses are lempuses. Lempuses are wumpuses. Alex is an impus.");
        List<String> gold = List.of("Alex is an impus.", "Impuses are lempuses.", "Alex is a lempus.", "Lempuses are wumpuses.", "Alex is a wumpus.");
        List<String> candidate = List.of("Alex is an impus.", "Impuses are wumpuses.", "Alex is a wumpus.");
        CheckedProof paper = ProofCheck.check(context, gold, candidate, ProofSemantics.PAPER);
        CheckedProof corrected = ProofCheck.check(context, gold, candidate, ProofSemantics.CORRECTED);
        assertThat(paper.verdict()).isEqualTo("via_nonatomic");
        assertThat(corrected.verdict()).isEqualTo("via_skip");
        assertThat(corrected.deviations()).containsExactly("flag-order", "missing-axiom-flag");
    }

    @Test
    void theCorrectedSemanticsLetsAContradictionDischargeAnAssumptionItDidNotUse() throws Exception {
        // a context that contradicts itself, as the study's generator sometimes writes one
        List<String> context = SentenceParser.sentences("Alex is a rompus. Each rompus is a lorpus. Alex is not a lorpus. Brimpuses are wumpuses.");
        List<String> gold = List.of("Assume Alex is a brimpus.", "Alex is a rompus.", "Each rompus is a lorpus.", "Alex is a lorpus.",
                "This contradicts with Alex is not a lorpus.", "Alex is not a brimpus.");
        CheckedProof paper = ProofCheck.check(context, gold, gold, ProofSemantics.PAPER);
        assertThat(paper.stepLists().get("incorrect_steps")).as("the evaluator: the contradiction rests on no hypothesis").containsExactly(4, 5);
        CheckedProof corrected = ProofCheck.check(context, gold, gold, ProofSemantics.CORRECTED);
        assertThat(corrected.strict()).isTrue();
        assertThat(corrected.deviations()).containsExactly("unused-hypothesis");
    }
}
