package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.judges.JudgePrompts;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Judge prompts filled from the shipped templates or a file of one's own, and Critic-RM's consistency filter. */
class JudgesPromptsAndCritiquesTest {
    @TempDir
    Path dir;

    @Test
    void theRubricFillsOnePromptPerSampleAndThePairwiseTemplateBothOrders() throws Exception {
        Path rubric = dir.resolve("rubric.jsonl");
        assertThat(LookaheadCommand.execute("judges", "prompts", "--template", "rubric", "--in", "samples/judges/llm-samples-synthetic.jsonl", "--out",
                rubric.toString())).isZero();
        List<JsonNode> r = JsonLinesFile.read(rubric);
        assertThat(r).hasSize(6 + 4 + 4);
        assertThat(r.get(2).get("judge_prompt").asText()).contains("What is 17 + 25?", "\\boxed{32}", "Score: N");
        Path pairwise = dir.resolve("pairwise.jsonl");
        assertThat(LookaheadCommand.execute("judges", "prompts", "--template", "pairwise", "--in", "samples/judges/pairwise-synthetic.jsonl", "--out",
                pairwise.toString())).isZero();
        List<JsonNode> p = JsonLinesFile.read(pairwise);
        assertThat(p).hasSize(8);
        String ab = p.get(0).get("judge_prompt").asText();
        String ba = p.get(1).get("judge_prompt").asText();
        assertThat(ab.indexOf("11 is prime.")).isLessThan(ab.indexOf("12 is prime."));
        assertThat(ba.indexOf("12 is prime.")).as("the other order").isLessThan(ba.indexOf("11 is prime."));
        Path own = dir.resolve("own.txt");
        Files.writeString(own, "Q: {prompt} A: {response} {unknown}");
        assertThat(LookaheadCommand.execute("judges", "prompts", "--template", own.toString(), "--in", "samples/judges/llm-samples-synthetic.jsonl"))
                .as("a placeholder the input lacks").isEqualTo(2);
        assertThatThrownBy(() -> JudgePrompts.fill("{missing}", Map.of())).hasMessageContaining("{missing}");
        assertThat(JudgePrompts.fill("x {a} \\boxed{42} {B}", Map.of("a", "1"))).as("only lower-case names are placeholders").isEqualTo("x 1 \\boxed{42} {B}");
    }

    @Test
    void theConsistencyFilterKeepsTheCritiquesThatAgreeWithTheLabel() throws Exception {
        Path kept = dir.resolve("kept.jsonl");
        assertThat(LookaheadCommand.execute("judges", "critiques", "--in", "samples/judges/pairwise-synthetic.jsonl", "--out", kept.toString())).isZero();
        // item 1 (label a): J1 ab a, J1 ba a, J2 ba a kept, J2 ab b dropped; item 2 (label b): J2 ba b kept; items 3 and 4 have no preference
        assertThat(JsonLinesFile.read(kept)).extracting(k -> k.get("id").asText() + k.get("judge").asText() + k.get("order").asText())
                .containsExactly("1J1ab", "1J1ba", "1J2ba", "2J2ba");
    }

    @Test
    void aLineThatIsNoPairwiseItemIsNamedAndTheFilterExitsTwoAfterTheRest() throws Exception {
        Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), "42\n{}\n" + Files.readString(Path.of("samples/judges/pairwise-synthetic.jsonl")));
        Path kept = dir.resolve("kept.jsonl");
        int[] exit = new int[1];
        String error = FileSafetyTest.standardError(() -> exit[0] = LookaheadCommand.execute("judges", "critiques", "--in", mixed.toString(),
                "--out", kept.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(error).contains("mixed.jsonl line 1: not a JSON object").contains("mixed.jsonl line 2: \"judgments\" must be a list")
                .contains("2 items without a preference label left out");
        assertThat(JsonLinesFile.read(kept)).hasSize(4);
    }

    @Test
    void anItemWhoseIdIsRepeatedIsAuditedOnceAndTheRepeatNamed() throws Exception {
        String items = Files.readString(Path.of("samples/judges/pairwise-synthetic.jsonl"));
        Path repeated = Files.writeString(dir.resolve("repeated.jsonl"), items + items.lines().findFirst().orElseThrow() + "\n");
        Path once = dir.resolve("once.json");
        Path twice = dir.resolve("twice.json");
        assertThat(LookaheadCommand.execute("judges", "audit", "--in", "samples/judges/pairwise-synthetic.jsonl", "--json", once.toString())).isZero();
        int[] exit = new int[1];
        String error = FileSafetyTest.standardError(() -> exit[0] = LookaheadCommand.execute("judges", "audit", "--in", repeated.toString(), "--json",
                twice.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(error).contains("repeated.jsonl line 5: id \"1\" is also on line 1");
        assertThat(dev.lookahead.io.Json.MAPPER.readTree(twice.toFile()).get("accuracy")).isEqualTo(dev.lookahead.io.Json.MAPPER.readTree(once.toFile()).get("accuracy"));
    }
}
