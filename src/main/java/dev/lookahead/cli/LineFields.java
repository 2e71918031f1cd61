package dev.lookahead.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
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

    public static ArrayNode ints(int[] values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int v : values) array.add(v);
        return array;
    }

    public static ArrayNode edges(List<Edge> edges) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (Edge edge : edges) array.add(ints(new int[] {edge.from(), edge.to()}));
        return array;
    }

    public static ObjectNode example(Example example) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("n", example.n());
        line.put("distribution", example.distribution().id());
        line.put("lookahead", example.lookahead());
        line.set("tokens", ints(example.tokens()));
        line.set("edges", edges(example.edges()));
        line.put("start", example.start());
        line.put("goal", example.goal());
        line.put("current", example.current());
        line.set("useful_next", ints(example.usefulNext()));
        line.put("label", example.label());
        return line;
    }
}
