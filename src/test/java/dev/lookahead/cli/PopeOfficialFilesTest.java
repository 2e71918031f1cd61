package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vlm pope on LLaVA's answer and question files and POPE's label files as they are (synthetic, in samples/benchmarks/
 * pope-llava/): the figures equal those LLaVA's eval_pope.py printed for the same files, run outside this repository.
 */
class PopeOfficialFilesTest {
    private static final Path DIR = Path.of("samples/benchmarks/pope-llava");

    @TempDir
    Path dir;

    @Test
    void eachSplitEqualsWhatEvalPopePrintsForTheSameFiles() throws Exception {
        Path json = dir.resolve("pope.json");
        assertThat(LookaheadCommand.execute("vlm", "pope", "--in", DIR.resolve("llava-answers-synthetic.jsonl").toString(), "--labels",
                DIR.resolve("coco_pope_random.json").toString(), "--labels", DIR.resolve("coco_pope_adversarial.json").toString(), "--questions",
                DIR.resolve("llava-questions-synthetic.jsonl").toString(), "--json", json.toString())).isZero();
        JsonNode splits = Json.MAPPER.readTree(json.toFile()).get("splits");
        // eval_pope.py: "Category: random" TP 4 FP 4 TN 1 FN 4, accuracy 0.38461538461538464, precision 0.5, recall 0.5,
        // F1 0.5, yes ratio 0.6153846153846154
        expect(splits.get("random"), 4, 4, 1, 4, 0.38461538461538464, 0.5, 0.5, 0.5, 0.6153846153846154);
        // "Category: adversarial" (11 answers, 12 labels: paired by position, the last label unused) TP 3 FP 2 TN 5 FN 1
        expect(splits.get("adversarial"), 3, 2, 5, 1, 0.7272727272727273, 0.6, 0.75, 0.6666666666666665, 0.45454545454545453);
    }

    private static void expect(JsonNode s, int tp, int fp, int tn, int fn, double accuracy, double precision, double recall, double f1,
                               double yesRatio) {
        assertThat(new int[] {s.get("tp").asInt(), s.get("fp").asInt(), s.get("tn").asInt(), s.get("fn").asInt()}).containsExactly(tp, fp, tn, fn);
        assertThat(s.get("accuracy").asDouble()).isEqualTo(accuracy);
        assertThat(s.get("precision").asDouble()).isEqualTo(precision);
        assertThat(s.get("recall").asDouble()).isEqualTo(recall);
        assertThat(s.get("f1").asDouble()).isEqualTo(f1);
        assertThat(s.get("yes_ratio").asDouble()).isEqualTo(yesRatio);
    }
}
