package dev.lookahead.search;

import java.util.Arrays;
import java.util.SplittableRandom;

/** What the in-context generators share when they write an input: vertex ids and right alignment. */
final class InContextRows {
    private InContextRows() {
    }

    /** Distinct uniformly random ids in 1..maxId for the slots, so that ids carry nothing of the graph's shape. */
    static int[] randomIds(int vertices, int maxId, SplittableRandom random) {
        int[] pool = new int[maxId];
        Arrays.setAll(pool, i -> i + 1);
        for (int v = 0; v < vertices; v++) {
            int pick = random.nextInt(v, pool.length);
            int id = pool[pick];
            pool[pick] = pool[v];
            pool[v] = id;
        }
        return Arrays.copyOf(pool, vertices);
    }

    /**
     * Writes the links ({@code from[i] -> to[i]} over vertex slots) in a uniformly shuffled order as {@code E u v}, then
     * {@code Q s g P}, into {@code tokens} from 0, vertices named by {@code ids}; returns the length written.
     */
    static int writeQuery(TokenLayout layout, int[] tokens, int[] from, int[] to, int[] ids, int start, int goal, SplittableRandom random) {
        int[] order = new int[from.length];
        Arrays.setAll(order, i -> i);
        for (int i = order.length - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int t = order[i];
            order[i] = order[j];
            order[j] = t;
        }
        int length = 0;
        for (int i : order) {
            tokens[length++] = layout.edgeToken();
            tokens[length++] = ids[from[i]];
            tokens[length++] = ids[to[i]];
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
        Arrays.fill(row, 0, layout.n() - length, layout.padToken());
        System.arraycopy(tokens, 0, row, layout.n() - length, length);
        return row;
    }
}
