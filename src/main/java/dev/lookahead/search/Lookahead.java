package dev.lookahead.search;

/**
 * The paper's lookahead: how many levels a breadth-first search from the current vertex's children
 * must expand before the goal is found or only the correct branch is still alive
 * (the paper's definition, as its generator computes it; docs/user-guide.md, "The task"). Reused between calls; not
 * thread-safe.
 */
final class Lookahead {
    private int[] vertices = new int[16];
    private int[] branches = new int[16];
    private int[] nextVertices = new int[16];
    private int[] nextBranches = new int[16];
    private int[] visitedStamp = new int[0];
    private int stamp;

    /**
     * @param current the vertex whose next step is asked for
     * @param next    the correct next vertex (the branch that counts as right)
     * @param goal    the goal vertex
     */
    int compute(Adjacency graph, int current, int next, int goal) {
        int vertexCount = graph.vertexCount();
        int capacity = graph.childCount(current) + vertexCount;
        if (vertices.length < capacity) {
            vertices = new int[capacity];
            branches = new int[capacity];
            nextVertices = new int[capacity];
            nextBranches = new int[capacity];
        }
        if (visitedStamp.length < vertexCount) visitedStamp = new int[vertexCount];
        if (++stamp == Integer.MAX_VALUE) {
            java.util.Arrays.fill(visitedStamp, 0);
            stamp = 1;
        }

        int size = 0;
        for (int i = 0; i < graph.childCount(current); i++) {
            int child = graph.child(current, i);
            vertices[size] = child;
            branches[size++] = child;
            visitedStamp[child] = stamp;
        }
        int depth = 0;
        while (size != 0) {
            boolean onlyCorrectBranch = true;
            for (int i = 0; i < size; i++) {
                if (branches[i] != next) {
                    onlyCorrectBranch = false;
                    break;
                }
            }
            if (onlyCorrectBranch) return depth;

            depth++;
            int nextSize = 0;
            for (int i = 0; i < size; i++) {
                int v = vertices[i];
                int branch = branches[i];
                if (v == goal) return depth;
                for (int c = 0; c < graph.childCount(v); c++) {
                    int w = graph.child(v, c);
                    if (visitedStamp[w] != stamp) {
                        visitedStamp[w] = stamp;
                        nextVertices[nextSize] = w;
                        nextBranches[nextSize++] = branch;
                    } else if (branch == next) {
                        // a vertex reached at this level by several branches belongs to the correct one
                        for (int k = 0; k < nextSize; k++) {
                            if (nextVertices[k] == w) nextBranches[k] = branch;
                        }
                    }
                }
            }
            int[] swap = vertices;
            vertices = nextVertices;
            nextVertices = swap;
            swap = branches;
            branches = nextBranches;
            nextBranches = swap;
            size = nextSize;
        }
        return depth;
    }
}
