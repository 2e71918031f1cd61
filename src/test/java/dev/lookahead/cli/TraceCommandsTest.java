package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** trace end to end on a tiny model: every input line gets a result, in order. */
class TraceCommandsTest {
    @TempDir
    Path dir;

    @Test
    void everyInputGetsALineThatSaysWhetherItWasExplained() throws Exception {
        Path run = dir.resolve("run");
        assertThat(LookaheadCommand.execute("train", "--n", "17", "--layers", "2", "--hidden", "8", "--examples", "128",
                "--batch", "64", "--eval-per-lookahead", "10", "--out", run.toString())).isZero();
        Path lines = dir.resolve("lines.jsonl");
        LookaheadCommand.execute("generate", "--n", "17", "--count", "2", "--max-lookahead", "1", "--out", lines.toString());
        List<String> input = new ArrayList<>(Files.readAllLines(lines));
        input.add("{\"n\": 17, \"tokens\": [7, 7, 7, 7, 7, 7, 7, 7, 7, 7, 6, 1, 8, 1, 2, 5, 1]}");
        input.add("{\"n\": 32, \"tokens\": [1]}");
        Files.write(lines, input);
        Path traced = dir.resolve("traced.jsonl");
        assertThat(LookaheadCommand.execute("trace", "--model", run.toString(), "--in", lines.toString(), "--out", traced.toString())).isEqualTo(2);
        List<String> out = Files.readAllLines(traced);
        assertThat(out).hasSize(4);
        for (int k = 0; k < 2; k++) {
            JsonNode line = Json.MAPPER.readTree(out.get(k));
            assertThat(line.get("explained").isBoolean()).isTrue();
            assertThat(line.get("forward_passes").asLong()).isPositive();
            assertThat(line.get("replacement").asText()).isIn("free-id", "id-0");
            assertThat(line.get("layers")).hasSize(3);
            assertThat(line.get("rules").asText()).isEqualTo("paper");
            assertThat(line.get("path_merge_operations").isInt()).isTrue();
            assertThat(line.get("suboptimal_path_merge_roots").asInt()).isBetween(0, line.get("path_merge_operations").asInt());
            assertThat(line.get("layers").get(2).has("16")).as("the last token is kept exactly when it is explained")
                    .isEqualTo(line.get("explained").asBoolean());
            assertThat(line.has("operations")).isTrue();
            assertThat(line.get("set_scores")).hasSize(3);
        }
        JsonNode malformed = Json.MAPPER.readTree(out.get(2));
        assertThat(malformed.get("error").asText()).as("a malformed input is the line's error, as in every line-mapping command")
                .contains("line 3");
        assertThat(malformed.has("explained")).isFalse();
        assertThat(Json.MAPPER.readTree(out.get(3)).get("error").asText()).contains("line 4").contains("n = 17");
    }

    @Test
    void traceStatsComparesSeveralModelsAnUntrainedControlAmongThemWithOneJsonEntryEach() throws Exception {
        Path json = dir.resolve("stats.json");
        assertThat(LookaheadCommand.execute("trace-stats", "--model", "untrained:n17", "--model", "untrained:n20",
                "--per-lookahead", "1", "--json", json.toString(), "--figures", dir.resolve("figures").toString())).isZero();
        for (String format : List.of("png", "svg", "pdf")) {
            assertThat(dir.resolve("figures").resolve("explained-by-lookahead." + format)).isNotEmptyFile();
            assertThat(dir.resolve("figures").resolve("path-merges." + format)).isNotEmptyFile();
            assertThat(dir.resolve("figures").resolve("path-merge-distances-untrained_n17." + format)).isNotEmptyFile();
        }
        JsonNode models = Json.MAPPER.readTree(json.toFile()).get("models");
        assertThat(models).hasSize(2);
        assertThat(models.get(0).get("model").asText()).isEqualTo("untrained:n17");
        assertThat(models.get(1).get("explained_by_lookahead")).hasSize(2);
        JsonNode split = models.get(1).get("explained_by_lookahead_and_prediction").get("2");
        long traced = 0;
        for (String kind : List.of("correct", "wrong")) if (split.has(kind)) traced += split.get(kind).get("trials").asLong();
        assertThat(traced).as("each traced example counted as predicted right or wrong").isEqualTo(1);
        assertThat(models.get(1).get("merges_per_example").isNumber()).as("the paper's path-merge operations per example").isTrue();
        assertThat(models.get(1).has("path_merge_distances_by_layer")).isTrue();
        assertThat(LookaheadCommand.execute("trace-stats", "--model", "untrained:x", "--per-lookahead", "1")).isEqualTo(1);
    }
}
