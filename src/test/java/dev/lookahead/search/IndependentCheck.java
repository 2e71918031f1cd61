package dev.lookahead.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * A second, deliberately plain implementation of the token format, breadth-first search and the
 * lookahead, written from the paper's definitions alone (docs/user-guide.md, "The task") with Java collections, so tests can check the
 * production code against something that shares none of its code.
 */
final class IndependentCheck {
    final int n;
    final int v;
    final Map<Integer, List<Integer>> children = new LinkedHashMap<>();
    final List<int[]> edges = new ArrayList<>();
    int start;
    int goal;
    final List<Integer> path = new ArrayList<>();

    /** Decodes without the production tokenizer. */
    IndependentCheck(int n, int[] tokens) {
        this.n = n;
        this.v = (n - 5) / 3;
        int pad = v + 3;
        int edge = v + 2;
        int query = v + 4;
        int pathToken = v + 1;
        if (tokens.length != n) throw new AssertionError("length " + tokens.length + " != " + n);
        int i = 0;
        while (tokens[i] == pad) i++;
        while (tokens[i] == edge) {
            int a = tokens[i + 1];
            int b = tokens[i + 2];
            if (a < 1 || a > v || b < 1 || b > v) throw new AssertionError("edge ids out of range at " + i);
            edges.add(new int[] {a, b});
            children.computeIfAbsent(a, k -> new ArrayList<>()).add(b);
            i += 3;
        }
        if (tokens[i] != query) throw new AssertionError("no Q at " + i);
        start = tokens[i + 1];
        goal = tokens[i + 2];
        if (tokens[i + 3] != pathToken) throw new AssertionError("no P at " + (i + 3));
        for (int k = i + 4; k < n; k++) path.add(tokens[k]);
        if (path.isEmpty() || path.get(0) != start) throw new AssertionError("path does not begin at start");
    }

    int current() {
        return path.get(path.size() - 1);
    }

    List<Integer> childrenOf(int u) {
        return children.getOrDefault(u, List.of());
    }

    boolean reaches(int from, int to) {
        Set<Integer> seen = new HashSet<>(List.of(from));
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            int u = queue.poll();
            if (u == to) return true;
            for (int w : childrenOf(u)) if (seen.add(w)) queue.add(w);
        }
        return false;
    }

    /** Edges on a shortest path from {@code from} to {@code to} by breadth-first search, or -1 when there is none. */
    int distance(int from, int to) {
        Map<Integer, Integer> depth = new HashMap<>(Map.of(from, 0));
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            int u = queue.poll();
            if (u == to) return depth.get(u);
            for (int w : childrenOf(u)) {
                if (!depth.containsKey(w)) {
                    depth.put(w, depth.get(u) + 1);
                    queue.add(w);
                }
            }
        }
        return -1;
    }

    TreeSet<Integer> useful() {
        TreeSet<Integer> useful = new TreeSet<>();
        for (int c : childrenOf(current())) if (reaches(c, goal)) useful.add(c);
        return useful;
    }

    boolean acyclic() {
        Map<Integer, Integer> state = new HashMap<>();
        for (int[] e : edges) if (cyclicFrom(e[0], state)) return false;
        return true;
    }

    private boolean cyclicFrom(int u, Map<Integer, Integer> state) {
        Integer s = state.get(u);
        if (s != null) return s == 1;
        state.put(u, 1);
        for (int w : childrenOf(u)) if (cyclicFrom(w, state)) return true;
        state.put(u, 2);
        return false;
    }

    /** The paper's definition of lookahead, transcribed literally. */
    int lookahead(int next) {
        List<int[]> frontier = new ArrayList<>();
        Set<Integer> visited = new HashSet<>();
        for (int c : childrenOf(current())) {
            frontier.add(new int[] {c, c});
            visited.add(c);
        }
        int depth = 0;
        while (!frontier.isEmpty()) {
            if (frontier.stream().allMatch(entry -> entry[1] == next)) return depth;
            depth++;
            List<int[]> nextFrontier = new ArrayList<>();
            for (int[] entry : frontier) {
                if (entry[0] == goal) return depth;
                for (int w : childrenOf(entry[0])) {
                    if (!visited.contains(w)) {
                        nextFrontier.add(new int[] {w, entry[1]});
                        visited.add(w);
                    } else if (entry[1] == next) {
                        for (int[] later : nextFrontier) if (later[0] == w) later[1] = next;
                    }
                }
            }
            frontier = nextFrontier;
        }
        return depth;
    }

    /** Vertices named by edges and the query. */
    int vertexCount() {
        Set<Integer> ids = new HashSet<>(List.of(start, goal));
        for (int[] e : edges) {
            ids.add(e[0]);
            ids.add(e[1]);
        }
        return ids.size();
    }
}
