package dev.lookahead.search;

import java.util.Arrays;

/**
 * The paper's lookahead of one step (docs/user-guide.md, "The task"): how many levels of a breadth-first
 * search from the current vertex's children are needed before the goal shows up or every vertex still
 * on the frontier lies on the correct branch.
 *
 * <p>The search is kept as levels. Level 0 is the current vertex's children; level d + 1 holds the
 * vertices first reached from level d. Each vertex of a level carries one bit, "reached from the correct
 * branch": true for the correct child itself, and for a later vertex true when any of its parents on
 * the level before carries it. Then the lookahead is the first level d that is all correct (answer d),
 * or that holds the goal (answer d + 1), or the level count when the search runs dry. Reused between
 * calls; not thread-safe.
 */
final class Lookahead {
    /** Per vertex slot: the level it was first reached on, or -1; valid for the current call only. */
    private int[] level = new int[0];
    /** Per vertex slot: reached from the correct branch (meaningful once the slot has a level). */
    private boolean[] correct = new boolean[0];
    private int[] thisLevel = new int[0];
    private int[] nextLevel = new int[0];

    /**
     * @param current the vertex whose next step is asked for
     * @param next    the correct next vertex (its branch is the right one)
     * @param goal    the goal vertex
     */
    int compute(Adjacency graph, int current, int next, int goal) {
        prepare(graph.vertexCount());
        int size = seedWithChildren(graph, current, next);
        int depth = 0;
        for (; size > 0; depth++) {
            if (allCorrect(size)) return depth;
            if (contains(thisLevel, size, goal)) return depth + 1;
            size = expand(graph, size, depth + 1);
        }
        return depth;
    }

    private void prepare(int vertexCount) {
        if (level.length < vertexCount) {
            level = new int[vertexCount];
            correct = new boolean[vertexCount];
            thisLevel = new int[vertexCount];
            nextLevel = new int[vertexCount];
        }
        Arrays.fill(level, 0, vertexCount, -1);
    }

    /** Level 0: the current vertex's distinct children, each its own branch. */
    private int seedWithChildren(Adjacency graph, int current, int next) {
        int size = 0;
        for (int i = 0; i < graph.childCount(current); i++) {
            int child = graph.child(current, i);
            if (level[child] >= 0) continue;
            level[child] = 0;
            correct[child] = child == next;
            thisLevel[size++] = child;
        }
        return size;
    }

    private boolean allCorrect(int size) {
        for (int i = 0; i < size; i++) if (!correct[thisLevel[i]]) return false;
        return true;
    }

    /** Fills the next level from this one and makes it current; returns its size. */
    private int expand(Adjacency graph, int size, int depth) {
        int found = 0;
        for (int i = 0; i < size; i++) {
            int v = thisLevel[i];
            for (int c = 0; c < graph.childCount(v); c++) {
                int w = graph.child(v, c);
                if (level[w] < 0) {
                    level[w] = depth;
                    correct[w] = correct[v];
                    nextLevel[found++] = w;
                } else if (level[w] == depth) {
                    correct[w] |= correct[v];
                }
            }
        }
        int[] swap = thisLevel;
        thisLevel = nextLevel;
        nextLevel = swap;
        return found;
    }

    private static boolean contains(int[] values, int length, int value) {
        for (int i = 0; i < length; i++) if (values[i] == value) return true;
        return false;
    }
}
