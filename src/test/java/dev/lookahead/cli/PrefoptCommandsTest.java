package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** prefopt sample, pairs and train end to end on the shipped models. */
class PrefoptCommandsTest {
    @TempDir
    Path dir;


    @Test
    void samplesCarryTheirPathsVerdictsAndLogProbabilitiesAndEveryRuleMakesPairsFromThem() throws Exception {
        Path samples = dir.resolve("samples.jsonl");
        assertThat(LookaheadCommand.execute("prefopt", "sample", "--model", "default", "--problems", "12", "--k", "6", "--out",
                samples.toString())).isZero();
        List<JsonNode> problems = JsonLinesFile.read(samples);
        assertThat(problems).hasSize(12);
        for (JsonNode problem : problems) {
            assertThat(problem.get("tokens").size()).isEqualTo(32);
            assertThat(problem.get("samples").size()).isEqualTo(6);
            for (JsonNode s : problem.get("samples")) {
                assertThat(s.get("logprob").asDouble()).isLessThanOrEqualTo(0);
                assertThat(s.get("correct").isBoolean()).isTrue();
                StringBuilder answer = new StringBuilder();
                for (JsonNode v : s.get("path")) answer.append(answer.isEmpty() ? "" : " ").append(v.asInt());
                assertThat(s.get("answer").asText()).isEqualTo(answer.toString());
            }
        }
        for (String method : List.of("scpo", "irpo", "dpo")) {
            Path pairs = dir.resolve(method + ".jsonl");
            assertThat(LookaheadCommand.execute("prefopt", "pairs", "--method", method, "--in", samples.toString(), "--out", pairs.toString()))
                    .isZero();
            for (JsonNode pair : JsonLinesFile.read(pairs)) {
                for (String field : List.of("problem_id", "prompt", "chosen", "rejected", "weight", "votes_chosen", "votes_rejected", "k",
                        "chosen_correct", "rejected_correct")) {
                    assertThat(pair.has(field)).as(method + " writes " + field).isTrue();
                }
                if (!method.equals("scpo")) assertThat(pair.get("chosen_correct").asBoolean()).isTrue();
            }
        }
        assertThat(LookaheadCommand.execute("prefopt", "pairs", "--method", "scpo", "--pairs-per-problem", "3", "--in", samples.toString()))
                .as("scpo makes one pair per problem").isEqualTo(2);
    }

    @Test
    void everyMethodTrainsAnIterationIntoAFolderThatLoadsAsAModelAndAStoppedRunResumes() throws Exception {
        for (String method : List.of("scpo", "irpo", "dpo", "rft", "sft")) {
            Path out = dir.resolve("train-" + method);
            assertThat(LookaheadCommand.execute("prefopt", "train", "--method", method, "--model", "n32-paths", "--iterations", "1",
                    "--problems", "24", "--k", "4", "--eval-per-lookahead", "8", "--batch", "8", "--out", out.toString())).as(method).isZero();
            for (String file : List.of("prefopt.json", "iter-0/eval.json", "iter-1/samples.jsonl", "iter-1/pairs.jsonl", "iter-1/eval.json",
                    "iter-1/model.json", "iter-1/weights.bin", "iter-1/checkpoint.bin")) {
                assertThat(out.resolve(file)).as(method + " wrote " + file).exists();
            }
            JsonNode eval = dev.lookahead.io.Json.MAPPER.readTree(out.resolve("iter-1/eval.json").toFile());
            assertThat(eval.get("whole_path").get("1").get("trials").asInt()).isEqualTo(8);
            assertThat(eval.get("method").asText()).isEqualTo(method);
            List<JsonNode> lines = JsonLinesFile.read(out.resolve("iter-1/pairs.jsonl"));
            assertThat(eval.get("lines").asInt()).isEqualTo(lines.size());
            for (JsonNode line : lines) {
                assertThat(line.get("ref_logprob_chosen").asDouble()).as("the frozen reference's score").isLessThanOrEqualTo(0);
                if (!method.equals("scpo")) assertThat(line.get("chosen_correct").asBoolean()).as(method + " trains on verified paths").isTrue();
                if (method.equals("rft") || method.equals("sft")) assertThat(line.get("rejected")).isEmpty();
            }
            assertThat(LookaheadCommand.execute("eval", "--model", out.resolve("iter-1").toString(), "--test-per-lookahead", "5"))
                    .as("an iteration's folder is a model").isZero();
        }
        Path out = dir.resolve("train-irpo");
        assertThat(LookaheadCommand.execute("prefopt", "train", "--out", out.toString(), "--resume", "--iterations", "2")).isZero();
        assertThat(out.resolve("iter-2/eval.json")).as("resuming with more iterations runs the next").exists();
        assertThat(LookaheadCommand.execute("prefopt", "train", "--method", "irpo", "--out", out.toString()))
                .as("a folder holding a run is not overwritten").isNotZero();
    }

