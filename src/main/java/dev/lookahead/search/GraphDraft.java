package dev.lookahead.search;

/**
 * A graph being drawn: edges between vertex slots 0..k-1, and which slots are the start and the goal.
 * Slots become vertex ids only when the example is written ({@link ExampleGenerator}). Reused between
 * draws.
 */
final class GraphDraft {
    final Adjacency graph;
    int start;
    int goal;

    GraphDraft(int capacity) {
        graph = new Adjacency(capacity);
    }

    /** Forgets the previous graph and opens {@code slots} empty vertex slots. */
    void open(int slots) {
        graph.reset(slots);
    }

    int slots() {
        return graph.vertexCount();
    }

    void edge(int from, int to) {
        graph.addEdge(from, to);
    }

    /**
     * Lays a directed chain of {@code length} edges from {@code from} through fresh slots starting at
     * {@code firstFresh}; returns the chain's last slot.
     */
    int chainFrom(int from, int length, int firstFresh) {
        int end = from;
        for (int i = 0; i < length; i++) {
            edge(end, firstFresh + i);
            end = firstFresh + i;
        }
        return end;
    }
}
