package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * vlm vqa on the official annotation, question and results files (synthetic, samples/benchmarks/vqa-official/): every
 * figure equals what the official vqaEval.py printed for the same files, run outside this repository.
 */
class VqaOfficialFilesTest {
    private static final Path DIR = Path.of("samples/benchmarks/vqa-official");

    @TempDir
    Path dir;

    @Test
    void overallPerTypeAndPerQuestionEqualTheOfficialEvaluation() throws Exception {
        Path json = dir.resolve("vqa.json");
        assertThat(LookaheadCommand.execute("vlm", "vqa", "--in", DIR.resolve("results-synthetic.json").toString(), "--annotations",
                DIR.resolve("v2_mscoco_val2014_annotations-synthetic.json").toString(), "--questions",
                DIR.resolve("v2_OpenEnded_mscoco_val2014_questions-synthetic.json").toString(), "--json", json.toString())).isZero();
        JsonNode mine = Json.MAPPER.readTree(json.toFile());
        JsonNode official = Json.MAPPER.readTree(DIR.resolve("vqaEval-output.json").toFile());
        assertThat(mine.get("overall").asDouble()).isEqualTo(official.get("overall").asDouble());
        assertThat(mine.get("per_answer_type")).isEqualTo(official.get("per_answer_type"));
        assertThat(mine.get("per_question_type")).isEqualTo(official.get("per_question_type"));
        assertThat(mine.get("per_question")).isEqualTo(official.get("per_question"));
        assertThat(mine.get("per_question").get("5000").asDouble()).as("at most 32 periods are removed, as the official sub's count").isZero();
        assertThat(mine.get("per_question").get("1014").asDouble()).as("a trailing no-break space is stripped, as Python strips it").isEqualTo(100);
    }

    @Test
    void resultsThatDoNotAnswerEveryQuestionAreRefusedAsTheOfficialLoaderRefusesThem() throws Exception {
        Path partial = dir.resolve("partial.json");
        java.nio.file.Files.writeString(partial, "[{\"question_id\": 1000, \"answer\": \"2\"}]");
        assertThat(LookaheadCommand.execute("vlm", "vqa", "--in", partial.toString(), "--annotations",
                DIR.resolve("v2_mscoco_val2014_annotations-synthetic.json").toString())).isEqualTo(2);
    }
}
