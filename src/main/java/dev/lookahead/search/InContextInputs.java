package dev.lookahead.search;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The token inputs of the in-context tasks for a given graph, as the paper's generator lays them out (docs/user-guide.md,
 * "Search in context"): {@code PAD... (E u v)* Q s g P}, then the task's part. The edges keep the order given.
 */
public final class InContextInputs {
    private InContextInputs() {
    }

    /** The most edges an input of the task holds at this n: T = (n - 4) / 4 (dfs), E = (n - 2) / 6 (si). */
    public static int maxEdges(TokenLayout layout, Task task) {
        return switch (task) {
            case DFS -> DfsGenerator.traceSlots(layout);
            case SI -> SiGenerator.maxEdges(layout);
            case SEARCH -> layout.maxEdges();
        };
    }

    /** Why a model of the task at this n cannot take the graph, or empty when it can. */
    public static Optional<String> whyNot(SearchGraph graph, TokenLayout layout, Task task) {
        int limit = maxEdges(layout, task);
        if (graph.edges().size() > limit) {
            return Optional.of("the graph has " + graph.edges().size() + " edges but a " + task.id() + " model at n = " + layout.n()
                    + " takes at most " + limit + "; remove " + (graph.edges().size() - limit));
        }
        return graph.whyNotFor(layout);
    }

    /** A depth-first-search input: the visit order so far (the start first), right-aligned in T trace slots. */
    public static int[] dfs(TokenLayout layout, List<Edge> edges, int start, int goal, List<Integer> trace) {
        int slots = DfsGenerator.traceSlots(layout);
        if (trace.isEmpty() || trace.size() > slots) throw new IllegalArgumentException("a trace holds 1.." + slots + " vertices, not " + trace.size());
        int[] part = new int[slots];
        Arrays.fill(part, 0, slots - trace.size(), layout.pathToken());
        for (int i = 0; i < trace.size(); i++) part[slots - trace.size() + i] = trace.get(i);
        return assemble(layout, edges, start, goal, part);
    }

    /**
     * A selection-inference input: P padding, {@code P u v} for each visited edge, then {@code P} (a selection step,
     * {@code expand} null) or {@code P expand} (an inference step).
     */
    public static int[] si(TokenLayout layout, List<Edge> edges, int start, int goal, List<Edge> visited, Integer expand) {
        int slots = 3 * (SiGenerator.maxEdges(layout) - 1) + 1;
        int used = 3 * visited.size() + (expand == null ? 1 : 2);
        if (used > slots) throw new IllegalArgumentException("the visited edges fill the input: at most " + slots + " tokens, " + used + " asked");
        int[] part = new int[slots];
        int at = 0;
        for (int i = used; i < slots; i++) part[at++] = layout.pathToken();
        for (Edge e : visited) {
            part[at++] = layout.pathToken();
            part[at++] = e.from();
            part[at++] = e.to();
        }
        part[at++] = layout.pathToken();
        if (expand != null) part[at++] = expand;
        return assemble(layout, edges, start, goal, Arrays.copyOf(part, at));
    }

    /** The graph (edges in token order), start and goal an input of any task holds. */
    public record Problem(List<Edge> edges, int start, int goal) {
    }

    /** Reads the graph, start and goal of an input of any of the tasks; a malformed prefix is named by position. */
    public static Problem problem(TokenLayout layout, int[] tokens) {
        List<Edge> edges = new java.util.ArrayList<>();
        int i = 0;
        while (i < tokens.length && tokens[i] == layout.padToken()) i++;
        while (i + 2 < tokens.length && tokens[i] == layout.edgeToken()) {
            edges.add(new Edge(tokens[i + 1], tokens[i + 2]));
            i += 3;
        }
        if (i + 2 >= tokens.length || tokens[i] != layout.queryToken()) throw new MalformedInputException(i, "expected 'Q start goal' after the edges");
        return new Problem(edges, tokens[i + 1], tokens[i + 2]);
    }

    /** Whether one more inference step still fits after {@code visited} edges (si). */
    public static boolean siRoomForAnotherEdge(TokenLayout layout, int visited) {
        return 3 * visited + 2 <= 3 * (SiGenerator.maxEdges(layout) - 1) + 1;
    }

    private static int[] assemble(TokenLayout layout, List<Edge> edges, int start, int goal, int[] part) {
        int length = 3 * edges.size() + 4 + part.length;
        if (length > layout.n()) throw new IllegalArgumentException("the input needs " + length + " tokens but n = " + layout.n());
        int[] tokens = new int[layout.n()];
        int at = layout.n() - length;
        Arrays.fill(tokens, 0, at, layout.padToken());
        for (Edge e : edges) {
            tokens[at++] = layout.edgeToken();
            tokens[at++] = e.from();
            tokens[at++] = e.to();
        }
        tokens[at++] = layout.queryToken();
        tokens[at++] = start;
        tokens[at++] = goal;
        tokens[at++] = layout.pathToken();
        System.arraycopy(part, 0, tokens, at, part.length);
        return tokens;
    }
}
