package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** generate, analyze, stats, train, eval and rollout of the in-context tasks end to end, on tiny models at n = 32. */
class InContextCommandsTest {
    @TempDir
    Path dir;


    @Test
    void generatedLinesCarryTheContractFieldsAndAnalyzeAgreesWithThem() throws Exception {
        for (String task : List.of("dfs", "si")) {
            Path lines = dir.resolve(task + ".jsonl");
            assertThat(LookaheadCommand.execute("generate", "--task", task, "--n", "32", "--count", "60", "--test-set", "--out",
                    lines.toString())).isZero();
            List<JsonNode> generated = JsonLinesFile.read(lines);
            assertThat(generated).hasSize(60);
            List<String> fields = task.equals("dfs") ? List.of("n", "task", "tokens", "label", "accepted", "backtrack")
                    : List.of("n", "task", "tokens", "label", "accepted", "step", "frontier_size", "branch_size");
            for (JsonNode line : generated) for (String field : fields) assertThat(line.has(field)).as(task + " writes " + field).isTrue();

            Path analyzed = dir.resolve(task + "-analyzed.jsonl");
            assertThat(LookaheadCommand.execute("analyze", "--task", task, "--in", lines.toString(), "--out", analyzed.toString())).isZero();
            List<JsonNode> again = JsonLinesFile.read(analyzed);
            for (int i = 0; i < generated.size(); i++) {
                for (String field : fields) assertThat(again.get(i).get(field)).as(task + " line " + (i + 1) + " " + field).isEqualTo(generated.get(i).get(field));
            }
            Path stats = dir.resolve(task + "-stats.json");
            assertThat(LookaheadCommand.execute("stats", "--task", task, "--in", lines.toString(), "--json", stats.toString(), "--out",
                    dir.resolve(task + "-stats.out").toString())).isZero();
            JsonNode summary = Json.MAPPER.readTree(stats.toFile());
            assertThat(summary.get("examples").asInt()).isEqualTo(60);
            assertThat(summary.get("buckets").size()).as("a test set spreads over every bucket").isEqualTo(task.equals("dfs") ? 8 : 12);
        }
    }

    @Test
    void aTinySelectionInferenceModelTrainsEvaluatesAndRollsOut() throws Exception {
        Path run = dir.resolve("si");
        assertThat(LookaheadCommand.execute("train", "--task", "si", "--n", "32", "--layers", "1", "--hidden", "4", "--examples", "128",
                "--batch", "64", "--eval-per-lookahead", "10", "--out", run.toString())).isZero();
        assertThat(Json.MAPPER.readTree(run.resolve("model.json").toFile()).get("task").asText()).isEqualTo("si");
        assertThat(Json.MAPPER.readTree(run.resolve("training.json").toFile()).get("task").asText()).isEqualTo("si");
        assertThat(LookaheadCommand.execute("train", "--task", "si", "--n", "32", "--curriculum", "paper", "--examples", "128",
                "--out", dir.resolve("refused").toString())).as("si has no curriculum").isEqualTo(2);

        Path json = dir.resolve("eval.json");
        assertThat(LookaheadCommand.execute("eval", "--model", run.toString(), "--test-per-bucket", "5", "--rollouts", "4",
                "--json", json.toString())).isZero();
        JsonNode summary = Json.MAPPER.readTree(json.toFile());
        assertThat(summary.get("accuracy").has("3,3")).isTrue();
        assertThat(summary.get("by_step").has("selection")).isTrue();
        assertThat(summary.get("by_step").has("inference")).isTrue();
        assertThat(summary.get("rollout").get("graphs").asInt()).isEqualTo(4);

        Path graph = dir.resolve("g.json");
        Files.writeString(graph, "{\"edges\": [[1, 2], [1, 3], [3, 4]], \"start\": 1, \"goal\": 4}");
        Path steps = dir.resolve("rollout.jsonl");
        Path figures = dir.resolve("figures");
        assertThat(LookaheadCommand.execute("rollout", "--model", run.toString(), "--graph", graph.toString(), "--out", steps.toString(),
                "--figures", figures.toString(), "--formats", "png,svg")).isZero();
        List<JsonNode> lines = JsonLinesFile.read(steps);
        JsonNode last = lines.get(lines.size() - 1);
        int stepCount = last.get("steps").asInt();
        assertThat(figures.resolve("step-1.png")).exists();
        assertThat(figures.resolve("step-" + (stepCount + 1) + ".svg")).as("the end has its own figure").exists();
        assertThat(figures.resolve("rollout.png")).exists();
        assertThat(Files.readString(figures.resolve("step-1.svg"))).contains("step 1 of " + stepCount);
        assertThat(last.get("solved").isBoolean()).isTrue();
        assertThat(lines.size()).isEqualTo(last.get("steps").asInt() + 1);
        JsonNode first = lines.get(0);
        assertThat(first.get("kind").asText()).as("the first si step is an inference from the start").isEqualTo("inference");
        assertThat(first.get("accepted").toString()).isEqualTo("[2,3]");
        for (JsonNode step : lines.subList(0, lines.size() - 1)) {
            assertThat(step.get("tokens").size()).isEqualTo(32);
            assertThat(step.get("distribution").size()).isEqualTo(14);
            boolean accepted = false;
            for (JsonNode a : step.get("accepted")) accepted |= a.asInt() == step.get("choice").asInt();
            assertThat(step.get("correct").asBoolean()).isEqualTo(accepted);
        }

        assertThat(LookaheadCommand.execute("predict", "--model", run.toString(), "--graph", graph.toString()))
                .as("a search command refuses an in-context model").isEqualTo(2);
        Files.writeString(graph, "{\"edges\": [[1, 2], [1, 3], [3, 4], [4, 5], [5, 6], [2, 6]], \"start\": 1, \"goal\": 6}");
        assertThat(LookaheadCommand.execute("rollout", "--model", run.toString(), "--graph", graph.toString()))
                .as("six edges are more than an si input holds at n = 32").isEqualTo(2);
    }
}
