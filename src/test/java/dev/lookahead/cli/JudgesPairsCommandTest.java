package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** judges pairs on the synthetic samples: ScPO's vote, IRPO's verified pairs with the gold solution, Self-Rewarding's best vs worst. */
class JudgesPairsCommandTest {
    @TempDir
    Path dir;

    private List<JsonNode> pairs(String method, String file) throws Exception {
        Path out = dir.resolve(method + ".jsonl");
        assertThat(LookaheadCommand.execute("judges", "pairs", "--method", method, "--in", "samples/judges/" + file, "--out", out.toString())).isZero();
        return JsonLinesFile.read(out);
    }

    @Test
    void scpoVotesOnTheAnswersItCanRead() throws Exception {
        List<JsonNode> scpo = pairs("scpo", "llm-samples-synthetic.jsonl");
        // q1: answers 42, 42, 32, 42, 42 (one unreadable); q2: all 42, no pair; q3: 1024, 1000, 1000, 1024 - top and bottom tie
        assertThat(scpo).hasSize(1);
        assertThat(scpo.get(0).get("id").asText()).isEqualTo("q1");
        assertThat(scpo.get(0).get("rejected").asText()).contains("\\boxed{32}");
        assertThat(scpo.get(0).get("weight").asDouble()).isEqualTo((4 - 1) / 5.0);
        assertThat(scpo.get(0).get("k").asInt()).isEqualTo(5);
    }

    @Test
    void irpoPairsVerifiedAnswersWithTheGoldSolutionFirst() throws Exception {
        List<JsonNode> irpo = pairs("irpo", "llm-samples-synthetic.jsonl");
        List<JsonNode> q1 = irpo.stream().filter(p -> p.get("id").asText().equals("q1")).toList();
        // winners: the gold solution (also sampled, once), "Adding: 42.", "The answer is 42.", "It is 42"; losers: the 32, the unsure one
        assertThat(q1).hasSize(4);
        assertThat(q1.get(0).get("chosen").asText()).isEqualTo("17 + 25 = 42. The answer is 42.");
        assertThat(q1).extracting(p -> p.get("rejected").asText()).containsExactly("17 + 25 = 32, so \\boxed{32}", "I am not sure.",
                "17 + 25 = 32, so \\boxed{32}", "I am not sure.");
        assertThat(irpo.stream().filter(p -> p.get("id").asText().equals("q2"))).as("every sample right: nothing to prefer against").isEmpty();
        assertThat(irpo.stream().filter(p -> p.get("id").asText().equals("q3"))).as("1,000 and 1000 are one wrong answer, twice").hasSize(2);
    }

    @Test
    void selfRewardingPrefersTheBestMeanScoreAndDropsTies() throws Exception {
        List<JsonNode> sr = pairs("self-rewarding", "pointwise-synthetic.jsonl");
        assertThat(sr).hasSize(1);
        assertThat(sr.get(0).get("chosen").asText()).startsWith("Rayleigh");
        assertThat(sr.get(0).get("rejected").asText()).startsWith("Because it reflects");
        assertThat(sr.get(0).get("score_chosen").asDouble()).isEqualTo(14 / 3.0);
        assertThat(sr.get(0).get("score_rejected").asDouble()).as("the unscored judgment left out").isEqualTo(1.5);
    }

    @Test
    void aPointwiseLineWhoseJudgmentsAreNoListIsNamedNotSkipped() throws Exception {
        String first = java.nio.file.Files.readString(Path.of("samples/judges/pointwise-synthetic.jsonl")).lines().findFirst().orElseThrow();
        Path bad = java.nio.file.Files.writeString(dir.resolve("bad.jsonl"), first.replaceFirst("\"judgments\": \\[.*\\]\\}$", "\"judgments\": \"list\"}") + "\n");
        int[] exit = new int[1];
        String error = FileSafetyTest.standardError(() -> exit[0] = LookaheadCommand.execute("judges", "pairs", "--method", "self-rewarding",
                "--in", bad.toString(), "--out", dir.resolve("pairs.jsonl").toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(error).contains("bad.jsonl line 1: \"judgments\" must be a list");
    }
}
