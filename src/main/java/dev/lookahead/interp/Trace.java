package dev.lookahead.interp;

import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * What circuit tracing found for one input (search-task.md section 5).
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
 */
public record Trace(boolean explained, String reason, long forwardPasses, int predicted,
                    List<Map<Integer, SortedSet<Integer>>> layers, List<Operation> operations, Replacement replacement) {

    public Trace {
        layers = List.copyOf(layers);
        operations = List.copyOf(operations);
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
     * @param sign   +1 when removing it lowers the prediction (a positive copy), -1 when raising it does, 0 otherwise
     * @param weight max(logit drop, score drop / sqrt(d))
     */
    public record Operation(int layer, int source, int destination, Kind kind, int sign, double weight) {
    }

    /** A result for an input that could not be traced. */
    static Trace failed(String reason, long forwardPasses, int predicted) {
        return new Trace(false, reason, forwardPasses, predicted, List.of(), List.of(), null);
    }
}
