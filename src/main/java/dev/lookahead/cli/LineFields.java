package dev.lookahead.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.search.Edge;
import dev.lookahead.search.Example;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.List;

/** Reading and writing the graph-search fields of a JSONL line (docs/user-guide.md, "Command line"). */
public final class LineFields {
    private LineFields() {
    }

    public static int requireInt(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("the field '" + field + "' is missing");
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("the field '" + field + "' must be an integer, found " + value);
        }
        return value.intValue();
    }

    public static int[] requireIntArray(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("the field '" + field + "' is missing");
        if (!value.isArray()) throw new IllegalArgumentException("the field '" + field + "' must be an array of integers");
        int[] values = new int[value.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber()) {
                throw new IllegalArgumentException("the field '" + field + "' has a non-integer at index " + i + ": " + item);
            }
            if (!item.canConvertToInt()) {
                throw new IllegalArgumentException("the field '" + field + "' has " + item + " at index " + i + ", too large for a token id");
            }
            values[i] = item.intValue();
        }
        return values;
    }

    /** An integer field that may be absent or null. */
    public static Integer optionalInt(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : requireInt(line, field);
    }

    /** The input a line describes by its {@code n} and {@code tokens}. */
    public static SearchInput input(JsonNode line) {
        return Tokenizer.decode(new TokenLayout(requireInt(line, "n")), requireIntArray(line, "tokens"));
    }

    /** Edges as the contract writes them: a list of [from, to] pairs. */
    public static List<int[]> pairs(List<Edge> edges) {
        return edges.stream().map(e -> new int[] {e.from(), e.to()}).toList();
    }

    /** A generated example as {@code generate} writes it. */
    public static ExampleLine example(Example example) {
        return new ExampleLine(example.n(), example.distribution().id(), example.lookahead(), example.tokens(), pairs(example.edges()),
                example.start(), example.goal(), example.current(), example.usefulNext(), example.label());
    }

    /** One line of {@code generate}. */
    public record ExampleLine(int n, String distribution, int lookahead, int[] tokens, List<int[]> edges, int start, int goal, int current,
                              int[] usefulNext, int label) {
    }

    /** What {@code analyze} adds to a line: the input's facts. */
    public record Facts(List<int[]> edges, int start, int goal, int current, int[] usefulNext, int lookahead) {
    }
}
