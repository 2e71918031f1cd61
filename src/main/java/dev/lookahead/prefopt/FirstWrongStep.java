package dev.lookahead.prefopt;

import dev.lookahead.search.Edge;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.TokenLayout;
import java.util.List;

/**
 * Where a path first goes wrong - the critique a reward model learns to point at. Step t (0-based, the vertex after
 * t earlier ones) is wrong when its token is not a vertex, is not a child of the vertex before it, repeats a vertex, or
 * leads nowhere the goal can be reached from; a path whose every step is right but which stops before the goal is
 * wrong at the step that never came (its length). A path the verifier accepts has no wrong step.
 */
public final class FirstWrongStep {
    /** No step is wrong: the path reaches the goal. */
    public static final int NONE = -1;

    private FirstWrongStep() {
    }

    /** The index of the first wrong step, or {@link #NONE}. */
    public static int of(TokenLayout layout, List<Edge> edges, int start, int goal, List<Integer> path) {
        GroundTruth truth = new GroundTruth(edges);
        int at = start;
        java.util.Set<Integer> visited = new java.util.HashSet<>(List.of(start));
        for (int t = 0; t < path.size(); t++) {
            int next = path.get(t);
            boolean right = layout.isVertex(next) && edges.contains(new Edge(at, next)) && visited.add(next)
                    && (next == goal || truth.hasPath(next, goal));
            if (!right) return t;
            if (next == goal) return NONE;
            at = next;
        }
        return path.size();
    }
}
