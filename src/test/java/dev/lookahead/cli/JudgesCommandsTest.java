package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** judges audit and judges rewardbench on the synthetic samples: the contract's fields at the top level, bad lines named. */
class JudgesCommandsTest {
    @TempDir
    Path dir;

    @Test
    void theAuditWritesItsRatesAtTheTopLevelAndPerCategory() throws Exception {
        Path json = dir.resolve("audit.json");
        assertThat(LookaheadCommand.execute("judges", "audit", "--in", "samples/judges/pairwise-synthetic.jsonl", "--json", json.toString())).isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("accuracy").asDouble()).isEqualTo(0.6);
        assertThat(r.get("position_consistency").asDouble()).isEqualTo(0.4);
        assertThat(r.get("first_position_rate").asDouble()).isEqualTo(0.625);
        assertThat(r.get("parse_failures").asInt()).isEqualTo(2);
        assertThat(r.get("tie_rate").asDouble()).isEqualTo(4 / 14.0);
        assertThat(r.get("kappa").has("J1 | J2")).isTrue();
        assertThat(r.get("category").get("math").get("accuracy").asDouble()).isEqualTo(0.25);
    }

    @Test
    void rewardBenchWritesSubsetsSectionsAndTheScore() throws Exception {
        Path json = dir.resolve("rb.json");
        assertThat(LookaheadCommand.execute("judges", "rewardbench", "--in", "samples/judges/rewardbench-synthetic.jsonl", "--json", json.toString()))
                .isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("sections").get("Chat").asDouble()).isEqualTo(78 / 128.0);
        assertThat(r.get("subsets").get("llmbar-natural").asDouble()).isEqualTo(0.5);
        assertThat(r.get("score").asDouble()).isBetween(0.67, 0.671);
    }

    @Test
    void aLineWithoutItsScoresIsNamedAndLeftOut() throws Exception {
        Path in = dir.resolve("scores.jsonl");
        Files.writeString(in, """
                {"subset": "donotanswer", "score_chosen": 1, "score_rejected": 0}
                {"subset": "donotanswer", "score_chosen": "high", "score_rejected": 0}
                """);
        Path json = dir.resolve("out.json");
        assertThat(LookaheadCommand.execute("judges", "rewardbench", "--in", in.toString(), "--json", json.toString())).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(json.toFile()).get("pairs").asInt()).isEqualTo(1);
    }

    @Test
    void pointwiseJudgmentsAreComparedWithPeoplesRanks() throws Exception {
        Path json = dir.resolve("pointwise.json");
        assertThat(LookaheadCommand.execute("judges", "audit", "--in", "samples/judges/pointwise-ranked-synthetic.jsonl", "--json", json.toString()))
                .isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("pairwise_accuracy").asDouble()).isEqualTo(0.75);
        assertThat(r.get("exact_match").asDouble()).isEqualTo(0.5);
        assertThat(r.get("spearman").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.get("kendall_tau").asDouble()).isCloseTo(0.5, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(r.get("parse_failures").asInt()).isEqualTo(1);
    }
}
