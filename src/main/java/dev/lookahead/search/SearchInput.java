package dev.lookahead.search;

import java.util.List;

/**
 * A decoded input: the edges in token order, the query, and the path walked so far (path[0] is the
 * start; the last entry is the current vertex whose next step is asked for).
 */
public record SearchInput(TokenLayout layout, List<Edge> edges, int start, int goal, int[] path) {

    public SearchInput {
        edges = List.copyOf(edges);
        path = path.clone();
    }

    /** The first-step input for a graph: the path holds only the start. */
    public static SearchInput firstStep(TokenLayout layout, List<Edge> edges, int start, int goal) {
        return new SearchInput(layout, edges, start, goal, new int[] {start});
    }

    public int current() {
        return path[path.length - 1];
    }

    /** Tokens this input occupies before padding: 3 per edge, Q s g, P and the path. */
    public int unpaddedLength() {
        return 3 * edges.size() + 4 + path.length;
    }
}
