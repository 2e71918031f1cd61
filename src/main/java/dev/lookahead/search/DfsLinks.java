package dev.lookahead.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The graph of one depth-first-search draw while it is built: links between vertex slots 0..k-1, always from a lower
 * slot to a higher one. Each link remembers how it came to be (drawn by preferential attachment, or laid to make a
 * detour reachable) and whether the search walked it, because only attached links the search never walked may be
 * trimmed away (docs/user-guide.md, "Search in context").
 */
final class DfsLinks {
    /** One directed link; {@code attached} when preferential attachment drew it. */
    static final class Link {
        final int from;
        final int to;
        final boolean attached;
        boolean walked;

        Link(int from, int to, boolean attached) {
            this.from = from;
            this.to = to;
            this.attached = attached;
        }
    }

    private final int vertices;
    private final List<Link> links = new ArrayList<>();

    private DfsLinks(int vertices) {
        this.vertices = vertices;
    }

    /**
     * Preferential attachment: slot v = 1..k-1 links from min(v, 1 + U{0..maxParents-1}) distinct earlier slots, each
     * earlier slot weighted by one plus the links it already starts.
     */
    static DfsLinks attach(int vertices, int maxParents, SplittableRandom random) {
        DfsLinks graph = new DfsLinks(vertices);
        int[] outDegree = new int[vertices];
        WeightedChoice choice = new WeightedChoice(random, vertices);
        for (int v = 1; v < vertices; v++) {
            choice.reset(v);
            for (int u = 0; u < v; u++) choice.weigh(u, 1 + outDegree[u]);
            int parents = Math.min(v, 1 + random.nextInt(maxParents));
            for (int i = 0; i < parents; i++) {
                int u = choice.take();
                graph.links.add(new Link(u, v, true));
                outDegree[u]++;
            }
        }
        return graph;
    }

    int vertices() {
        return vertices;
    }

    List<Link> links() {
        return links;
    }

    int size() {
        return links.size();
    }

    void layDetourLink(int from, int to) {
        links.add(new Link(from, to, false));
    }

    int detourLinks() {
        int count = 0;
        for (Link link : links) if (!link.attached) count++;
        return count;
    }

    List<Link> outOf(int v) {
        List<Link> out = new ArrayList<>();
        for (Link link : links) if (link.from == v) out.add(link);
        return out;
    }

    List<Integer> parentsOf(int v) {
        List<Integer> parents = new ArrayList<>();
        for (Link link : links) if (link.to == v) parents.add(link.from);
        return parents;
    }

    boolean linked(int from, int to) {
        for (Link link : links) if (link.from == from && link.to == to) return true;
        return false;
    }

    /** Clears every walked mark, before a new search. */
    void forgetWalk() {
        for (Link link : links) link.walked = false;
    }

    /** Removes {@code count} (or as many as there are) attached links the search did not walk, chosen uniformly. */
    void trimUnwalked(int count, SplittableRandom random) {
        List<Link> candidates = new ArrayList<>();
        for (Link link : links) if (link.attached && !link.walked) candidates.add(link);
        for (int i = 0; i < count && !candidates.isEmpty(); i++) {
            links.remove(candidates.remove(random.nextInt(candidates.size())));
        }
    }
}
