package dev.lookahead.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.io.TextLines;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * The contract's line-mapping convention: one output line per input line, in order, every input
 * field copied unchanged; a line that fails gets an {@code error} field naming its line number and
 * the mapping goes on. The caller exits 2 when any line failed.
 */
public final class JsonLineMapper {
    /** Adds a command's fields to one parsed input line; throws to report the line's problem. */
    @FunctionalInterface
    public interface LineFunction {
        void apply(ObjectNode line) throws Exception;
    }

    /**
     * Handles a chunk of lines at once (for model calls batched over lines). It may put an
     * {@code error} field on any line it cannot handle; an exception marks every line of the chunk.
     */
    @FunctionalInterface
    public interface ChunkFunction {
        void apply(List<ObjectNode> lines, List<Integer> lineNumbers) throws Exception;
    }

    private int lines;
    private int errors;

    /** Maps {@code in} to {@code out} line by line; returns the number of lines that got an error. */
    public int map(Path in, Path out, LineFunction function) throws IOException {
        return mapChunks(in, out, 1, (lines, numbers) -> function.apply(lines.get(0)));
    }

    /** Like {@link #map}, handing the function up to {@code chunkSize} well-formed lines at a time. */
    public int mapChunks(Path in, Path out, int chunkSize, ChunkFunction function) throws IOException {
        if (!Files.isRegularFile(in)) throw new NoSuchFileException(in.toString(), null, "no such input file");
        try (TextLines reader = TextLines.open(in)) {
            Output.write(out, writer -> {
                List<ObjectNode> chunk = new ArrayList<>();
                List<Integer> numbers = new ArrayList<>();
                List<ObjectNode> pending = new ArrayList<>();
                for (TextLines.Line text = reader.next(); text != null; text = reader.next()) {
                    lines++;
                    if (text.isBlank()) continue;
                    ObjectNode line = parse(text);
                    pending.add(line);
                    if (!line.has("error")) {
                        chunk.add(line);
                        numbers.add(lines);
                    }
                    if (chunk.size() == chunkSize) flushChunk(chunk, numbers, pending, writer, function);
                }
                flushChunk(chunk, numbers, pending, writer, function);
            });
        }
        return errors;
    }

    private ObjectNode parse(TextLines.Line text) {
        if (!text.readable()) return failed(text.problem());
        try {
            JsonNode parsed = text.json();
            if (parsed instanceof ObjectNode object) return object;
            throw new IllegalArgumentException("not a JSON object");
        } catch (Exception e) {
            return failed("not a JSON object: " + firstLine(e.getMessage()));
        }
    }

    private ObjectNode failed(String problem) {
        ObjectNode failed = Json.MAPPER.createObjectNode();
        failed.put("error", "line " + lines + ": " + problem);
        return failed;
    }

    private void flushChunk(List<ObjectNode> chunk, List<Integer> numbers, List<ObjectNode> pending, Writer writer,
                            ChunkFunction function) throws IOException {
        if (!chunk.isEmpty()) {
            try {
                function.apply(chunk, numbers);
            } catch (Exception e) {
                for (int i = 0; i < chunk.size(); i++) chunk.get(i).put("error", "line " + numbers.get(i) + ": " + e.getMessage());
            }
        }
        for (ObjectNode line : pending) {
            if (line.has("error")) errors++;
            writer.write(line.toString());
            writer.write('\n');
        }
        chunk.clear();
        numbers.clear();
        pending.clear();
    }

    public int lines() {
        return lines;
    }

    public static String firstLine(String message) {
        if (message == null) return "unreadable";
        int end = message.indexOf('\n');
        return end < 0 ? message : message.substring(0, end);
    }
}
