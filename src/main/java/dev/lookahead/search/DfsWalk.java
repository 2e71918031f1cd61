package dev.lookahead.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The depth-first search the DFS task writes out (docs/user-guide.md, "Search in context"): from the start, each
 * vertex's unvisited children in random order, stopping as soon as the goal is visited or is a child of the vertex just
 * visited. The links it walks are marked on the graph.
 */
final class DfsWalk {
    private final DfsLinks graph;
    private final int goal;
    private final SplittableRandom random;
    private final List<Integer> order = new ArrayList<>();

    private DfsWalk(DfsLinks graph, int goal, SplittableRandom random) {
        graph.forgetWalk();
        this.graph = graph;
        this.goal = goal;
        this.random = random;
    }

    /** The visit order of a search from {@code start}, or null when it never meets the goal. */
    static List<Integer> plain(DfsLinks graph, int start, int goal, SplittableRandom random) {
        DfsWalk walk = new DfsWalk(graph, goal, random);
        return walk.visit(start) ? walk.order : null;
    }

    /**
     * The visit order of a search that leaves the start into the detour (slots from {@code detourRoot} on) before any
     * other child, so that it must finish the detour and come back to the start; null when it never meets the goal.
     */
    static List<Integer> throughDetour(DfsLinks graph, int start, int goal, int detourRoot, SplittableRandom random) {
        DfsWalk walk = new DfsWalk(graph, goal, random);
        walk.order.add(start);
        List<DfsLinks.Link> detour = new ArrayList<>();
        List<DfsLinks.Link> rest = new ArrayList<>();
        for (DfsLinks.Link link : graph.outOf(start)) (link.to >= detourRoot ? detour : rest).add(link);
        List<DfsLinks.Link> firstToLast = shuffled(detour, random);
        firstToLast.addAll(shuffled(rest, random));
        return walk.follow(firstToLast) ? walk.order : null;
    }

    private boolean visit(int v) {
        order.add(v);
        if (v == goal) return true;
        for (DfsLinks.Link link : graph.outOf(v)) {
            if (link.to == goal) {
                link.walked = true;
                order.add(goal);
                return true;
            }
        }
        return follow(shuffled(graph.outOf(v), random));
    }

    private boolean follow(List<DfsLinks.Link> links) {
        for (DfsLinks.Link link : links) {
            if (order.contains(link.to)) continue;
            link.walked = true;
            if (visit(link.to)) return true;
        }
        return false;
    }

    private static List<DfsLinks.Link> shuffled(List<DfsLinks.Link> links, SplittableRandom random) {
        List<DfsLinks.Link> copy = new ArrayList<>(links);
        for (int i = copy.size() - 1; i > 0; i--) java.util.Collections.swap(copy, i, random.nextInt(i + 1));
        return copy;
    }
}
