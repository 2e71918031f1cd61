package dev.lookahead.search;

import java.util.SplittableRandom;

/**
 * The in-context generators' graph while it is built: vertex slots 0..k-1, every edge from a lower slot to a higher
 * one, children and parents kept in the order they were added (the order decides which edge a random pick removes).
 */
final class Dag {
    final IntList[] children;
    final IntList[] parents;

    Dag(int vertices) {
        children = new IntList[vertices];
        parents = new IntList[vertices];
        for (int v = 0; v < vertices; v++) {
            children[v] = new IntList(4);
            parents[v] = new IntList(4);
        }
    }

    int size() {
        return children.length;
    }

    void addEdge(int parent, int child) {
        children[parent].add(child);
        parents[child].add(parent);
    }

    /** Removes one edge parent -> child; whether it was there. */
    boolean removeEdge(int parent, int child) {
        if (!children[parent].removeValue(child)) return false;
        parents[child].removeValue(parent);
        return true;
    }

    /** Moves the edge into {@code child} from its parent in slot {@code slot} to {@code parent}, keeping the slot. */
    int moveParent(int child, int slot, int parent) {
        int old = parents[child].get(slot);
        children[old].removeValue(child);
        children[parent].add(child);
        parents[child].set(slot, parent);
        return old;
    }

    int edgeCount() {
        int count = 0;
        for (IntList list : children) count += list.size();
        return count;
    }

    /**
     * Gives each vertex slot 1..k-1 parents drawn without replacement, each earlier slot weighted by 1 + its out-degree
     * so far (the paper's generators' preferential attachment), the number of parents uniform in 1..maxParents.
     *
     * @param closed a slot that takes no more children once it has {@code closedAt} of them, or -1
     */
    static Dag preferential(int vertices, int maxParents, int closed, int closedAt, SplittableRandom random) {
        Dag dag = new Dag(vertices);
        double[] weight = new double[vertices];
        for (int v = 1; v < vertices; v++) {
            int wanted = Math.min(1 + random.nextInt(maxParents), v);
            double total = 0;
            for (int u = 0; u < v; u++) {
                weight[u] = 1 + dag.children[u].size();
                total += weight[u];
            }
            if (closed >= 0 && closed < v && dag.children[closed].size() == closedAt) {
                total -= weight[closed];
                weight[closed] = 0;
            }
            for (int j = 0; j < wanted && total > 1e-6; j++) {
                int u = draw(weight, v, total, random);
                dag.addEdge(u, v);
                total -= weight[u];
                weight[u] = 0;
            }
        }
        return dag;
    }

    private static int draw(double[] weight, int length, double total, SplittableRandom random) {
        double target = random.nextDouble() * total;
        double sum = 0;
        int last = -1;
        for (int u = 0; u < length; u++) {
            if (weight[u] <= 0) continue;
            last = u;
            sum += weight[u];
            if (target < sum) return u;
        }
        return last;
    }

    /** Random distinct ids in 1..maxId for the k slots, so ids carry nothing of the graph's shape. */
    static int[] randomIds(int vertices, int maxId, SplittableRandom random) {
        int[] pool = new int[maxId];
        for (int i = 0; i < maxId; i++) pool[i] = i + 1;
        int[] ids = new int[vertices];
        for (int v = 0; v < vertices; v++) {
            int j = v + random.nextInt(maxId - v);
            int t = pool[v];
            pool[v] = pool[j];
            pool[j] = t;
            ids[v] = pool[v];
        }
        return ids;
    }

    /** Every edge as (parent, child) slot pairs encoded by {@link #edge}, in slot order. */
    IntList edges() {
        IntList all = new IntList(16);
        for (int u = 0; u < size(); u++) for (int i = 0; i < children[u].size(); i++) all.add(edge(u, children[u].get(i)));
        return all;
    }

    /**
     * Writes this graph's edges in random order and {@code Q s g P} into {@code tokens} from 0, vertices named by
     * {@code ids}; returns the length written.
     */
    int writeQuery(TokenLayout layout, int[] tokens, int[] ids, int start, int goal, SplittableRandom random) {
        IntList all = edges();
        all.shuffle(random);
        int length = 0;
        for (int i = 0; i < all.size(); i++) {
            tokens[length++] = layout.edgeToken();
            tokens[length++] = ids[parentOf(all.get(i))];
            tokens[length++] = ids[childOf(all.get(i))];
        }
        tokens[length++] = layout.queryToken();
        tokens[length++] = ids[start];
        tokens[length++] = ids[goal];
        tokens[length++] = layout.pathToken();
        return length;
    }

    /** The first {@code length} tokens moved to the end of an n-token row, PAD in front. */
    static int[] rightAligned(TokenLayout layout, int[] tokens, int length) {
        int[] row = new int[layout.n()];
        java.util.Arrays.fill(row, 0, layout.n() - length, layout.padToken());
        System.arraycopy(tokens, 0, row, layout.n() - length, length);
        return row;
    }

    static int edge(int parent, int child) {
        return parent << 16 | child;
    }

    static int parentOf(int edge) {
        return edge >>> 16;
    }

    static int childOf(int edge) {
        return edge & 0xFFFF;
    }
}
