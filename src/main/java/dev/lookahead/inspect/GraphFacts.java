package dev.lookahead.inspect;

import dev.lookahead.search.Edge;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.InputAnalysis;
import dev.lookahead.search.SearchInput;
import java.util.Arrays;
import java.util.List;
import java.util.SortedSet;

/**
 * What is true of one graph, whatever a model makes of it (the paper's section 2): the useful next steps from the
 * current vertex, the lookahead of the smallest, and the vertices reachable within 2^l hops of any vertex.
 *
 * @param lookahead the lookahead of the smallest useful next step, or -1 when the goal cannot be reached
 */
public record GraphFacts(int[] usefulNext, int lookahead, GroundTruth truth) {

    /** The facts of {@code input}, from its current vertex. */
    public static GraphFacts of(SearchInput input) {
        return of(input.edges(), input.current(), input.goal());
    }

    /** The facts of a graph given by its edges, from {@code current} towards {@code goal}. */
    public static GraphFacts of(List<Edge> edges, int current, int goal) {
        GroundTruth truth = new GroundTruth(edges);
        int[] useful = truth.usefulNext(current, goal);
        int lookahead = useful.length == 0 ? -1 : InputAnalysis.lookahead(edges, current, useful[0], goal);
        return new GraphFacts(useful, lookahead, truth);
    }

    /** Whether {@code vertex} is a useful next step. */
    public boolean useful(int vertex) {
        return Arrays.stream(usefulNext).anyMatch(v -> v == vertex);
    }

    /** The vertices reachable from {@code vertex} within 2^layer hops: what a token can hold after that layer (paper, section 5). */
    public SortedSet<Integer> reachableAfterLayer(int vertex, int layer) {
        return truth.reachableWithin(vertex, 1 << layer);
    }
}
