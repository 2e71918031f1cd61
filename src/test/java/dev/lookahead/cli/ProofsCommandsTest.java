package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** proofs generate, check and report end to end, in both file shapes. */
class ProofsCommandsTest {
    @TempDir
    Path dir;

    @Test
    void generateCheckAndReport() throws Exception {
        Path problems = dir.resolve("problems.jsonl");
        assertThat(LookaheadCommand.execute("proofs", "generate", "--rule", "ProofByContra", "--width", "2", "--demos", "2", "--ood",
                "--count", "12", "--seed", "4", "--out", problems.toString())).isZero();
        List<String> lines = Files.readAllLines(problems);
        assertThat(lines).hasSize(12);
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        for (String field : List.of("id", "rule", "hops", "width", "distractors", "question", "query", "gold_proof", "demos")) {
            assertThat(first.has(field)).as(field).isTrue();
        }
        assertThat(first.get("demos")).hasSize(2);

        // candidates: the gold proof as a list, as one string, a proof without its assumptions, and a broken line
        List<String> candidates = new ArrayList<>();
        for (int k = 0; k < 3; k++) {
            ObjectNode line = (ObjectNode) Json.MAPPER.readTree(lines.get(k));
            JsonNode gold = line.get("gold_proof");
            if (k == 0) line.set("candidate_proof", gold);
            if (k == 1) line.put("candidate_proof", String.join(" ", Json.MAPPER.convertValue(gold, String[].class)));
            if (k == 2) {
                List<String> noAssume = new ArrayList<>();
                gold.forEach(s -> {
                    if (!s.asText().startsWith("Assume")) noAssume.add(s.asText());
                });
                line.set("candidate_proof", Json.MAPPER.valueToTree(noAssume));
            }
            candidates.add(line.toString());
        }
        candidates.add("{\"question\": \"Max is a wumpus.\"}");
        Path in = dir.resolve("candidates.jsonl");
        Files.write(in, candidates);
        Path checked = dir.resolve("checked.jsonl");
        // the corrected semantics: the study's evaluator fails some gold proofs by contradiction of width 2 (it takes a premise
        // from the first, already closed case), which the corrected semantics fixes
        assertThat(LookaheadCommand.execute("proofs", "check", "--in", in.toString(), "--semantics", "corrected", "--out", checked.toString()))
                .isEqualTo(2);
        List<JsonNode> out = Files.readAllLines(checked).stream().map(ProofsCommandsTest::json).toList();
        assertThat(out).hasSize(4);
        assertThat(out.get(0).get("strict").asBoolean()).isTrue();
        assertThat(out.get(1).get("strict").asBoolean()).isTrue();
        assertThat(out.get(2).get("strict").asBoolean()).isFalse();
        assertThat(out.get(2).get("first_error").asInt()).isZero();
        JsonNode step = out.get(0).get("steps").get(2);
        for (String field : List.of("text", "label", "useful", "misleading", "premises", "rule")) assertThat(step.has(field)).as(field).isTrue();
        assertThat(out.get(3).get("error").asText()).contains("line 4").contains("candidate_proof");

        Path report = dir.resolve("report.json");
        assertThat(LookaheadCommand.execute("proofs", "report", "--in", checked.toString(), "--json", report.toString())).isEqualTo(2);
        JsonNode summary = Json.MAPPER.readTree(report.toFile());
        assertThat(summary.get("proofs").asInt()).isEqualTo(3);
        assertThat(summary.at("/by_rule/ProofByContra/strict/successes").asInt()).isEqualTo(2);
        assertThat(summary.at("/by_rule/ProofByContra/strict/lower").asDouble()).isBetween(0.0, 2.0 / 3);
        assertThat(summary.get("semantics").asText()).isEqualTo("corrected");
        assertThat(summary.at("/first_mistake/other_proofs/incorrect_steps").asInt()).as("the proof without its assumptions").isEqualTo(1);
        assertThat(summary.at("/step_types/correct_steps").asInt()).isPositive();
    }

