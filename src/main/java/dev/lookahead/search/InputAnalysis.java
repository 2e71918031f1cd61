package dev.lookahead.search;

import java.util.Arrays;
import java.util.List;

/**
 * The ground truth of one input as {@code analyze} reports it: useful next steps through JGraphT
 * and the lookahead with respect to the label (or, without one, the smallest useful next vertex).
 */
public record InputAnalysis(SearchInput input, int[] usefulNext, int lookahead) {

    /**
     * @param label the step the lookahead is measured for; null to use the smallest useful step
     * @throws IllegalArgumentException when the goal cannot be reached from the current vertex
     *                                  and no label is given
     */
    public static InputAnalysis of(SearchInput input, Integer label) {
        GroundTruth truth = new GroundTruth(input.edges());
        int current = input.current();
        int[] useful = truth.usefulNext(current, input.goal());
        int next;
        if (label != null) {
            next = label;
        } else if (useful.length > 0) {
            next = useful[0];
        } else {
            throw new IllegalArgumentException("the goal " + input.goal() + " is not reachable from the current vertex "
                    + current + ", so there is no next step to measure the lookahead for");
        }
        return new InputAnalysis(input, useful, lookahead(input.edges(), current, next, input.goal()));
    }

    /** The paper's lookahead (docs/user-guide.md, "The task") on a graph given by its edges (positive ids). */
    public static int lookahead(List<Edge> edges, int current, int next, int goal) {
        int maxId = edges.stream().mapToInt(e -> Math.max(e.from(), e.to())).max().orElse(0);
        maxId = Math.max(maxId, Math.max(current, Math.max(next, goal)));
        Adjacency adjacency = new Adjacency(maxId + 1);
        adjacency.reset(maxId + 1);
        for (Edge edge : edges) adjacency.addEdge(edge.from(), edge.to());
        return new Lookahead().compute(adjacency, current, next, goal);
    }

    @Override
    public String toString() {
        return "InputAnalysis[useful=" + Arrays.toString(usefulNext) + ", lookahead=" + lookahead + "]";
    }
}
