package dev.lookahead.search;

import java.util.Map;
import java.util.TreeMap;

/** Histograms over a set of examples: lookahead, graph size and edge count. */
public final class ExampleStatistics {
    private final TreeMap<Integer, Long> lookahead = new TreeMap<>();
    private final TreeMap<Integer, Long> vertices = new TreeMap<>();
    private final TreeMap<Integer, Long> edges = new TreeMap<>();
    private final TreeMap<Integer, Long> usefulNext = new TreeMap<>();
    private long examples;

    public void add(SearchInput input, InputAnalysis analysis) {
        examples++;
        lookahead.merge(analysis.lookahead(), 1L, Long::sum);
        vertices.merge(vertexCount(input), 1L, Long::sum);
        edges.merge(input.edges().size(), 1L, Long::sum);
        usefulNext.merge(analysis.usefulNext().length, 1L, Long::sum);
    }

    /** Distinct vertices named by the edges and the query. */
    public static int vertexCount(SearchInput input) {
        java.util.BitSet seen = new java.util.BitSet();
        for (Edge edge : input.edges()) {
            seen.set(edge.from());
            seen.set(edge.to());
        }
        seen.set(input.start());
        seen.set(input.goal());
        return seen.cardinality();
    }

    public long examples() {
        return examples;
    }

    public Map<Integer, Long> lookahead() {
        return lookahead;
    }

    public Map<Integer, Long> vertices() {
        return vertices;
    }

    public Map<Integer, Long> edges() {
        return edges;
    }

    public Map<Integer, Long> usefulNext() {
        return usefulNext;
    }

    public static double mean(Map<Integer, Long> histogram) {
        long count = 0;
        double sum = 0;
        for (var entry : histogram.entrySet()) {
            count += entry.getValue();
            sum += (double) entry.getKey() * entry.getValue();
        }
        return count == 0 ? Double.NaN : sum / count;
    }
}
