package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prefopt sample and prefopt pairs end to end on the shipped default model. */
class PrefoptCommandsTest {
    @TempDir
    Path dir;


    @Test
    void samplesCarryTheirPathsVerdictsAndLogProbabilitiesAndEveryRuleMakesPairsFromThem() throws Exception {
        Path samples = dir.resolve("samples.jsonl");
        assertThat(LookaheadCommand.execute("prefopt", "sample", "--model", "default", "--problems", "12", "--k", "6", "--out",
                samples.toString())).isZero();
        List<JsonNode> problems = JsonLinesFile.read(samples);
        assertThat(problems).hasSize(12);
        for (JsonNode problem : problems) {
            assertThat(problem.get("tokens").size()).isEqualTo(32);
            assertThat(problem.get("samples").size()).isEqualTo(6);
            for (JsonNode s : problem.get("samples")) {
                assertThat(s.get("logprob").asDouble()).isLessThanOrEqualTo(0);
                assertThat(s.get("correct").isBoolean()).isTrue();
                StringBuilder answer = new StringBuilder();
                for (JsonNode v : s.get("path")) answer.append(answer.isEmpty() ? "" : " ").append(v.asInt());
                assertThat(s.get("answer").asText()).isEqualTo(answer.toString());
            }
        }
        for (String method : List.of("scpo", "irpo", "dpo")) {
            Path pairs = dir.resolve(method + ".jsonl");
            assertThat(LookaheadCommand.execute("prefopt", "pairs", "--method", method, "--in", samples.toString(), "--out", pairs.toString()))
                    .isZero();
            for (JsonNode pair : JsonLinesFile.read(pairs)) {
                for (String field : List.of("problem_id", "prompt", "chosen", "rejected", "weight", "votes_chosen", "votes_rejected", "k",
                        "chosen_correct", "rejected_correct")) {
                    assertThat(pair.has(field)).as(method + " writes " + field).isTrue();
                }
                if (!method.equals("scpo")) assertThat(pair.get("chosen_correct").asBoolean()).isTrue();
            }
        }
        assertThat(LookaheadCommand.execute("prefopt", "pairs", "--method", "scpo", "--pairs-per-problem", "3", "--in", samples.toString()))
                .as("scpo makes one pair per problem").isEqualTo(1);
    }
}
