package dev.lookahead.interp;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * What circuit tracing found for one input (the paper's section 5; docs/tracing.md).
 *
 * @param explained     the traced circuit accounts for the output: the vertices the last token holds
 *                      contain a path from the start to the goal
 * @param reason        why the input could not be traced or is not explained, or null
 * @param forwardPasses patched forward passes actually run
 * @param predicted     the model's next vertex
 * @param layers        L + 1 entries: entry 0 the embedding, entry l the state after block l; each maps a
 *                      position that is a node of the traced graph at that layer to the vertices it holds
 * @param operations    the important attention operations of the traced graph
 * @param replacement   the token that stood in for each token value when operations were explained, or
 *                      null when the input was not traced
 * @param rules         the selection rules the trace followed
 * @param pathMergeOperations      under the paper's rules, the example's path-merge operations counted as
 *                                 the paper's script counts them (nodes, not edges); -1 under other rules
 * @param suboptimalPathMergeRoots under the paper's rules, the suboptimal ones with no suboptimal
 *                                 predecessor; -1 under other rules
 * @param mergeDistances           under the paper's rules, each token-matching or position-step operation
 *                                 between kept nodes, by the distances of its two vertices from the start
 */
public record Trace(boolean explained, String reason, long forwardPasses, int predicted,
                    List<Map<Integer, SortedSet<Integer>>> layers, List<Operation> operations, Replacement replacement,
                    Rules rules, int pathMergeOperations, int suboptimalPathMergeRoots, List<MergeDistance> mergeDistances) {

    public Trace {
        layers = List.copyOf(layers);
        operations = List.copyOf(operations);
        mergeDistances = List.copyOf(mergeDistances);
    }

    /** A trace under the lenient rules, which count no path merges. */
    public Trace(boolean explained, String reason, long forwardPasses, int predicted,
                 List<Map<Integer, SortedSet<Integer>>> layers, List<Operation> operations, Replacement replacement) {
        this(explained, reason, forwardPasses, predicted, layers, operations, replacement, Rules.LENIENT, -1, -1, List.of());
    }

    /**
     * Which selection rules a trace follows. {@link #PAPER}: each decision as the paper's tracer makes
     * it (the paper's section 5; docs/tracing.md). {@link #LENIENT}: the workbench's first tracer,
     * kept to compare - it keeps an operation flagged by either patching in either direction, explains
     * by the size of a change rather than its direction, and calls the last token explained when its
     * vertices hold a path from the start to the goal.
     */
    public enum Rules {
        PAPER,
        LENIENT;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }

        public static Rules parse(String text) {
            for (Rules r : values()) if (r.id().equals(text.trim())) return r;
            throw new IllegalArgumentException("unknown rules '" + text + "'; choose paper or lenient");
        }
    }

    /**
     * One path-merge operation for the paper's heatmap: in block {@code layer}, a token whose vertex is
     * {@code sourceDistance} hops from the start copied into one {@code destinationDistance} hops from
     * it (-1: not reachable from the start).
     */
    public record MergeDistance(int layer, int sourceDistance, int destinationDistance) {
    }

    /**
     * Which token replaces a token value when step 6 asks what a score depends on. The paper's tracer
     * takes the first id in 1..V+4 the input does not contain - a free vertex id, or the padding token
     * of an unpadded input that uses every vertex ({@link #FREE_ID}); it skips an input that contains
     * all of them. The workbench traces such an input with the reserved id 0 instead ({@link #ID_0}), and
     * says so.
     */
    public enum Replacement {
        FREE_ID,
        ID_0;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }

        public static Replacement parse(String text) {
            for (Replacement r : values()) if (r.id().equals(text.trim())) return r;
            throw new IllegalArgumentException("unknown replacement '" + text + "'; choose free-id or id-0");
        }
    }

    /** How an operation's attention score is explained by the input. */
    public enum Kind {
        /** Both ends depend on the same vertex token: the destination looks for its own vertex. */
        TOKEN_MATCH,
        /** The source depends on position q and the destination on q + 1. */
        POSITION_FORWARD,
        /** The source depends on position q and the destination on q - 1. */
        POSITION_BACKWARD,
        /** Into the last token from the start or goal of the query. */
        SPECIAL_COPY,
        /** No input perturbation explains it. */
        OTHER;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT);
        }
    }

    /**
     * An attention operation of block {@code layer}: the token at {@code destination} reads the
     * token at {@code source}.
     *
     * @param sign      +1 when removing it lowers the prediction (a positive copy), -1 when raising it does, 0 when both
     * @param weight    max(logit drop, score drop / sqrt(d)), in the operation's own direction
     * @param causes    under the paper's rules, every cause found: {@code token:T}, {@code step:D<-S} (destination
     *                  position D, source position S), {@code start-goal-copy}, {@code goal-copy}; the lenient
     *                  rules give the kind alone
     * @param direction under the paper's rules, the copy direction read from the graph: "f", "b", "*" or null
     */
    public record Operation(int layer, int source, int destination, Kind kind, int sign, double weight, List<String> causes,
                            String direction) {
        public Operation {
            causes = List.copyOf(causes);
        }

        /** An operation of the lenient rules: one kind, no copy direction. */
        public Operation(int layer, int source, int destination, Kind kind, int sign, double weight) {
            this(layer, source, destination, kind, sign, weight, List.of(kind.id()), null);
        }
    }

    /** A result for an input that could not be traced. */
    static Trace failed(String reason, long forwardPasses, int predicted, Rules rules) {
        return new Trace(false, reason, forwardPasses, predicted, List.of(), List.of(), null, rules, rules == Rules.PAPER ? 0 : -1,
                rules == Rules.PAPER ? 0 : -1, List.of());
    }
}
