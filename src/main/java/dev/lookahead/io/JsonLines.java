package dev.lookahead.io;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Reads a JSON-lines file for a long job: progress as the share of bytes read, a cancel check between
 * lines, and every line that cannot be handled kept as a problem naming the file and line number
 * while the rest is read.
 */
public final class JsonLines {
    /** Handles one parsed line; throws to refuse it with a message. */
    @FunctionalInterface
    public interface Handler {
        void accept(int lineNumber, JsonNode line) throws Exception;
    }

    private JsonLines() {
    }

    /**
     * Reads {@code file}; returns the problems, "name line N: message", of the lines refused.
     *
     * @throws WrongShapeException when the file is one JSON array rather than JSON lines
     */
    public static List<String> read(Path file, DoubleConsumer progress, BooleanSupplier cancelled, Handler handler) throws IOException {
        if (firstCharacter(file) == '[') {
            throw new WrongShapeException(file.getFileName() + " is one JSON array; this reads JSON lines (one object per line). Convert it with"
                    + " jq -c '.[]' " + file.getFileName() + " > lines.jsonl");
        }
        return readLines(file, progress, cancelled, handler);
    }

    /**
     * Reads {@code file} as JSON lines or as one JSON array of records, whichever it is; the problems name the line, or
     * the item of the array ("name item N: message").
     */
    public static List<String> readRecords(Path file, DoubleConsumer progress, BooleanSupplier cancelled, Handler handler) throws IOException {
        if (firstCharacter(file) != '[') return readLines(file, progress, cancelled, handler);
        List<String> problems = new ArrayList<>();
        try (com.fasterxml.jackson.core.JsonParser parser = Json.MAPPER.getFactory().createParser(file.toFile())) {
            parser.nextToken();
            int item = 0;
            while (parser.nextToken() != com.fasterxml.jackson.core.JsonToken.END_ARRAY && !cancelled.getAsBoolean()) {
                JsonNode record = Json.MAPPER.readTree(parser);
                item++;
                try {
                    handler.accept(item, record);
                } catch (Exception e) {
                    problems.add(file.getFileName() + " item " + item + ": " + firstLine(e));
                }
            }
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new WrongShapeException(file.getFileName() + " is not a valid JSON array (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + "): " + e.getOriginalMessage());
        }
        progress.accept(1.0);
        return problems;
    }

    /** The first character that is not white space or a byte-order mark, or -1 for an empty file. */
    public static int firstCharacter(Path file) throws IOException {
        try (java.io.Reader in = Files.newBufferedReader(file, java.nio.charset.StandardCharsets.UTF_8)) {
            int c;
            while ((c = in.read()) >= 0) if (!Character.isWhitespace(c) && c != '\uFEFF') return c;
            return -1;
        } catch (java.nio.charset.CharacterCodingException e) {
            return 0;
        }
    }

    private static String firstLine(Exception e) {
        return e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
    }

    private static List<String> readLines(Path file, DoubleConsumer progress, BooleanSupplier cancelled, Handler handler) throws IOException {
        long size = Math.max(1, Files.size(file));
        List<String> problems = new ArrayList<>();
        try (TextLines lines = TextLines.open(file)) {
            for (TextLines.Line line = lines.next(); line != null && !cancelled.getAsBoolean(); line = lines.next()) {
                if (line.number() % 50 == 0) progress.accept(Math.min(1.0, (double) lines.bytesRead() / size));
                if (line.isBlank()) continue;
                try {
                    handler.accept(line.number(), line.json());
                } catch (Exception e) {
                    problems.add(file.getFileName() + " line " + line.number() + ": " + firstLine(e));
                }
            }
        }
        progress.accept(1.0);
        return problems;
    }

    /**
     * Visits every non-blank line of {@code file} with its line number, unparsed: a line that is not UTF-8 is handed on too,
     * and {@link TextLines.Line#json()} reports it.
     */
    public static void forEach(Path file, LineVisitor visitor) throws IOException {
        try (TextLines lines = TextLines.open(file)) {
            for (TextLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (!line.isBlank()) visitor.visit(line.number(), line);
            }
        }
    }

    /** Receives one non-blank line of a JSONL file. */
    @FunctionalInterface
    public interface LineVisitor {
        void visit(int number, TextLines.Line line) throws IOException;
    }
}
