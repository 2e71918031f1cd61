package dev.lookahead.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which sentences the evaluator cannot read stay in a proof; every verdict here is the study's evaluator's own. */
class UnreadableSentencesTest {
    @TempDir
    Path dir;

    private static final List<String> CONTEXT = SentenceParser.sentences("Impuses are lempuses. Lempuses are wumpuses. Alex is an impus.");
    private static final List<String> GOLD = List.of("Alex is an impus.", "Impuses are lempuses.", "Alex is a lempus.", "Lempuses are wumpuses.",
            "Alex is a wumpus.");

    @Test
    void aStatementAboutAConceptWithAStrangeNameStaysAsAnIncorrectStepAndBreaksTheStepAfterIt() throws Exception {
        CheckedProof proof = ProofCheck.check(CONTEXT, GOLD, List.of("Alex is an impus.", "Impuses are lempuses.", "Bob is a lempus.",
                "Lempuses are wumpuses.", "Alex is a wumpus."), ProofSemantics.PAPER);
        assertThat(proof.steps().get(2).label()).isEqualTo(CheckedProof.Label.UNPARSEABLE);
        assertThat(proof.steps().get(2).evaluatorStep()).isEqualTo(2);
        assertThat(proof.stepLists().get("incorrect_steps")).as("the rule's premise must be the step before it").containsExactly(2, 4);
        assertThat(proof.validProof()).isFalse();
    }

    @Test
    void gibberishIsLeftOutAndTheProofAroundItStands() throws Exception {
        CheckedProof proof = ProofCheck.check(CONTEXT, GOLD, List.of("Alex is an impus.", "Impuses are lempuses.", "Glorp florp blorp.",
                "Alex is a lempus.", "Lempuses are wumpuses.", "Alex is a wumpus."), ProofSemantics.PAPER);
        assertThat(proof.steps().get(2).label()).isEqualTo(CheckedProof.Label.UNPARSEABLE);
        assertThat(proof.steps().get(2).evaluatorStep()).isNull();
        assertThat(proof.steps().get(2).problem()).contains("left out");
        assertThat(proof.strict()).isTrue();
    }

    @Test
    void theWorkbenchRuleKeepsWhatNamesAConceptAfterAnArticleOrAVerb() {
        assertThat(UnreadableSentences.WORKBENCH.kept("Bob is an impus.")).isTrue();
        assertThat(UnreadableSentences.WORKBENCH.kept("Wumpuses is lorpuses.")).isTrue();
        assertThat(UnreadableSentences.WORKBENCH.kept("This contradicts with Bob is not an impus.")).isTrue();
        assertThat(UnreadableSentences.WORKBENCH.kept("Glorp florp blorp.")).isFalse();
        assertThat(UnreadableSentences.WORKBENCH.kept("Impuses glorp.")).isFalse();
    }

    @Test
    void aPatternFileDecidesInsteadAndABrokenPatternIsNamedByItsLine() throws Exception {
        Path file = Files.writeString(dir.resolve("patterns.txt"), "^Glorp\\s.*\n\n.*\\sflorp$\n");
        UnreadableSentences patterns = UnreadableSentences.patterns(file);
        assertThat(patterns.kept("Glorp florp blorp.")).as("matched from the start").isTrue();
        assertThat(patterns.kept("Blorp glorp florp.")).as("the full stop left off").isTrue();
        assertThat(patterns.kept("Bob is an impus.")).isFalse();
        Path broken = Files.writeString(dir.resolve("broken.txt"), "^ok\n(unclosed\n");
        assertThatThrownBy(() -> UnreadableSentences.patterns(broken)).hasMessageContaining("broken.txt, line 2");
    }
}
