package dev.lookahead.search;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.Map;
import java.util.TreeMap;

/** The distribution tests' measure: total variation distance between drawn counts and a reference's (value -> count). */
final class Histograms {
    private Histograms() {
    }

    static double totalVariation(Map<Integer, Long> drawn, JsonNode reference) {
        double drawnTotal = drawn.values().stream().mapToLong(Long::longValue).sum();
        double referenceTotal = 0;
        for (JsonNode c : reference) referenceTotal += c.asDouble();
        Map<Integer, Double> difference = new TreeMap<>();
        for (var entry : drawn.entrySet()) difference.merge(entry.getKey(), entry.getValue() / drawnTotal, Double::sum);
        for (var field : reference.properties()) {
            difference.merge(Integer.parseInt(field.getKey()), -field.getValue().asDouble() / referenceTotal, Double::sum);
        }
        return 0.5 * difference.values().stream().mapToDouble(Math::abs).sum();
    }
}
