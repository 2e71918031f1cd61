package dev.lookahead.search;

import java.util.Arrays;

/**
 * A small directed graph over vertex slots 0..capacity-1 kept in primitive arrays, reused between
 * examples so the generator's hot path allocates nothing per graph. Children and parents keep the
 * order in which edges were added.
 */
final class Adjacency {
    private int[][] children;
    private int[][] parents;
    private int[] childCount;
    private int[] parentCount;
    private int vertexCount;

    Adjacency(int capacity) {
        children = new int[capacity][4];
        parents = new int[capacity][4];
        childCount = new int[capacity];
        parentCount = new int[capacity];
    }

    /** Forgets every edge and makes slots 0..vertexCount-1 available. */
    void reset(int vertexCount) {
        if (vertexCount > childCount.length) {
            int capacity = Math.max(vertexCount, childCount.length * 2);
            children = Arrays.copyOf(children, capacity);
            parents = Arrays.copyOf(parents, capacity);
            for (int v = childCount.length; v < capacity; v++) {
                children[v] = new int[4];
                parents[v] = new int[4];
            }
            childCount = Arrays.copyOf(childCount, capacity);
            parentCount = Arrays.copyOf(parentCount, capacity);
        }
        Arrays.fill(childCount, 0, vertexCount, 0);
        Arrays.fill(parentCount, 0, vertexCount, 0);
        this.vertexCount = vertexCount;
    }

    void addEdge(int from, int to) {
        children[from] = append(children[from], childCount[from]++, to);
        parents[to] = append(parents[to], parentCount[to]++, from);
    }

    private static int[] append(int[] list, int at, int value) {
        if (at == list.length) list = Arrays.copyOf(list, list.length * 2);
        list[at] = value;
        return list;
    }

    int vertexCount() {
        return vertexCount;
    }

    int childCount(int v) {
        return childCount[v];
    }

    int child(int v, int i) {
        return children[v][i];
    }

    int parentCount(int v) {
        return parentCount[v];
    }

    int parent(int v, int i) {
        return parents[v][i];
    }

    int edgeCount() {
        int edges = 0;
        for (int v = 0; v < vertexCount; v++) edges += childCount[v];
        return edges;
    }
}
