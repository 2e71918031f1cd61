package dev.lookahead.prefopt;

import dev.lookahead.search.Edge;
import java.util.List;

/** The task's perfect verifier: a path is right when each step follows an edge of the graph and it ends at the goal. */
public final class Verifier {
    private Verifier() {
    }

    /** @param path the vertices after the start */
    public static boolean reachesGoal(List<Edge> edges, int start, int goal, List<Integer> path) {
        if (path.isEmpty() || path.get(path.size() - 1) != goal) return false;
        int at = start;
        for (int next : path) {
            if (!edges.contains(new Edge(at, next))) return false;
            at = next;
        }
        return true;
    }
}
