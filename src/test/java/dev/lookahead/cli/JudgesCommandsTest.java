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
    void theAuditWritesItsRatesAtTheTopLevelAndPerCategoryUnderTheStrictRule() throws Exception {
        Path json = dir.resolve("audit.json");
        assertThat(LookaheadCommand.execute("judges", "audit", "--in", "samples/judges/pairwise-synthetic.jsonl", "--verdict", "strict", "--json",
                json.toString())).isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("accuracy").asDouble()).isEqualTo(0.6);
        assertThat(r.get("position_consistency").asDouble()).isEqualTo(0.4);
        assertThat(r.get("fastchat_consistency").asDouble()).as("FastChat's rule whatever --verdict says").isEqualTo(2 / 6.0);
        assertThat(r.get("first_position_rate").asDouble()).isEqualTo(0.625);
        assertThat(r.get("parse_failures").asInt()).isEqualTo(2);
        assertThat(r.get("tie_rate").asDouble()).isEqualTo(4 / 14.0);
        assertThat(r.get("kappa").has("J1 | J2")).isTrue();
        assertThat(r.get("category").get("math").get("accuracy").asDouble()).isEqualTo(0.25);
    }

    @Test
    void byDefaultTheFirstMarkerFoundDecidesAsFastChatAndRewardBenchRead() throws Exception {
        Path json = dir.resolve("audit.json");
        assertThat(LookaheadCommand.execute("judges", "audit", "--in", "samples/judges/pairwise-synthetic.jsonl", "--json", json.toString())).isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("verdict").asText()).isEqualTo("first");
        assertThat(r.get("accuracy").asDouble()).as("\"[[A]] or maybe [[B]]\" now reads as A: 0 instead of 0.5").isEqualTo(0.55);
        assertThat(r.get("position_consistency").asDouble()).isEqualTo(2 / 6.0);
        assertThat(r.get("fastchat_consistency").asDouble()).isEqualTo(2 / 6.0);
        assertThat(r.get("parse_failures").asInt()).isEqualTo(1);
    }

    @Test
    void fastChatJudgmentFilesAreReadAsTheyAreWithMtBenchHumanVotesAsLabels() throws Exception {
        Path judgments = dir.resolve("gpt-4_pair.jsonl");
        java.nio.file.Files.writeString(judgments, String.join("\n",
                "{\"question_id\": 81, \"model_1\": \"alpaca\", \"model_2\": \"gpt-4\", \"g1_winner\": \"model_2\", \"g2_winner\": \"model_2\","
                        + " \"judge\": [\"gpt-4\", \"pair-v2\"], \"g1_judgment\": \"B is better. [[B]]\", \"g2_judgment\": \"[[A]]\", \"turn\": 1}",
                "{\"question_id\": 82, \"model_1\": \"alpaca\", \"model_2\": \"gpt-4\", \"judge\": [\"gpt-4\", \"pair-v2\"],"
                        + " \"g1_judgment\": \"[[A]] vs [[B]]? [[A]]\", \"g2_judgment\": \"no verdict\", \"turn\": 1}",
                "{\"question_id\": 83, \"model_1\": \"alpaca\", \"model_2\": \"gpt-4\", \"judge\": [\"gpt-4\", \"pair-v2\"],"
                        + " \"g1_judgment\": \"[[C]]\", \"g2_judgment\": \"[[C]]\", \"turn\": 1}"));
        Path votes = dir.resolve("human.json");
        java.nio.file.Files.writeString(votes, "[{\"question_id\": 81, \"model_a\": \"gpt-4\", \"model_b\": \"alpaca\", \"winner\": \"model_a\","
                + " \"judge\": \"expert_1\", \"turn\": 1},"
                + " {\"question_id\": 81, \"model_a\": \"alpaca\", \"model_b\": \"gpt-4\", \"winner\": \"model_a\", \"judge\": \"expert_2\", \"turn\": 1},"
                + " {\"question_id\": 82, \"model_a\": \"alpaca\", \"model_b\": \"gpt-4\", \"winner\": \"tie\", \"judge\": \"expert_3\", \"turn\": 1},"
                + " {\"question_id\": 81, \"model_a\": \"alpaca\", \"model_b\": \"gpt-4\", \"winner\": \"model_b\", \"judge\": \"expert_1\", \"turn\": 2}]");
        Path json = dir.resolve("audit.json");
        assertThat(LookaheadCommand.execute("judges", "audit", "--in", judgments.toString(), "--labels", votes.toString(), "--json", json.toString()))
                .isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        // question 81: both judgments pick gpt-4 (b); votes gpt-4 (b) and alpaca (a): 1 + 0 + 1 + 0. Question 82: g1 reads
        // [[A]] first (a, against a tie vote: 0), g2 has no verdict (0.5). Question 83: no vote. Turn 2's vote has no item.
        assertThat(r.get("accuracy").asDouble()).isEqualTo(2.5 / 6);
        assertThat(r.get("position_consistency").asDouble()).as("81 consistent, 83 consistent (tie), 82 left out").isEqualTo(1.0);
        assertThat(r.get("fastchat_consistency").asDouble()).isEqualTo(1.0);
        assertThat(r.get("items").asInt()).isEqualTo(3);
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
