package dev.lookahead.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.List;
import java.util.SortedSet;
import java.util.TreeSet;
import org.jgrapht.Graph;
import org.jgrapht.alg.shortestpath.BFSShortestPath;
import org.jgrapht.graph.DefaultEdge;
import org.jgrapht.graph.EdgeReversedGraph;
import org.jgrapht.graph.SimpleDirectedGraph;
import org.jgrapht.traverse.BreadthFirstIterator;

/**
 * What is true of a search graph, computed through JGraphT: reachability, useful next steps and
 * shortest paths. Independent of the generator's own primitive-array code, so each checks the other.
 */
public final class GroundTruth {
    private final Graph<Integer, DefaultEdge> graph;

    public GroundTruth(List<Edge> edges) {
        graph = new SimpleDirectedGraph<>(DefaultEdge.class);
        for (Edge edge : edges) {
            graph.addVertex(edge.from());
            graph.addVertex(edge.to());
            graph.addEdge(edge.from(), edge.to());
        }
    }

    public Graph<Integer, DefaultEdge> graph() {
        return graph;
    }

    /** Children of a vertex, in edge order. */
    public List<Integer> children(int v) {
        if (!graph.containsVertex(v)) return List.of();
        List<Integer> children = new ArrayList<>();
        for (DefaultEdge e : graph.outgoingEdgesOf(v)) children.add(graph.getEdgeTarget(e));
        return children;
    }

    /** Every vertex reachable from {@code from} by one or more edges, plus {@code from} itself. */
    public SortedSet<Integer> reachable(int from) {
        SortedSet<Integer> reached = new TreeSet<>();
        reached.add(from);
        if (graph.containsVertex(from)) new BreadthFirstIterator<>(graph, from).forEachRemaining(reached::add);
        return reached;
    }

    /**
     * Every vertex on a directed path through {@code v}: those it reaches and those that reach it,
     * {@code v} itself included.
     */
    public SortedSet<Integer> onPathsThrough(int v) {
        SortedSet<Integer> connected = reachable(v);
        if (graph.containsVertex(v)) new BreadthFirstIterator<>(new EdgeReversedGraph<>(graph), v).forEachRemaining(connected::add);
        return connected;
    }

    /** Vertices reachable from {@code from} by at most {@code hops} edges, {@code from} included. */
    public SortedSet<Integer> reachableWithin(int from, int hops) {
        SortedSet<Integer> reached = new TreeSet<>();
        reached.add(from);
        Deque<int[]> queue = new ArrayDeque<>();
        queue.add(new int[] {from, 0});
        while (!queue.isEmpty()) {
            int[] entry = queue.poll();
            if (entry[1] == hops) continue;
            for (int child : children(entry[0])) {
                if (reached.add(child)) queue.add(new int[] {child, entry[1] + 1});
            }
        }
        return reached;
    }

    public boolean hasPath(int from, int to) {
        return reachable(from).contains(to);
    }

    /** Sorted children of {@code current} from which {@code goal} is reachable. */
    public int[] usefulNext(int current, int goal) {
        return children(current).stream().filter(c -> hasPath(c, goal)).sorted().distinct()
                .mapToInt(Integer::intValue).toArray();
    }

    /** Length in edges of a shortest path, or -1 when there is none. */
    public int distance(int from, int to) {
        if (from == to) return 0;
        if (!graph.containsVertex(from) || !graph.containsVertex(to)) return -1;
        var path = BFSShortestPath.findPathBetween(graph, from, to);
        return path == null ? -1 : path.getLength();
    }

    /** Every shortest path from {@code from} to {@code to}, each as a vertex list; empty if none. */
    public List<List<Integer>> shortestPaths(int from, int to) {
        int length = distance(from, to);
        if (length < 0) return List.of();
        List<List<Integer>> paths = new ArrayList<>();
        List<Integer> prefix = new ArrayList<>(List.of(from));
        extend(prefix, to, length, paths);
        return paths;
    }

    private void extend(List<Integer> prefix, int to, int remaining, List<List<Integer>> paths) {
        int last = prefix.get(prefix.size() - 1);
        if (remaining == 0) {
            if (last == to) paths.add(List.copyOf(prefix));
            return;
        }
        for (int child : children(last)) {
            if (distance(child, to) == remaining - 1) {
                prefix.add(child);
                extend(prefix, to, remaining - 1, paths);
                prefix.remove(prefix.size() - 1);
            }
        }
    }

    /** Distinct vertices that follow {@code from} on some shortest path to {@code to}, sorted. */
    public List<Integer> shortestPathSteps(int from, int to) {
        List<Integer> steps = new ArrayList<>(new TreeSet<>(
                shortestPaths(from, to).stream().map(p -> p.get(1)).toList()));
        return Collections.unmodifiableList(steps);
    }
}
