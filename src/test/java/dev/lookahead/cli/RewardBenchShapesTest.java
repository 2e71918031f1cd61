package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * judges rewardbench reads the shapes RewardBench's own tools write (synthetic files in those shapes): the rewardbench
 * command's outputs, run_rm.py's column JSON with a NaN in it, and the core and prior sets from two files at once.
 */
class RewardBenchShapesTest {
    @TempDir
    Path dir;

    @Test
    void theRewardbenchOutputsAndRunRmsColumnsAreReadAsTheyAreAndANanScoreCountsWrong() throws Exception {
        Path outputs = dir.resolve("model_outputs.jsonl");
        Files.writeString(outputs, String.join("\n",
                "{\"prompt\": \"p1\", \"results\": 1, \"scores_chosen\": 1.0, \"scores_rejected\": 0.5, \"subset\": \"alpacaeval-easy\", \"id\": 1}",
                "{\"prompt\": \"p2\", \"results\": 0, \"scores_chosen\": NaN, \"scores_rejected\": 0.2, \"subset\": \"alpacaeval-easy\", \"id\": 2}",
                "{\"prompt\": \"p3\", \"results\": 1, \"scores_chosen\": [2.0], \"scores_rejected\": [1.5], \"subset\": \"alpacaeval-easy\", \"id\": 3}",
                "{\"prompt\": \"p4\", \"results\": 1, \"scores_chosen\": 0.3, \"scores_rejected\": 0.1, \"subset\": \"shp\", \"id\": 4}",
                "{\"prompt\": \"p5\", \"results\": 0, \"scores_chosen\": null, \"scores_rejected\": 0.1, \"subset\": \"anthropic_helpful\", \"id\": 5}"));
        Path columns = dir.resolve("run_rm-scores.json");
        Files.writeString(columns, """
                {
                    "chat_template": null,
                    "id": [10, 11, 12],
                    "model": "m",
                    "results": [1, 0, 0],
                    "scores_chosen": [0.9, NaN, 1.0],
                    "scores_rejected": [0.1, 0.2, 2.0],
                    "subset": ["hep-go", "hep-go", "math-prm"]
                }
                """);
        Path json = dir.resolve("rb.json");
        assertThat(LookaheadCommand.execute("judges", "rewardbench", "--in", outputs.toString(), "--in", columns.toString(), "--json",
                json.toString())).isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("subsets").get("alpacaeval-easy").asDouble()).as("the NaN pair is wrong, not dropped").isCloseTo(2 / 3.0, within(1e-12));
        assertThat(r.get("subsets").get("hep-go").asDouble()).isEqualTo(0.5);
        assertThat(r.get("unscored").asInt()).as("two NaN, one null").isEqualTo(3);
        assertThat(r.get("sections").get("Chat").asDouble()).isCloseTo(2 / 3.0, within(1e-12));
        assertThat(r.get("sections").get("Reasoning").asDouble()).as("math-prm 0 at 984, hep-go 0.5 at 164").isCloseTo(82.0 / 1148, within(1e-12));
        assertThat(r.get("score").asDouble()).isCloseTo((2 / 3.0 + 82.0 / 1148) / 2, within(1e-12));
        JsonNode v1 = r.get("leaderboard_v1");
        assertThat(v1.get("prior_sets").asDouble()).as("shp 1, anthropic_helpful 0").isEqualTo(0.5);
        assertThat(v1.get("average").asDouble()).isCloseTo((2 * (2 / 3.0) + 2 * (82.0 / 1148) + 0.5) / 5, within(1e-12));
    }

    @Test
    void aJsonArrayOrAFileWithoutScoresIsRefusedWithOneMessageAndNoScores() throws Exception {
        Path array = dir.resolve("array.json");
        Files.writeString(array, "[{\"subset\": \"shp\", \"score_chosen\": 1, \"score_rejected\": 0}]");
        assertThat(LookaheadCommand.execute("judges", "rewardbench", "--in", array.toString())).isEqualTo(2);
        Path noScores = dir.resolve("judgments.jsonl");
        Files.writeString(noScores, "{\"subset\": \"shp\", \"chosen\": \"x\", \"rejected\": \"y\"}\n");
        Path json = dir.resolve("none.json");
        assertThat(LookaheadCommand.execute("judges", "rewardbench", "--in", noScores.toString(), "--json", json.toString())).isEqualTo(2);
        assertThat(json).doesNotExist();
    }
}
