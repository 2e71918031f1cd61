package dev.lookahead.interp;

import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.function.ToDoubleFunction;

/**
 * The paper's tracing figures as data: the share of examples explained per lookahead, path merges
 * per example (operations that join two tokens' sets: token matching and position steps), the share
 * of maximal merges (the source's set reaches as far as the destination's: the doubling), per layer
 * the counts of merges by how far the source's and the destination's sets reach, and the mean set
 * size per layer beside 2^l and beside the true 2^l-hop sets.
 */
public final class TraceStatistics {
    private final Map<Integer, Proportion> explained = new TreeMap<>();
    /** The same, per lookahead, among the examples the model answered right and those it answered wrong. */
    private final Map<Integer, Map<Boolean, Proportion>> explainedByPrediction = new TreeMap<>();
    /** Explained share by the replacement token the trace used (the paper's free id, or id 0 where it had none). */
    private final Map<Trace.Replacement, Proportion> explainedByReplacement = new java.util.EnumMap<>(Trace.Replacement.class);
    /** Per layer: each traced example's scores of its sets (examples with no vertex token at that layer left out). */
    private final List<List<SetScores>> scoresByLayer = new ArrayList<>();
    private long traces;
    private long merges;
    private long maximalMerges;
    private long forwardPasses;
    /** Per block: merges counted by [source reach][destination reach], reach in hops (0..MAX_REACH). */
    private final Map<Integer, long[][]> mergeReach = new TreeMap<>();
    /** Reaches beyond this many hops are counted in the last row or column. */
    public static final int MAX_REACH = 16;
    /** Under the paper's rules: path-merge operations and suboptimal roots over all traced examples. */
    private long pathMergeOperations;
    private long suboptimalRoots;
    private long paperTraces;
    /** Per block: path merges counted by [receiving vertex's distance from the start][attended vertex's], both 0..MAX_REACH. */
    private final Map<Integer, long[][]> mergeDistances = new TreeMap<>();

    /** Adds one traced example of the given lookahead. */
    public void add(int lookahead, Trace trace, SearchInput input, int[] tokens) {
        traces++;
        forwardPasses += trace.forwardPasses();
        explained.merge(lookahead, new Proportion(0, 0).plus(trace.explained()), Proportion::add);
        boolean correct = java.util.Arrays.stream(new GroundTruth(input.edges()).usefulNext(input.current(), input.goal()))
                .anyMatch(v -> v == trace.predicted());
        explainedByPrediction.computeIfAbsent(lookahead, l -> new TreeMap<>()).merge(correct,
                new Proportion(0, 0).plus(trace.explained()), Proportion::add);
        if (trace.replacement() != null) {
            explainedByReplacement.merge(trace.replacement(), new Proportion(0, 0).plus(trace.explained()), Proportion::add);
        }
        if (trace.rules() == Trace.Rules.PAPER && trace.replacement() != null) {
            paperTraces++;
            pathMergeOperations += trace.pathMergeOperations();
            suboptimalRoots += trace.suboptimalPathMergeRoots();
            for (Trace.MergeDistance m : trace.mergeDistances()) {
                if (m.sourceDistance() < 0 || m.destinationDistance() < 0) continue;
                mergeDistances.computeIfAbsent(m.layer(), l -> new long[MAX_REACH + 1][MAX_REACH + 1])
                        [Math.min(m.destinationDistance(), MAX_REACH)][Math.min(m.sourceDistance(), MAX_REACH)]++;
            }
        }
        if (trace.layers().isEmpty()) return;
        GroundTruth truth = new GroundTruth(input.edges());
        for (Trace.Operation op : trace.operations()) {
            if (op.kind() == Trace.Kind.OTHER || op.kind() == Trace.Kind.SPECIAL_COPY) continue;
            merges++;
            Map<Integer, SortedSet<Integer>> before = trace.layers().get(op.layer());
            int reachSource = reach(truth, tokens, op.source(), before.get(op.source()));
            int reachDestination = reach(truth, tokens, op.destination(), before.get(op.destination()));
            if (reachSource >= 0 && reachSource == reachDestination) maximalMerges++;
            if (reachSource >= 0 && reachDestination >= 0) {
                mergeReach.computeIfAbsent(op.layer(), l -> new long[MAX_REACH + 1][MAX_REACH + 1])
                        [Math.min(reachSource, MAX_REACH)][Math.min(reachDestination, MAX_REACH)]++;
            }
        }
        List<SetScores> scores = SetScores.of(trace, input, tokens);
        while (scoresByLayer.size() < scores.size()) scoresByLayer.add(new ArrayList<>());
        for (SetScores s : scores) if (s.nodes() > 0) scoresByLayer.get(s.layer()).add(s);
    }

