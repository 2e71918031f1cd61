package dev.lookahead.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/**
 * The contract's line-mapping convention: one output line per input line, in order, every input
 * field copied unchanged; a line that fails gets an {@code error} field naming its line number and
 * the mapping goes on. The caller exits 2 when any line failed.
 */
final class JsonLineMapper {
    /** Adds a command's fields to one parsed input line; throws to report the line's problem. */
    @FunctionalInterface
    interface LineFunction {
        void apply(ObjectNode line) throws Exception;
    }

    private int lines;
    private int errors;

    /** Maps {@code in} to {@code out}; returns the number of lines that got an error. */
    int map(Path in, Path out, LineFunction function) throws IOException {
        if (!Files.isRegularFile(in)) throw new NoSuchFileException(in.toString(), null, "no such input file");
        try (BufferedReader reader = Files.newBufferedReader(in, StandardCharsets.UTF_8)) {
            Output.write(out, writer -> mapLines(reader, writer, function));
        }
        return errors;
    }

    private void mapLines(BufferedReader reader, Writer writer, LineFunction function) throws IOException {
        String text;
        while ((text = reader.readLine()) != null) {
            lines++;
            if (text.isBlank()) continue;
            ObjectNode line;
            try {
                JsonNode parsed = Json.MAPPER.readTree(text);
                if (!(parsed instanceof ObjectNode object)) throw new IllegalArgumentException("not a JSON object");
                line = object;
            } catch (Exception e) {
                errors++;
                ObjectNode failed = Json.MAPPER.createObjectNode();
                failed.put("error", "line " + lines + ": not a JSON object: " + firstLine(e.getMessage()));
                writer.write(failed.toString());
                writer.write('\n');
                continue;
            }
            try {
                function.apply(line);
            } catch (Exception e) {
                errors++;
                line.put("error", "line " + lines + ": " + e.getMessage());
            }
            writer.write(line.toString());
            writer.write('\n');
        }
    }

    int lines() {
        return lines;
    }

    static String firstLine(String message) {
        if (message == null) return "unreadable";
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
