package dev.lookahead.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * A graph as a person draws, opens or saves it: vertex ids (positive integers, kept as written),
 * edges in their written order, an optional start and goal, and optional drawing positions.
 */
public record SearchGraph(List<Integer> vertices, List<Edge> edges, Integer start, Integer goal,
                          Map<Integer, Position> positions) {

    /** Where a vertex was drawn, in the editor's units. */
    public record Position(double x, double y) {
    }

    public SearchGraph {
        LinkedHashSet<Integer> ids = new LinkedHashSet<>(vertices);
        for (Edge edge : edges) {
            ids.add(edge.from());
            ids.add(edge.to());
        }
        if (start != null) ids.add(start);
        if (goal != null) ids.add(goal);
        vertices = List.copyOf(ids);
        edges = List.copyOf(edges);
        positions = Map.copyOf(positions);
    }

    public static SearchGraph of(List<Edge> edges, Integer start, Integer goal) {
        return new SearchGraph(List.of(), edges, start, goal, Map.of());
    }

    /** The graph of an input (first step: the path prefix is not part of the graph). */
    public static SearchGraph of(SearchInput input) {
        return of(input.edges(), input.start(), input.goal());
    }

    /** Something that makes a graph unfit for the task; {@code edgeIndex} is the 0-based edge at fault, or -1. */
    public record Problem(String message, int edgeIndex) {
    }

    /**
     * Problems that make this not a graph of the task: self-loops, repeated edges, non-positive ids,
     * a cycle (named by its vertices, blamed on the edge that closes it). Empty for a proper DAG.
     */
    public List<Problem> problems() {
        List<Problem> problems = new ArrayList<>();
        for (int id : vertices) {
            if (id < 1) problems.add(new Problem("vertex id " + id + " is not a positive integer", -1));
        }
        Set<Long> seen = new HashSet<>();
        for (int i = 0; i < edges.size(); i++) {
            Edge e = edges.get(i);
            if (e.from() == e.to()) {
                problems.add(new Problem("the edge " + e.from() + " -> " + e.to() + " is a self-loop", i));
            } else if (!seen.add(((long) e.from() << 32) | (e.to() & 0xffffffffL))) {
                problems.add(new Problem("the edge " + e.from() + " -> " + e.to() + " appears twice", i));
            }
        }
        findCycle().ifPresent(cycle -> {
            int closing = -1;
            for (int i = 0; i < edges.size(); i++) {
                if (edges.get(i).from() == cycle.get(cycle.size() - 2) && edges.get(i).to() == cycle.get(cycle.size() - 1)) closing = i;
            }
            StringBuilder text = new StringBuilder();
            for (int v : cycle) text.append(text.isEmpty() ? "" : " -> ").append(v);
            problems.add(new Problem("the edges form a cycle " + text + ", but the task needs an acyclic graph", closing));
        });
        return problems;
    }

    /** A directed cycle as its vertices, first repeated at the end (3, 5, 7, 3), if there is one; self-loops excluded. */
    public Optional<List<Integer>> findCycle() {
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (Edge e : edges) {
            if (e.from() != e.to()) children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        Map<Integer, Integer> state = new HashMap<>(); // 1 = on the current path, 2 = finished
        List<Integer> path = new ArrayList<>();
        for (int root : vertices) {
            List<Integer> cycle = cycleFrom(root, children, state, path);
            if (cycle != null) return Optional.of(List.copyOf(cycle));
        }
        return Optional.empty();
    }

    private static List<Integer> cycleFrom(int v, Map<Integer, List<Integer>> children, Map<Integer, Integer> state,
                                           List<Integer> path) {
        Integer s = state.get(v);
        if (s != null && s == 2) return null;
        if (s != null) {
            List<Integer> cycle = new ArrayList<>(path.subList(path.indexOf(v), path.size()));
            cycle.add(v);
            return cycle;
        }
        state.put(v, 1);
        path.add(v);
        for (int w : children.getOrDefault(v, List.of())) {
            List<Integer> cycle = cycleFrom(w, children, state, path);
            if (cycle != null) return cycle;
        }
        path.remove(path.size() - 1);
        state.put(v, 2);
        return null;
    }

    /**
     * Why a model built for {@code layout} cannot take this graph, or empty when it can: ids must lie
     * in 1..V, the edges and the query must fit in n tokens, and start and goal must be set.
     */
    public Optional<String> whyNotFor(TokenLayout layout) {
        int v = layout.maxVertex();
        List<Integer> outside = vertices.stream().filter(id -> id < 1 || id > v).sorted().toList();
        if (vertices.size() > v) {
            return Optional.of("the graph has " + vertices.size() + " vertices but the model (n = " + layout.n()
                    + ") takes at most " + v + " (ids 1.." + v + ")");
        }
        if (!outside.isEmpty()) {
            return Optional.of((outside.size() == 1 ? "vertex " + outside.get(0) + " lies" : "vertices " + outside + " lie")
                    + " outside the model's ids 1.." + v
                    + " (n = " + layout.n() + "); renumber the vertices into 1.." + v);
        }
        if (edges.size() > layout.maxEdges()) {
            return Optional.of("the graph has " + edges.size() + " edges but the model (n = " + layout.n()
                    + ") takes at most " + layout.maxEdges());
        }
        if (start == null || goal == null) return Optional.of("choose a start and a goal vertex first");
        if (start.equals(goal)) return Optional.of("start and goal are the same vertex (" + start + ")");
        return Optional.empty();
    }

    /** The first-step input of this graph for a model; call {@link #whyNotFor} first. */
    public SearchInput toInput(TokenLayout layout) {
        whyNotFor(layout).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return SearchInput.firstStep(layout, edges, start, goal);
    }

    /** The smallest positive id no vertex uses. */
    public int freeId() {
        int id = 1;
        while (vertices.contains(id)) id++;
        return id;
    }

    /** This graph with one more, unconnected vertex. */
    public SearchGraph withVertex(int id) {
        List<Integer> more = new ArrayList<>(vertices);
        more.add(id);
        return new SearchGraph(more, edges, start, goal, positions);
    }

    /** This graph with the edge {@code from -> to} added at the end (check {@link #findCycle} on the result). */
    public SearchGraph withEdge(int from, int to) {
        List<Edge> more = new ArrayList<>(edges);
        more.add(new Edge(from, to));
        return new SearchGraph(vertices, more, start, goal, positions);
    }

    /** This graph without the vertex and its edges; a removed start or goal is unset. */
    public SearchGraph withoutVertex(int id) {
        List<Integer> fewer = new ArrayList<>(vertices);
        fewer.remove(Integer.valueOf(id));
        List<Edge> kept = edges.stream().filter(e -> e.from() != id && e.to() != id).toList();
        Map<Integer, Position> moved = new HashMap<>(positions);
        moved.remove(id);
        return new SearchGraph(fewer, kept, Integer.valueOf(id).equals(start) ? null : start,
                Integer.valueOf(id).equals(goal) ? null : goal, moved);
    }

    /** This graph without the edge {@code from -> to}. */
    public SearchGraph withoutEdge(int from, int to) {
        List<Edge> kept = edges.stream().filter(e -> e.from() != from || e.to() != to).toList();
        return new SearchGraph(vertices, kept, start, goal, positions);
    }

    public SearchGraph withStart(Integer vertex) {
        return new SearchGraph(vertices, edges, vertex, goal, positions);
    }

    public SearchGraph withGoal(Integer vertex) {
        return new SearchGraph(vertices, edges, start, vertex, positions);
    }

    /**
     * This graph with vertex {@code from} called {@code to} everywhere: its edges (order kept), start,
     * goal and position.
     *
     * @throws IllegalArgumentException if {@code to} is not positive or another vertex has it
     */
    public SearchGraph withRenamed(int from, int to) {
        if (to < 1) throw new IllegalArgumentException("vertex ids are positive (got " + to + ")");
        if (from != to && vertices.contains(to)) throw new IllegalArgumentException("vertex " + to + " already exists");
        List<Integer> renamed = vertices.stream().map(v -> v == from ? to : v).toList();
        List<Edge> edited = edges.stream().map(e -> new Edge(e.from() == from ? to : e.from(), e.to() == from ? to : e.to())).toList();
        Map<Integer, Position> moved = new HashMap<>(positions);
        Position p = moved.remove(from);
        if (p != null) moved.put(to, p);
        return new SearchGraph(renamed, edited, Integer.valueOf(from).equals(start) ? Integer.valueOf(to) : start,
                Integer.valueOf(from).equals(goal) ? Integer.valueOf(to) : goal, moved);
    }

    public SearchGraph withPositions(Map<Integer, Position> newPositions) {
        return new SearchGraph(vertices, edges, start, goal, newPositions);
    }
}