    /** How far a token's set reaches: the longest distance from its vertex to a vertex of the set, or -1. */
    private static int reach(GroundTruth truth, int[] tokens, int position, SortedSet<Integer> set) {
        if (set == null || set.isEmpty()) return -1;
        int vertex = tokens[position];
        int furthest = -1;
        for (int v : set) {
            int d = truth.distance(vertex, v);
            if (d > furthest) furthest = d;
        }
        return furthest;
    }

    public Map<Integer, Proportion> explainedByLookahead() {
        return explained;
    }

    /** Per lookahead, the share explained among examples predicted right ({@code true}) and wrong ({@code false}). */
    public Map<Integer, Map<Boolean, Proportion>> explainedByPrediction() {
        return java.util.Collections.unmodifiableMap(explainedByPrediction);
    }

    /** The share explained among traces that used each replacement token, reported apart as the two kinds differ. */
    public Map<Trace.Replacement, Proportion> explainedByReplacement() {
        return java.util.Collections.unmodifiableMap(explainedByReplacement);
    }

    /** Whether any example was traced under the paper's rules (the path-merge figures below are theirs). */
    public boolean paperRules() {
        return paperTraces > 0;
    }

    /** The paper's average path-merge operations per traced example (its script's average_merge_ops_per_example). */
    public double pathMergeOperationsPerExample() {
        return paperTraces == 0 ? Double.NaN : (double) pathMergeOperations / paperTraces;
    }

    /** Suboptimal roots over path-merge operations (the script's suboptimal_merge_op_proportion). */
    public double suboptimalPathMergeShare() {
        return pathMergeOperations == 0 ? Double.NaN : (double) suboptimalRoots / pathMergeOperations;
    }

    /**
     * Per block, path merges between tokens whose vertices the start reaches, counted by
     * [receiving token's vertex distance from the start][attended token's] - the paper's heatmap, whose
     * rows it labels "source vertex" and columns "target vertex".
     */
    public Map<Integer, long[][]> mergeDistances() {
        return java.util.Collections.unmodifiableMap(mergeDistances);
    }

    /** Attention operations that join two tokens' sets (token matching and position steps) per example. */
    public double mergesPerExample() {
        return traces == 0 ? Double.NaN : (double) merges / traces;
    }

    public double maximalMergeShare() {
        return merges == 0 ? Double.NaN : (double) maximalMerges / merges;
    }

    /**
     * Per block, the merges counted by how far the source's set reaches (rows) against how far the
     * destination's reaches (columns), in hops from each token's own vertex; the diagonal is the
     * maximal merges, which double the reach.
     */
    public Map<Integer, long[][]> mergeReach() {
        return mergeReach;
    }

    public double forwardPassesPerExample() {
        return traces == 0 ? Double.NaN : (double) forwardPasses / traces;
    }

    /**
     * Per layer (0 = the embedding), the scores of the traced sets averaged over the examples: each
     * field the mean of the examples' own means; {@code nodes} counts every scored token.
     */
    public List<SetScores> setScores() {
        List<SetScores> means = new ArrayList<>();
        for (int l = 0; l < scoresByLayer.size(); l++) {
            List<SetScores> all = scoresByLayer.get(l);
            means.add(new SetScores(l, all.stream().mapToInt(SetScores::nodes).sum(), mean(all, SetScores::meanSize),
                    mean(all, SetScores::meanTrueSize), mean(all, SetScores::precision), mean(all, SetScores::recall),
                    mean(all, SetScores::soundShare), mean(all, SetScores::pathPrecision)));
        }
        return means;
    }

    private static double mean(List<SetScores> scores, ToDoubleFunction<SetScores> field) {
        return scores.stream().mapToDouble(field).average().orElse(Double.NaN);
    }
}
