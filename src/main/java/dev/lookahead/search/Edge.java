package dev.lookahead.search;

/** A directed edge of a search graph, {@code from -> to}: the one edge type that crosses rooms (the generator keeps arrays inside). */
public record Edge(int from, int to) {
    @Override
    public String toString() {
        return from + "->" + to;
    }
}
