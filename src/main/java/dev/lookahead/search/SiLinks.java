package dev.lookahead.search;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The graph of one selection-inference draw while it is built: links between vertex slots 0..k-1, each vertex with
 * its outgoing and incoming links in the order they came (the order decides which ancestor a walk up meets first and
 * which path a search down finds first). A link is {@code trimmable} while it is one that preferential attachment drew
 * and no later step has walked, moved or kept it (docs/user-guide.md, "Search in context").
 */
final class SiLinks {
    /** One directed link. */
    static final class Link {
        final int from;
        final int to;
        boolean trimmable;

        Link(int from, int to, boolean trimmable) {
            this.from = from;
            this.to = to;
            this.trimmable = trimmable;
        }
    }

    private final List<List<Link>> out = new ArrayList<>();
    private final List<List<Link>> in = new ArrayList<>();
    private int drawn;
    private int added;

    SiLinks(int vertices) {
        for (int v = 0; v < vertices; v++) {
            out.add(new ArrayList<>());
            in.add(new ArrayList<>());
        }
    }

    /**
     * Preferential attachment as the paper's generators draw it: slot v = 1..k-1 links from min(v, 1 + U{0..maxParents-1})
     * distinct earlier slots, each weighted by one plus the links it already starts - except that {@code closed} starts
     * no more links once it has {@code closedAt}.
     */
    static SiLinks attach(int vertices, int maxParents, int closed, int closedAt, SplittableRandom random) {
        SiLinks graph = new SiLinks(vertices);
        WeightedChoice choice = new WeightedChoice(random, vertices);
        for (int v = 1; v < vertices; v++) {
            int parents = Math.min(1 + random.nextInt(maxParents), v);
            choice.reset(v);
            for (int u = 0; u < v; u++) {
                boolean shut = u == closed && graph.out.get(u).size() == closedAt;
                if (!shut) choice.weigh(u, 1 + graph.out.get(u).size());
            }
            for (int i = 0; i < parents && choice.hasAny(); i++) graph.link(choice.take(), v, true);
        }
        graph.drawn = graph.count();
        return graph;
    }

    int vertices() {
        return out.size();
    }

    /** Adds a link at the end of both lists. */
    Link link(int from, int to, boolean trimmable) {
        Link link = new Link(from, to, trimmable);
        out.get(from).add(link);
        in.get(to).add(link);
        return link;
    }

    /** A link the draw had to add: counted, for the trimming that takes as many back. */
    void addLink(int from, int to) {
        link(from, to, false);
        added++;
    }

    /** The links every step added beyond the drawn ones. */
    int addedLinks() {
        return added;
    }

    /** The links the draw counts: those attachment drew plus those it had to add. */
    int countedLinks() {
        return drawn + added;
    }

    List<Link> out(int v) {
        return out.get(v);
    }

    List<Link> in(int v) {
        return in.get(v);
    }

    Link find(int from, int to) {
        for (Link link : out.get(from)) if (link.to == to) return link;
        return null;
    }

    /** Replaces {@code to}'s incoming link at {@code slot} by one from {@code from}, in the same place; returns the old one. */
    Link replaceParent(int to, int slot, int from) {
        Link old = in.get(to).get(slot);
        out.get(old.from).remove(old);
        Link fresh = new Link(from, to, false);
        out.get(from).add(fresh);
        in.get(to).set(slot, fresh);
        return old;
    }

    void remove(Link link) {
        out.get(link.from).remove(link);
        in.get(link.to).remove(link);
    }

    int count() {
        int total = 0;
        for (List<Link> links : out) total += links.size();
        return total;
    }

    /** Every link, vertex by vertex in slot order, each vertex's in the order they came. */
    List<Link> all() {
        List<Link> links = new ArrayList<>();
        for (List<Link> l : out) links.addAll(l);
        return links;
    }
}
