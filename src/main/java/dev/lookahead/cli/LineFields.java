package dev.lookahead.cli;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.search.Example;
import java.util.List;

/** Reading and writing the graph-search fields of a JSONL line (cli-contract.md). */
final class LineFields {
    private LineFields() {
    }

    static int requireInt(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("the field '" + field + "' is missing");
        if (!value.canConvertToInt() || !value.isIntegralNumber()) {
            throw new IllegalArgumentException("the field '" + field + "' must be an integer, found " + value);
        }
        return value.intValue();
    }

    static int[] requireIntArray(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("the field '" + field + "' is missing");
        if (!value.isArray()) throw new IllegalArgumentException("the field '" + field + "' must be an array of integers");
        int[] values = new int[value.size()];
        for (int i = 0; i < values.length; i++) {
            JsonNode item = value.get(i);
            if (!item.isIntegralNumber()) {
                throw new IllegalArgumentException("the field '" + field + "' has a non-integer at index " + i + ": " + item);
            }
            values[i] = item.intValue();
        }
        return values;
    }

    static ArrayNode ints(int[] values) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int v : values) array.add(v);
        return array;
    }

    static ArrayNode edges(List<int[]> edges) {
        ArrayNode array = Json.MAPPER.createArrayNode();
        for (int[] edge : edges) array.add(ints(edge));
        return array;
    }

    static ObjectNode example(Example example) {
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
