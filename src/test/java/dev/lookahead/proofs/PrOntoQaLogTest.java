package dev.lookahead.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.node.ObjectNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reading the experiment script's result logs, so that published model outputs can be scored again. */
class PrOntoQaLogTest {
    @TempDir
    Path dir;

    @Test
    void theSampleLogGivesOneLinePerTrialWithItsContextQueryGoldProofAndAnswer() throws Exception {
        List<ObjectNode> examples = PrOntoQaLog.read(Path.of("samples/proofs/sample-run.log"));
        assertThat(examples).hasSize(4);
        ObjectNode second = examples.get(1);
        assertThat(second.get("id").asText()).isEqualTo("2");
        assertThat(second.get("query").asText()).isEqualTo("Prove: Alex is a wumpus.");
        assertThat(second.get("question").asText()).startsWith("Impuses are lempuses.").endsWith("Alex is an impus.");
        assertThat(second.get("gold_proof")).hasSize(5);
        assertThat(second.get("candidate_proof")).hasSize(4);
        // scored as the script scores it (the study's own parse_log gives these flags for the sample)
        CheckedProof r = ProofFiles.check(second, ProofSemantics.PAPER);
        assertThat(r.strict()).isFalse();
        assertThat(r.viaNonAtomic()).isTrue();
        assertThat(ProofFiles.check(examples.get(3), ProofSemantics.PAPER).stepLists().get("incorrect_steps")).containsExactly(2, 3);
    }

    @Test
    void aLogWhoseTrialsDoNotCountUpIsRefusedNamingTheFileAndLine() throws Exception {
        Path log = dir.resolve("run.log");
        Files.writeString(log, "Q: Alex is an impus. Prove: Alex is an impus.\nPredicted answer: Alex is an impus.\n"
                + "Expected answer: Alex is an impus.\nn: 2, mean: 0.5,\n");
        assertThatThrownBy(() -> PrOntoQaLog.read(log)).hasMessageContaining(log.toString()).hasMessageContaining("line 4")
                .hasMessageContaining("trial 2 follows trial 0");
        Files.writeString(log, "Q: Alex is an impus. Prove: Alex is an impus.\nPredicted answer: Alex is an impus.\n");
        assertThatThrownBy(() -> PrOntoQaLog.read(log)).hasMessageContaining("line 2").hasMessageContaining("no 'Expected answer:'");
    }

    @Test
    void anAnswerTheScriptMarkedTooLongIsLeftOut() throws Exception {
        Path log = dir.resolve("run.log");
        Files.writeString(log, "Q: Alex is an impus. Prove: Alex is an impus.\nPredicted answer: CONTEXT_TOO_LONG_ERROR\n"
                + "Expected answer: Alex is an impus.\nn: 1, mean: 0.5,\n");
        assertThat(PrOntoQaLog.read(log)).isEmpty();
    }
}
