package dev.lookahead.search;

import java.util.Arrays;

/**
 * Distances to the goal and counts of shortest paths, computed by one backwards breadth-first
 * search. Reused between examples (not thread-safe).
 */
final class PathFacts {
    static final int UNREACHABLE = Integer.MAX_VALUE;
    /** The reference generator rejects graphs with more shortest paths than this. */
    static final int MAX_SHORTEST_PATHS = 64;

    private int[] distance = new int[0];
    private long[] shortestPaths = new long[0];
    private int[] queue = new int[0];
    private Adjacency graph;

    /** Computes every vertex's distance to {@code goal} and its number of shortest paths there. */
    void compute(Adjacency graph, int goal) {
        this.graph = graph;
        int count = graph.vertexCount();
        if (distance.length < count) {
            distance = new int[count];
            shortestPaths = new long[count];
            queue = new int[count];
        }
        Arrays.fill(distance, 0, count, UNREACHABLE);
        Arrays.fill(shortestPaths, 0, count, 0);
        distance[goal] = 0;
        shortestPaths[goal] = 1;
        int head = 0;
        int tail = 0;
        queue[tail++] = goal;
        while (head < tail) {
            int v = queue[head++];
            for (int i = 0; i < graph.parentCount(v); i++) {
                int u = graph.parent(v, i);
                if (distance[u] == UNREACHABLE) {
                    distance[u] = distance[v] + 1;
                    queue[tail++] = u;
                }
            }
        }
        // Queue order has non-decreasing distance, so each vertex's successors are final before it.
        for (int k = 1; k < tail; k++) {
            int u = queue[k];
            long paths = 0;
            for (int i = 0; i < graph.childCount(u); i++) {
                int w = graph.child(u, i);
                if (distance[w] == distance[u] - 1) paths += shortestPaths[w];
            }
            shortestPaths[u] = Math.min(paths, MAX_SHORTEST_PATHS + 1L);
        }
    }

    int distance(int v) {
        return distance[v];
    }

    boolean reachesGoal(int v) {
        return distance[v] != UNREACHABLE;
    }

    /** Number of shortest paths from v to the goal, capped at MAX_SHORTEST_PATHS + 1. */
    long shortestPaths(int v) {
        return shortestPaths[v];
    }

    /** Children of v from which the goal is reachable, in child order (may repeat on duplicate edges). */
    int usefulChildren(int v, int[] out) {
        int found = 0;
        for (int i = 0; i < graph.childCount(v); i++) {
            int w = graph.child(v, i);
            if (reachesGoal(w) && !contains(out, found, w)) out[found++] = w;
        }
        return found;
    }

    /** Distinct children of v that start a shortest path from v to the goal. */
    int shortestPathSteps(int v, int[] out) {
        int found = 0;
        if (!reachesGoal(v)) return 0;
        for (int i = 0; i < graph.childCount(v); i++) {
            int w = graph.child(v, i);
            if (distance[w] == distance[v] - 1 && !contains(out, found, w)) out[found++] = w;
        }
        return found;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) if (values[i] == value) return true;
        return false;
    }
}
