package dev.lookahead.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;

/**
 * The model-output lines each vision-language scorer reads (docs/user-guide.md, "Benchmarks"), parsed in one place for
 * the command line and the window. A line that cannot be read is reported with its number and the field at fault.
 */
public final class BenchmarkLines {
    /** What a file gave: its lines and the ones refused ("file line N: problem"). */
    public record Read<T>(List<T> items, List<String> problems) {
    }

    private BenchmarkLines() {
    }

    public static <T> Read<T> read(Path file, Function<JsonNode, T> parse) throws IOException {
        List<T> items = new ArrayList<>();
        Ids ids = new Ids();
        List<String> problems = JsonLines.readRecords(file, share -> { }, () -> false, (n, line) -> {
            T item = parse.apply(line);
            ids.once(line, n);
            items.add(item);
        });
        return new Read<>(items, problems);
    }

    /**
     * The lines' ids seen so far: a line whose id (within its split, when it has one) was on an earlier line is refused,
     * naming both lines, so that no output is counted twice. Lines without an id are not compared.
     */
    public static final class Ids {
        private final java.util.Map<String, Integer> firstLine = new java.util.HashMap<>();

        public void once(JsonNode line, int number) {
            String id = id(line);
            if (id.isEmpty()) return;
            JsonNode split = line.get("split");
            String key = (split == null || split.isNull() ? "" : split.asText()) + "\u0000" + id;
            Integer earlier = firstLine.putIfAbsent(key, number);
            if (earlier != null) {
                throw new IllegalArgumentException("id \"" + id + "\" is also on line " + earlier + "; the answer there is scored, this one is not");
            }
        }
    }

    public static Pope.Line pope(JsonNode line) {
        String label = text(line, "label").trim().toLowerCase(Locale.ROOT);
        if (!label.equals("yes") && !label.equals("no")) throw new IllegalArgumentException("\"label\" must be \"yes\" or \"no\" (got \"" + label + "\")");
        JsonNode split = line.get("split");
        return new Pope.Line(id(line), split == null || split.isNull() ? "all" : split.asText(), label.equals("yes"), text(line, "answer"));
    }

    public static Winoground.Line winoground(JsonNode line) {
        return new Winoground.Line(id(line), number(line, "c0_i0"), number(line, "c0_i1"), number(line, "c1_i0"), number(line, "c1_i1"));
    }

    public static CaptionChoice.Line choice(JsonNode line) {
        JsonNode scores = line.get("scores");
        if (scores == null || !scores.isArray()) throw new IllegalArgumentException("\"scores\" must be a list of numbers");
        List<Double> values = new ArrayList<>();
        for (JsonNode s : scores) {
            if (!s.isNumber()) throw new IllegalArgumentException("\"scores\" must be a list of numbers");
            values.add(s.asDouble());
        }
        JsonNode correct = line.get("correct");
        return new CaptionChoice.Line(id(line), values, correct == null || correct.isNull() ? 0 : correct.asInt());
    }

    public static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("\"" + field + "\" is missing");
        if (!value.isTextual() && !value.isNumber()) throw new IllegalArgumentException("\"" + field + "\" must be text");
        return value.asText();
    }

    public static double number(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || !value.isNumber()) throw new IllegalArgumentException("\"" + field + "\" must be a number");
        return value.asDouble();
    }

    public static String id(JsonNode line) {
        JsonNode id = line.get("id");
        return id == null || id.isNull() ? "" : id.asText();
    }
}
