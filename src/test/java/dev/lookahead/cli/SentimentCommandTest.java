package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SentimentCommandTest {
    @TempDir
    Path dir;

    @Test
    void addsTheFourScoresAndMarksLinesWithoutText() throws Exception {
        Path in = dir.resolve("texts.jsonl");
        Files.write(in, List.of("{\"text\": \"VADER is smart, handsome, and funny.\", \"id\": 7}", "{\"id\": 8}"));
        Path out = dir.resolve("scored.jsonl");
        assertThat(LookaheadCommand.execute("signals", "sentiment", "--in", in.toString(), "--out", out.toString())).isEqualTo(2);
        List<String> lines = Files.readAllLines(out);
        JsonNode first = Json.MAPPER.readTree(lines.get(0));
        assertThat(first.get("id").asInt()).isEqualTo(7);
        assertThat(first.get("compound").asDouble()).isEqualTo(0.8316);
        assertThat(first.get("pos").asDouble() + first.get("neu").asDouble() + first.get("neg").asDouble()).isCloseTo(1.0,
                org.assertj.core.data.Offset.offset(0.002));
        assertThat(Json.MAPPER.readTree(lines.get(1)).get("error").asText()).startsWith("line 2:");
    }
}
