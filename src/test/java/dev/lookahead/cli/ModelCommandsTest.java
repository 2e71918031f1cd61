package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** train, resume, eval, predict and activations end to end on a tiny model (n = 17). */
class ModelCommandsTest {
    @TempDir
    Path dir;

    @Test
    void trainResumeEvaluatePredictAndCapture() throws Exception {
        Path run = dir.resolve("run");
        assertThat(LookaheadCommand.execute("train", "--n", "17", "--layers", "1", "--hidden", "8", "--examples", "128",
                "--batch", "64", "--eval-per-lookahead", "20", "--out", run.toString())).isZero();
        assertThat(run.resolve("model.json")).exists();
        assertThat(run.resolve("weights.bin")).exists();
        assertThat(run.resolve("checkpoint.bin")).exists();
        assertThat(LookaheadCommand.execute("train", "--n", "17", "--layers", "1", "--hidden", "8", "--examples", "128",
                "--batch", "64", "--out", run.toString())).as("a second start over the same run is refused").isEqualTo(1);
        assertThat(LookaheadCommand.execute("train", "--out", run.toString(), "--resume", "--examples", "256")).isZero();
        List<String> log = Files.readAllLines(run.resolve("log.jsonl"));
        assertThat(Json.MAPPER.readTree(log.get(log.size() - 1)).get("step").asInt()).isEqualTo(4);

        Path lines = dir.resolve("lines.jsonl");
        LookaheadCommand.execute("generate", "--n", "17", "--count", "5", "--max-lookahead", "1", "--out", lines.toString());
        Files.writeString(lines, Files.readString(lines) + "{\"n\": 32, \"tokens\": [1]}\n");
        Path evaluated = dir.resolve("evaluated.jsonl");
        assertThat(LookaheadCommand.execute("eval", "--model", run.toString(), "--in", lines.toString(),
                "--out", evaluated.toString())).isEqualTo(2);
        List<String> out = Files.readAllLines(evaluated);
        assertThat(out).hasSize(6);
        for (int i = 0; i < 5; i++) {
            JsonNode line = Json.MAPPER.readTree(out.get(i));
            assertThat(line.has("predicted")).isTrue();
            assertThat(line.get("correct").isBoolean()).isTrue();
        }
        assertThat(Json.MAPPER.readTree(out.get(5)).get("error").asText()).contains("line 6").contains("the model takes n = 17");

        Path json = dir.resolve("eval.json");
        assertThat(LookaheadCommand.execute("eval", "--model", run.toString(), "--test-per-lookahead", "10",
                "--json", json.toString())).isZero();
        assertThat(Json.MAPPER.readTree(json.toFile()).get("accuracy").has("1")).isTrue();

        Path graph = dir.resolve("g.json");
        Files.writeString(graph, "{\"edges\": [[1, 2], [1, 3], [3, 4]], \"start\": 1, \"goal\": 4}");
        Path prediction = dir.resolve("p.json");
        assertThat(LookaheadCommand.execute("predict", "--model", run.toString(), "--graph", graph.toString(),
                "--json", prediction.toString())).isZero();
        assertThat(Json.MAPPER.readTree(prediction.toFile()).get("useful_next").toString()).isEqualTo("[3]");

        Path npz = dir.resolve("acts.npz");
        assertThat(LookaheadCommand.execute("activations", "--model", run.toString(), "--graph", graph.toString(),
                "--out", npz.toString())).isZero();
        try (ZipFile zip = new ZipFile(npz.toFile())) {
            assertThat(zip.getEntry("blocks.0.attn.hook_pattern.npy")).isNotNull();
            assertThat(zip.getEntry("logits.npy")).isNotNull();
        }

        Path big = dir.resolve("big.json");
        Files.writeString(big, "{\"edges\": [[1, 2], [2, 3], [3, 4], [4, 5]], \"start\": 1, \"goal\": 5}");
        assertThat(LookaheadCommand.execute("predict", "--model", run.toString(), "--graph", big.toString())).isEqualTo(2);
    }
}
