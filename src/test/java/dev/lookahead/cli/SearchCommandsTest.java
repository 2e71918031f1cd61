package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SearchCommandsTest {
    @TempDir
    Path dir;


    @Test
    void generateWritesTheContractFieldsInOrder() throws IOException {
        Path out = dir.resolve("train.jsonl");
        int code = LookaheadCommand.execute("generate", "--n", "32", "--count", "50", "--seed", "4", "--out", out.toString());
        assertThat(code).isZero();
        List<JsonNode> lines = JsonLinesFile.read(out);
        assertThat(lines).hasSize(50);
        List<String> fields = new ArrayList<>();
        lines.get(0).fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("n", "distribution", "lookahead", "tokens", "edges", "start", "goal",
                "current", "useful_next", "label");
        assertThat(lines.get(0).get("tokens")).hasSize(32);
    }

    @Test
    void analyzeReproducesWhatGenerateWroteAndKeepsOtherFields() throws IOException {
        Path generated = dir.resolve("g.jsonl");
        LookaheadCommand.execute("generate", "--n", "44", "--count", "300", "--distribution", "naive", "--out", generated.toString());
        List<String> stripped = new ArrayList<>();
        for (JsonNode line : JsonLinesFile.read(generated)) {
            var object = (com.fasterxml.jackson.databind.node.ObjectNode) line.deepCopy();
            object.remove(List.of("edges", "start", "goal", "current", "useful_next", "lookahead"));
            object.put("note", "kept");
            stripped.add(object.toString());
        }
        Path in = dir.resolve("in.jsonl");
        Files.write(in, stripped);
        Path analyzed = dir.resolve("a.jsonl");
        assertThat(LookaheadCommand.execute("analyze", "--in", in.toString(), "--out", analyzed.toString())).isZero();
        List<JsonNode> original = JsonLinesFile.read(generated);
        List<JsonNode> result = JsonLinesFile.read(analyzed);
        assertThat(result).hasSize(original.size());
        for (int i = 0; i < result.size(); i++) {
            for (String field : List.of("edges", "start", "goal", "current", "useful_next", "lookahead", "label", "tokens")) {
                assertThat(result.get(i).get(field)).as("line %d field %s", i + 1, field).isEqualTo(original.get(i).get(field));
            }
            assertThat(result.get(i).get("note").asText()).isEqualTo("kept");
        }
    }

    @Test
    void analyzeMarksBadLinesAndGoesOnThenExitsTwo() throws IOException {
        Path in = dir.resolve("bad.jsonl");
        Files.write(in, List.of(
                "{\"n\":32,\"tokens\":[12,12,12,11,5,9,11,6,3,11,7,4,11,2,6,11,2,1,11,2,5,11,2,7,11,1,8,13,2,8,10,2]}",
                "{\"n\":32,\"tokens\":[1,2,3]}",
                "not json",
                "{\"tokens\":[1]}",
                "{\"n\":32,\"tokens\":[12,12,12,11,5,9,11,6,3,11,7,4,11,2,6,11,2,1,11,2,5,11,2,7,11,1,8,13,2,8,10,2],\"label\":1}"));
        Path out = dir.resolve("out.jsonl");
        assertThat(LookaheadCommand.execute("analyze", "--in", in.toString(), "--out", out.toString())).isEqualTo(2);
        List<JsonNode> lines = JsonLinesFile.read(out);
        assertThat(lines).hasSize(5);
        assertThat(lines.get(0).get("lookahead").asInt()).isEqualTo(2);
        assertThat(lines.get(0).has("error")).isFalse();
        assertThat(lines.get(1).get("error").asText()).startsWith("line 2:").contains("3 tokens");
        assertThat(lines.get(2).get("error").asText()).startsWith("line 3:").contains("not a JSON object");
        assertThat(lines.get(3).get("error").asText()).startsWith("line 4:").contains("'n' is missing");
        assertThat(lines.get(4).get("useful_next").toString()).isEqualTo("[1]");
    }

    @Test
    void statsCountsLookaheadsOfATestSet() throws IOException {
        Path generated = dir.resolve("t.jsonl");
        LookaheadCommand.execute("generate", "--n", "32", "--count", "80", "--test-set", "--out", generated.toString());
        Path json = dir.resolve("stats.json");
        Path out = dir.resolve("stats-out.json");
        assertThat(LookaheadCommand.execute("stats", "--in", generated.toString(), "--json", json.toString(),
                "--out", out.toString())).isZero();
        JsonNode summary = Json.MAPPER.readTree(json.toFile());
        assertThat(summary.get("examples").asInt()).isEqualTo(80);
        assertThat(summary.get("lookahead").toString()).isEqualTo("{\"1\":20,\"2\":20,\"3\":20,\"4\":20}");
        assertThat(Files.readString(out)).isEqualTo(Files.readString(json));
    }

    @Test
    void reserveKeepsTestInputsOutOfTrainingData() throws IOException {
        Path test = dir.resolve("test.jsonl");
        LookaheadCommand.execute("generate", "--n", "32", "--count", "2000", "--test-set", "--out", test.toString());
        Path train = dir.resolve("train.jsonl");
        assertThat(LookaheadCommand.execute("generate", "--n", "32", "--count", "20000", "--reserve", test.toString(),
                "--out", train.toString())).isZero();
        java.util.Set<String> reserved = new java.util.HashSet<>();
        for (JsonNode line : JsonLinesFile.read(test)) reserved.add(line.get("tokens").toString());
        for (JsonNode line : JsonLinesFile.read(train)) assertThat(reserved).doesNotContain(line.get("tokens").toString());
    }

    @Test
    void badOptionsGetAClearMessage() {
        assertThat(LookaheadCommand.execute("generate", "--n", "32", "--max-lookahead", "9")).isEqualTo(2);
        assertThat(LookaheadCommand.execute("generate", "--n", "32", "--distribution", "circle")).isEqualTo(2);
        assertThat(LookaheadCommand.execute("generate", "--task", "dfs", "--n", "32", "--distribution", "naive")).as("search only").isEqualTo(2);
        assertThat(LookaheadCommand.execute("generate", "--task", "si", "--n", "32", "--backtrack", "1")).as("dfs only").isEqualTo(2);
        assertThat(LookaheadCommand.execute("generate", "--n", "32", "--frontier", "1", "--branch", "1")).as("si only").isEqualTo(2);
        assertThat(LookaheadCommand.execute("analyze", "--in", dir.resolve("missing.jsonl").toString())).isEqualTo(1);
    }
}
