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

    /** Reads {@code file}; returns the problems, "name line N: message", of the lines refused. */
    public static List<String> read(Path file, DoubleConsumer progress, BooleanSupplier cancelled, Handler handler) throws IOException {
        long size = Math.max(1, Files.size(file));
        List<String> problems = new ArrayList<>();
        try (TextLines lines = TextLines.open(file)) {
            for (TextLines.Line line = lines.next(); line != null && !cancelled.getAsBoolean(); line = lines.next()) {
                if (line.number() % 50 == 0) progress.accept(Math.min(1.0, (double) lines.bytesRead() / size));
                if (line.isBlank()) continue;
                try {
                    handler.accept(line.number(), line.json());
                } catch (Exception e) {
                    String message = e.getMessage() == null ? e.getClass().getSimpleName() : e.getMessage().split("\n")[0];
                    problems.add(file.getFileName() + " line " + line.number() + ": " + message);
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