    @Test
    void theOriginalPrOntoQaShapeIsWrittenAndItsGoldProofsCheckStrict() throws Exception {
        Path problems = dir.resolve("problems.json");
        assertThat(LookaheadCommand.execute("proofs", "generate", "--rule", "OrElim", "--width", "3", "--demos", "1", "--count", "5",
                "--format", "prontoqa", "--out", problems.toString())).isZero();
        JsonNode root = Json.MAPPER.readTree(problems.toFile());
        assertThat(root.get("example1").has("in_context_example0")).isTrue();
        assertThat(root.at("/example1/test_example/query").asText()).startsWith("Prove: ");
        Path checked = dir.resolve("checked.jsonl");
        assertThat(LookaheadCommand.execute("proofs", "check", "--in", problems.toString(), "--semantics", "corrected", "--out",
                checked.toString())).isZero();
        List<String> out = Files.readAllLines(checked);
        assertThat(out).hasSize(5);
        assertThat(out).allMatch(line -> json(line).get("strict").asBoolean());
    }

    private static JsonNode json(String line) {
        try {
            return Json.MAPPER.readTree(line);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void checkingWithThePapersSemanticsWritesTheEvaluatorsListsAndFlagsUnderItsOwnNames() throws Exception {
        Path problems = dir.resolve("paper-in.jsonl");
        Files.writeString(problems, "{\"question\": \"Impuses are lempuses. Lempuses are wumpuses. Alex is an impus.\","
                + " \"query\": \"Prove: Alex is a wumpus.\", \"gold_proof\": [\"Alex is an impus.\", \"Impuses are lempuses.\","
                + " \"Alex is a lempus.\", \"Lempuses are wumpuses.\", \"Alex is a wumpus.\"], \"candidate_proof\": [\"Alex is an impus.\","
                + " \"Alex is a lempus.\", \"Lempuses are wumpuses.\", \"Alex is a wumpus.\"]}\n");
        Path checked = dir.resolve("paper-out.jsonl");
        assertThat(LookaheadCommand.execute("proofs", "check", "--in", problems.toString(), "--out", checked.toString()))
                .as("the paper's semantics is the default").isZero();
        JsonNode line = Json.MAPPER.readTree(Files.readAllLines(checked).get(0));
        assertThat(line.get("semantics").asText()).isEqualTo("paper");
        assertThat(line.get("found_conclusion").asBoolean()).as("a context rule used without being stated costs a step").isFalse();
        assertThat(line.get("found_conclusion_with_non_atomic_steps").asBoolean()).isTrue();
        assertThat(line.get("valid_proof").asBoolean()).isTrue();
        assertThat(line.get("verdict").asText()).isEqualTo("via_nonatomic");
        assertThat(line.get("step_lists").get("correct_steps").toString()).isEqualTo("[0,2]");
        assertThat(line.get("steps").get(1).get("label").asText()).isEqualTo("non_atomic");
        Path report = dir.resolve("paper-report.json");
        assertThat(LookaheadCommand.execute("proofs", "report", "--in", checked.toString(), "--json", report.toString())).isZero();
        assertThat(Json.MAPPER.readTree(report.toFile()).get("semantics").asText()).as("the report says which semantics it counts").isEqualTo("paper");
        Path corrected = dir.resolve("corrected-out.jsonl");
        assertThat(LookaheadCommand.execute("proofs", "check", "--in", problems.toString(), "--semantics", "corrected", "--out",
                corrected.toString())).isZero();
        JsonNode fixed = Json.MAPPER.readTree(Files.readAllLines(corrected).get(0));
        assertThat(fixed.get("semantics").asText()).isEqualTo("corrected");
        assertThat(fixed.get("deviations").isArray()).as("each fix that changes this proof's verdict, named").isTrue();
        assertThat(LookaheadCommand.execute("proofs", "check", "--in", problems.toString(), "--semantics", "loose")).isNotZero();
    }
}
