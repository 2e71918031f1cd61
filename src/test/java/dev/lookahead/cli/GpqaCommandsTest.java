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

/** gpqa subsets, prompts and score on the synthetic files: counts, the disagreement report, and a scored round trip. */
class GpqaCommandsTest {
    @TempDir
    Path dir;

    @Test
    void subsetsCountTheRulesAndReportTheRowThatContradictsItsFile() throws Exception {
        Path json = dir.resolve("subsets.json");
        assertThat(LookaheadCommand.execute("gpqa", "subsets", "--in", "samples/benchmarks/gpqa_extended-synthetic.csv", "--in",
                "samples/benchmarks/gpqa_main-synthetic.csv", "--json", json.toString(), "--out", dir.resolve("rows.jsonl").toString())).isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("counts").get("extended").asInt()).isEqualTo(8);
        assertThat(r.get("counts").get("main").asInt()).isEqualTo(6);
        assertThat(r.get("counts").get("diamond").asInt()).isEqualTo(2);
        assertThat(r.get("disagreements")).hasSize(1);
        assertThat(r.get("disagreements").get(0).get("record_id").asText()).isEqualTo("syn6");
    }

    @Test
    void promptsThenAnswersScorePerDomainWithTheUnparsedCounted() throws Exception {
        Path key = dir.resolve("key.jsonl");
        assertThat(LookaheadCommand.execute("gpqa", "prompts", "--in", "samples/benchmarks/gpqa_extended-synthetic.csv", "--out", key.toString()))
                .isZero();
        List<JsonNode> prompts = JsonLinesFile.read(key);
        List<String> answers = new ArrayList<>();
        for (int i = 0; i < prompts.size(); i++) {
            String right = prompts.get(i).get("answer").asText();
            String wrong = right.equals("A") ? "B" : "A";
            String output = i < 5 ? "So the correct answer is (" + right + ")." : i == 5 ? "I cannot tell." : "The correct answer is (" + wrong + ")";
            answers.add(Json.line(java.util.Map.of("record_id", prompts.get(i).get("record_id").asText(), "output", output)));
        }
        Path in = dir.resolve("answers.jsonl");
        Files.write(in, answers);
        Path json = dir.resolve("score.json");
        assertThat(LookaheadCommand.execute("gpqa", "score", "--in", in.toString(), "--key", key.toString(), "--csv",
                "samples/benchmarks/gpqa_extended-synthetic.csv", "--json", json.toString())).isZero();
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("accuracy").get("successes").asInt()).isEqualTo(5);
        assertThat(r.get("accuracy").get("trials").asInt()).isEqualTo(8);
        assertThat(r.get("unparsed").asInt()).isEqualTo(1);
        assertThat(r.get("domains").get("Physics").get("trials").asInt()).isEqualTo(3);
        // experts: 2+1+1+1+0+0+2+2 = 9 of 16 answers right in the file; non-experts: 0+1+0+0+2+0+3+2 = 8 of 24
        assertThat(r.get("expert_validators").get("all").get("successes").asInt()).isEqualTo(9);
        assertThat(r.get("non_expert_validators").get("all").get("successes").asInt()).isEqualTo(8);
    }

    @Test
    void anUnansweredQuestionIsWrongAndListedAndASecondAnswerIsRefusedNotCounted() throws Exception {
        Path key = dir.resolve("key.jsonl");
        assertThat(LookaheadCommand.execute("gpqa", "prompts", "--in", "samples/benchmarks/gpqa_extended-synthetic.csv", "--out", key.toString()))
                .isZero();
        List<JsonNode> prompts = JsonLinesFile.read(key);
        List<String> answers = new ArrayList<>();
        // a run that crashed: the first six of the eight questions answered, all rightly; then the first answered again, wrongly
        for (int i = 0; i < 6; i++) {
            answers.add(Json.line(java.util.Map.of("record_id", prompts.get(i).get("record_id").asText(),
                    "output", "The correct answer is (" + prompts.get(i).get("answer").asText() + ")")));
        }
        String first = prompts.get(0).get("answer").asText();
        answers.add(Json.line(java.util.Map.of("record_id", prompts.get(0).get("record_id").asText(),
                "output", "The correct answer is (" + (first.equals("A") ? "B" : "A") + ")")));
        Path in = dir.resolve("partial.jsonl");
        Files.write(in, answers);
        Path json = dir.resolve("score.json");
        assertThat(LookaheadCommand.execute("gpqa", "score", "--in", in.toString(), "--key", key.toString(), "--json", json.toString()))
                .as("a duplicated record_id is an error").isEqualTo(2);
        JsonNode r = Json.MAPPER.readTree(json.toFile());
        assertThat(r.get("accuracy").get("trials").asInt()).as("over the key's questions, not the answers").isEqualTo(8);
        assertThat(r.get("accuracy").get("successes").asInt()).as("the first answer scored, the second not").isEqualTo(6);
        assertThat(r.get("unanswered")).hasSize(2);
        assertThat(r.get("unanswered").get(0).asText()).isEqualTo(prompts.get(6).get("record_id").asText());
        assertThat(r.get("refusals").asInt()).isZero();
    }
}
