package dev.lookahead.cli.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.LookaheadCommand;
import dev.lookahead.io.Json;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SignalsCommandTest {
    @TempDir
    Path dir;

    @Test
    void oneLinePerBotTurnWithTheContractFieldsAndErrorsForBadLines() throws Exception {
        Path log = dir.resolve("log.jsonl");
        List<String> lines = new ArrayList<>(Files.readAllLines(Path.of("samples/dialogue/sample-log.jsonl")));
        lines.add(2, "{not json");
        Files.write(log, lines);
        Path out = dir.resolve("signals.jsonl");
        assertThat(LookaheadCommand.execute("signals", "--in", log.toString(), "--out", out.toString())).isEqualTo(2);
        List<String> written = Files.readAllLines(out);
        assertThat(written).hasSize(12);
        JsonNode first = Json.MAPPER.readTree(written.get(0));
        List<String> fields = new ArrayList<>();
        first.fieldNames().forEachRemaining(fields::add);
        assertThat(fields).containsExactly("conversation_id", "turn_index", "bot_text", "next_human_text", "replied", "length_5",
                "length_20", "nonneg_sentiment_length", "pos_sentiment_length", "joy_length", "compound", "joy", "liked",
                "disliked", "dislike_type", "adversarial", "canned");
        assertThat(written).filteredOn(line -> line.contains("\"error\"")).singleElement()
                .satisfies(line -> assertThat(line).contains("line 3"));
    }

    @Test
    void aLargeLogStreamsThroughInOnePass() throws Exception {
        Path log = dir.resolve("large.jsonl");
        StringBuilder text = new StringBuilder();
        for (int c = 0; c < 20_000; c++) {
            text.append("{\"chat_id\": \"c").append(c).append("\", \"message_history\": [{\"sender\": \"Chatbot\", \"text\": \"hi\"}, ")
                    .append("{\"sender\": \"Human\", \"text\": \"hello there my good friend lol\"}, {\"sender\": \"Chatbot\", \"text\": \"bye\"}]}\n");
        }
        Files.writeString(log, text);
        SignalOptions options = new SignalOptions();
        options.ks = List.of(5, 20);
        options.noReply = "bad";
        StringWriter out = new StringWriter();
        long[] counts = SignalsCommand.label(log, out, options);
        assertThat(counts).containsExactly(20_000, 40_000, 0);
        assertThat(out.toString().lines().filter(l -> l.contains("\"joy_length\":true")).count()).isEqualTo(20_000);
    }
}
