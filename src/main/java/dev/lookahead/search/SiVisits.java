package dev.lookahead.search;

import java.util.ArrayList;
import java.util.List;

/**
 * The visited edges a selection-inference input lists, in their order. A vertex is visited once it is either end of a
 * visited edge.
 */
final class SiVisits {
    /** One visited edge. */
    record Visit(int from, int to) {
    }

    private final List<Visit> visits = new ArrayList<>();

    int size() {
        return visits.size();
    }

    Visit get(int i) {
        return visits.get(i);
    }

    void add(int from, int to) {
        visits.add(new Visit(from, to));
    }

    void insert(int index, Visit visit) {
        visits.add(index, visit);
    }

    Visit removeLast() {
        return visits.remove(visits.size() - 1);
    }

    void replace(int index, Visit visit) {
        visits.set(index, visit);
    }

    boolean visited(int v) {
        for (Visit visit : visits) if (visit.from() == v || visit.to() == v) return true;
        return false;
    }

    /** The index of the first visit that enters {@code v}, or -1. */
    int firstInto(int v) {
        for (int i = 0; i < visits.size(); i++) if (visits.get(i).to() == v) return i;
        return -1;
    }

    /**
     * The index of the first visit in which {@code v} appears, counted as a place to insert after: the visit itself
     * when v leaves by it, the one after when v enters by it, -1 when v appears in none.
     */
    int firstPlaceAfter(int v) {
        for (int i = 0; i < visits.size(); i++) {
            if (visits.get(i).from() == v) return i;
            if (visits.get(i).to() == v) return i + 1;
        }
        return -1;
    }

    List<Visit> list() {
        return List.copyOf(visits);
    }

    /** The children of {@code v} not yet visited. */
    List<Integer> unvisitedChildren(SiLinks graph, int v) {
        List<Integer> children = new ArrayList<>();
        for (SiLinks.Link link : graph.out(v)) if (!visited(link.to)) children.add(link.to);
        return children;
    }
}
