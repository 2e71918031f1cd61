package dev.lookahead.search;

import java.util.BitSet;
import java.util.Map;
import java.util.TreeMap;

/**
 * Histograms over inputs of an in-context task, read from their tokens as {@link InContextTruth} reads them: the
 * backtrack distance (dfs) or frontier and branch sizes and step kinds (si), graph size, edge count, accepted answers.
 */
public final class InContextStatistics {
    private final Task task;
    private final TreeMap<String, Long> buckets = new TreeMap<>();
    private final TreeMap<String, Long> steps = new TreeMap<>();
    private final TreeMap<Integer, Long> vertices = new TreeMap<>();
    private final TreeMap<Integer, Long> edges = new TreeMap<>();
    private final TreeMap<Integer, Long> accepted = new TreeMap<>();
    private long examples;

    public InContextStatistics(Task task) {
        if (!task.inContext()) throw new IllegalArgumentException("InContextStatistics counts dfs or si inputs, not " + task.id());
        this.task = task;
    }

    /** Counts one input; {@code bucket} overrides the bucket read from the tokens (a generated line's own). */
    public void add(TokenLayout layout, int[] tokens, String bucket) {
        int acceptedCount;
        String read;
        if (task == Task.DFS) {
            InContextTruth.Dfs truth = InContextTruth.dfs(layout, tokens);
            acceptedCount = truth.accepted().size();
            read = Integer.toString(truth.backtrack());
        } else {
            InContextTruth.Si truth = InContextTruth.si(layout, tokens);
            acceptedCount = truth.accepted().size();
            read = truth.frontierSize() + "," + (truth.branchSize() == null ? "-" : truth.branchSize());
            steps.merge(truth.step(), 1L, Long::sum);
        }
        examples++;
        buckets.merge(bucket != null ? bucket : read, 1L, Long::sum);
        accepted.merge(acceptedCount, 1L, Long::sum);
        countGraph(layout, tokens);
    }

    private void countGraph(TokenLayout layout, int[] tokens) {
        int i = 0;
        while (i < tokens.length && tokens[i] == layout.padToken()) i++;
        BitSet seen = new BitSet();
        int edgeCount = 0;
        while (i + 2 < tokens.length && tokens[i] == layout.edgeToken()) {
            seen.set(tokens[i + 1]);
            seen.set(tokens[i + 2]);
            edgeCount++;
            i += 3;
        }
        if (i + 2 < tokens.length) {
            seen.set(tokens[i + 1]);
            seen.set(tokens[i + 2]);
        }
        vertices.merge(seen.cardinality(), 1L, Long::sum);
        edges.merge(edgeCount, 1L, Long::sum);
    }

    public long examples() {
        return examples;
    }

    /** Inputs per backtrack (dfs) or "frontier,branch" (si; "-" for the branch of a selection step read from tokens). */
    public Map<String, Long> buckets() {
        return buckets;
    }

    /** si: inputs per step kind; empty for dfs. */
    public Map<String, Long> steps() {
        return steps;
    }

    public Map<Integer, Long> vertices() {
        return vertices;
    }

    public Map<Integer, Long> edges() {
        return edges;
    }

    /** Inputs per number of accepted answers. */
    public Map<Integer, Long> accepted() {
        return accepted;
    }
}