    @Test
    void aRewardModelTrainsWithAndWithoutCritiquesAndIsMeasuredOnHeldOutSamples() throws Exception {
        Path train = dir.resolve("train.jsonl");
        Path held = dir.resolve("held.jsonl");
        assertThat(LookaheadCommand.execute("prefopt", "sample", "--model", "n32-paths", "--problems", "60", "--k", "6", "--seed", "5", "--out",
                train.toString())).isZero();
        assertThat(LookaheadCommand.execute("prefopt", "sample", "--model", "n32-paths", "--problems", "30", "--k", "6", "--seed", "6", "--out",
                held.toString())).isZero();
        for (String weight : List.of("0", "0.5")) {
            Path out = dir.resolve("rm-" + weight);
            assertThat(LookaheadCommand.execute("prefopt", "reward", "train", "--model", "n32-paths", "--samples", train.toString(), "--held-out",
                    held.toString(), "--critique-weight", weight, "--epochs", "1", "--batch", "16", "--out", out.toString())).isZero();
            JsonNode eval = dev.lookahead.io.Json.MAPPER.readTree(out.resolve("eval.json").toFile());
            for (String measure : List.of("pairwise", "critique", "critique_incorrect", "best_of_k")) {
                assertThat(eval.get("reward").has(measure)).as(measure).isTrue();
            }
            assertThat(eval.get("reward").get("best_of_k").get("trials").asInt()).isEqualTo(30);
            assertThat(eval.get("baselines").get("any_of_k").get("value").asDouble())
                    .as("no reranking beats having a right path among the k")
                    .isGreaterThanOrEqualTo(eval.get("reward").get("best_of_k").get("value").asDouble());
            Path json = dir.resolve("eval-" + weight + ".json");
            assertThat(LookaheadCommand.execute("prefopt", "reward", "eval", "--model", out.toString(), "--samples", held.toString(), "--json",
                    json.toString())).isZero();
            assertThat(dev.lookahead.io.Json.MAPPER.readTree(json.toFile()).get("reward").get("pairwise"))
                    .isEqualTo(eval.get("reward").get("pairwise"));
        }
    }

    @Test
    void aSamplesLineThatDoesNotReadIsNamedEvaluationGoesOnWithoutItAndTrainingRefusesTheFile() throws Exception {
        Path good = dir.resolve("good.jsonl");
        assertThat(LookaheadCommand.execute("prefopt", "sample", "--model", "n32-paths", "--problems", "4", "--k", "3", "--out", good.toString()))
                .isZero();
        Path mixed = Files.writeString(dir.resolve("mixed.jsonl"), "{}\n[1, 2, 3]\n" + Files.readString(good)
                + "{\"problem_id\": 9, \"n\": 32, \"tokens\": \"x\", \"samples\": []}\n");
        int[] exit = new int[1];
        String error = FileSafetyTest.standardError(() -> exit[0] = LookaheadCommand.execute("prefopt", "reward", "eval", "--model", "n32-paths",
                "--samples", mixed.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(error).contains("mixed.jsonl line 1: no \"problem_id\"").contains("mixed.jsonl line 2: not a JSON object")
                .contains("mixed.jsonl line 7: \"tokens\" is not of the type").doesNotContain("Cannot").doesNotContain("dev.lookahead");

        Path out = dir.resolve("refused");
        error = FileSafetyTest.standardError(() -> exit[0] = LookaheadCommand.execute("prefopt", "reward", "train", "--model", "n32-paths",
                "--samples", mixed.toString(), "--held-out", good.toString(), "--out", out.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(error).contains("3 lines of " + mixed + " do not read; nothing was trained");
        assertThat(out.resolve(dev.lookahead.model.ModelFiles.WEIGHTS)).doesNotExist();
    }
}
