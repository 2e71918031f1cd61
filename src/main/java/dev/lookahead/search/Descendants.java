package dev.lookahead.search;

import java.util.Arrays;

/** The vertices reachable from one vertex of a draft (not the vertex itself, the graph being acyclic). Reused. */
final class Descendants {
    private boolean[] reached;
    private int[] stack;

    Descendants(int capacity) {
        reached = new boolean[capacity];
        stack = new int[capacity];
    }

    void mark(Adjacency graph, int from) {
        int vertexCount = graph.vertexCount();
        if (reached.length < vertexCount) {
            reached = new boolean[vertexCount];
            stack = new int[vertexCount];
        }
        Arrays.fill(reached, 0, vertexCount, false);
        int top = 0;
        stack[top++] = from;
        while (top > 0) {
            int u = stack[--top];
            for (int i = 0; i < graph.childCount(u); i++) {
                int w = graph.child(u, i);
                if (!reached[w]) {
                    reached[w] = true;
                    stack[top++] = w;
                }
            }
        }
    }

    boolean contains(int vertex) {
        return reached[vertex];
    }
}
