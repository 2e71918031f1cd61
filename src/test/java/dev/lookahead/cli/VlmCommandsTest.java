package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** vlm pope, winoground and choice on the synthetic samples: the contract's fields, per split; bad lines named and skipped. */
class VlmCommandsTest {
    @TempDir
    Path dir;

    @Test
    void popeWritesItsFiguresOverallAndPerSplit() throws Exception {
        Path json = dir.resolve("pope.json");
        assertThat(LookaheadCommand.execute("vlm", "pope", "--in", "samples/benchmarks/pope-synthetic.jsonl", "--json", json.toString())).isZero();
        JsonNode report = Json.MAPPER.readTree(json.toFile());
        for (String field : new String[] {"accuracy", "precision", "recall", "f1", "yes_ratio"}) {
            assertThat(report.get(field).isNumber()).as(field).isTrue();
            for (String split : new String[] {"random", "popular", "adversarial"}) {
                assertThat(report.get("splits").get(split).get(field).asDouble()).isEqualTo(report.get(split).get(field).asDouble());
            }
        }
        assertThat(report.get("total").asInt()).isEqualTo(60);
    }

    @Test
    void aRepeatedIdIsRefusedNamingBothLinesAndCountedOnce() throws Exception {
        List<String> lines = new java.util.ArrayList<>(Files.readAllLines(Path.of("samples/benchmarks/pope-synthetic.jsonl")));
        lines.add(lines.get(0));
        Path in = dir.resolve("pope-twice.jsonl");
        Files.write(in, lines);
        Path json = dir.resolve("pope.json");
        assertThat(LookaheadCommand.execute("vlm", "pope", "--in", in.toString(), "--json", json.toString())).isEqualTo(2);
        assertThat(Json.MAPPER.readTree(json.toFile()).get("total").asInt()).isEqualTo(60);
    }

    @Test
    void winogroundAndChoiceWriteTheirScoresAtTheTopLevel() throws Exception {
        Path wino = dir.resolve("wino.json");
        assertThat(LookaheadCommand.execute("vlm", "winoground", "--in", "samples/benchmarks/winoground-synthetic.jsonl", "--json", wino.toString()))
                .isZero();
        JsonNode w = Json.MAPPER.readTree(wino.toFile());
        assertThat(w.get("group_score").asDouble()).isLessThanOrEqualTo(Math.min(w.get("text_score").asDouble(), w.get("image_score").asDouble()));
        assertThat(w.get("examples").asInt()).isEqualTo(40);
        assertThat(w.get("tied").asInt()).as("every tenth example has a tied caption pair").isGreaterThanOrEqualTo(4);
        Path choice = dir.resolve("choice.json");
        assertThat(LookaheadCommand.execute("vlm", "choice", "--in", "samples/benchmarks/choice-synthetic.jsonl", "--json", choice.toString()))
                .isZero();
        JsonNode c = Json.MAPPER.readTree(choice.toFile());
        assertThat(c.get("argmax_first_accuracy").asDouble()).as("ties given to the first option inflate accuracy")
                .isEqualTo(c.get("accuracy").asDouble() + c.get("tie_rate").asDouble(), org.assertj.core.data.Offset.offset(1e-9));
    }

    @Test
    void winogroundReadsTheNotebooksJsonArrayAsItReadsLines() throws Exception {
        Path array = dir.resolve("winoground_scores.json");
        List<String> lines = Files.readAllLines(Path.of("samples/benchmarks/winoground-synthetic.jsonl")).stream().filter(l -> !l.isBlank()).toList();
        Files.writeString(array, "[\n" + String.join(",\n", lines) + "\n]\n");
        Path fromLines = dir.resolve("lines.json");
        Path fromArray = dir.resolve("array.json");
        assertThat(LookaheadCommand.execute("vlm", "winoground", "--in", "samples/benchmarks/winoground-synthetic.jsonl", "--json", fromLines.toString()))
                .isZero();
        assertThat(LookaheadCommand.execute("vlm", "winoground", "--in", array.toString(), "--json", fromArray.toString())).isZero();
        assertThat(Json.MAPPER.readTree(fromArray.toFile())).isEqualTo(Json.MAPPER.readTree(fromLines.toFile()));
        assertThat(Json.MAPPER.readTree(fromArray.toFile()).get("examples").asInt()).isEqualTo(40);
    }

    @Test
    void aFileWhereNothingCanBeScoredPrintsNoScoresAndExitsTwo() throws Exception {
        Path judgments = dir.resolve("not-pope.jsonl");
        Files.writeString(judgments, "{\"question_id\": 1, \"text\": \"Yes\"}\n");
        Path json = dir.resolve("none.json");
        assertThat(LookaheadCommand.execute("vlm", "pope", "--in", judgments.toString(), "--json", json.toString())).isEqualTo(2);
        assertThat(json).doesNotExist();
    }

    @Test
    void aBadLineIsNamedWithItsNumberAndTheRestAreScored() throws Exception {
        Path in = dir.resolve("pope.jsonl");
        Files.writeString(in, """
                {"id": 1, "split": "random", "label": "yes", "answer": "Yes."}
                {"id": 2, "split": "random", "label": "maybe", "answer": "No."}
                {"id": 3, "split": "random", "label": "no"}
                """);
        PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true));
        int code;
        try {
            code = LookaheadCommand.execute("vlm", "pope", "--in", in.toString(), "--json", dir.resolve("out.json").toString());
        } finally {
            System.setErr(err);
        }
        assertThat(code).isEqualTo(2);
        assertThat(captured.toString()).contains("pope.jsonl line 2", "\"label\"", "pope.jsonl line 3", "\"answer\" is missing");
        assertThat(Json.MAPPER.readTree(dir.resolve("out.json").toFile()).get("total").asInt()).isEqualTo(1);
    }

    @Test
    void vqaAndChairWriteTheirFigures() throws Exception {
        Path vqa = dir.resolve("vqa.json");
        assertThat(LookaheadCommand.execute("vlm", "vqa", "--in", "samples/benchmarks/vqa-synthetic.jsonl", "--json", vqa.toString())).isZero();
        JsonNode v = Json.MAPPER.readTree(vqa.toFile());
        // 0.9; "yes" against nine "yes": nine see eight others (1), one "no" sees nine (1) - 1.0; "umbrella": eight see seven (1),
        // "parasol" and "black umbrella" see eight (1) - 1.0; "two" against ten "2": 0
        assertThat(v.get("accuracy").asDouble()).isCloseTo((0.9 + 1 + 1 + 0) / 4, org.assertj.core.data.Offset.offset(1e-12));
        assertThat(v.get("per_answer_type").get("number").asDouble()).isCloseTo(0.45, org.assertj.core.data.Offset.offset(1e-12));
        Path chair = dir.resolve("chair.json");
        assertThat(LookaheadCommand.execute("vlm", "chair", "--in", "samples/benchmarks/chair-captions-synthetic.jsonl", "--synonyms",
                "samples/benchmarks/chair-synonyms-synthetic.txt", "--json", chair.toString())).isZero();
        JsonNode c = Json.MAPPER.readTree(chair.toFile());
        // caption 1: person, hot dog, dog (2 hallucinated); 2: person, bicycle, car; 3: cat, couch, laptop (1 hallucinated)
        assertThat(c.get("chair_i").asDouble()).isEqualTo(3 / 9.0);
        assertThat(c.get("chair_s").asDouble()).isEqualTo(2 / 3.0);
    }
}
