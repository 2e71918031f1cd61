package dev.lookahead.figures;

import java.util.Locale;

/**
 * Which search view a figure is: its kind, and the layer and head it shows where that matters. Its
 * {@link #fileName()} is the name {@code export} writes it under ({@code graph-layer2}, {@code attention-layer0-head1}).
 *
 * @param layer the layer (graph: the state after block {@code layer}; attention and tokens: block {@code layer + 1},
 *              which reads it), or -1 for a view of no layer
 * @param head  the attention head, 0 otherwise
 */
public record ViewKey(Kind kind, int layer, int head) {

    /** The kinds of search view. */
    public enum Kind {
        GRAPH, ATTENTION, TOKENS, MODEL_VIEW, PREDICTION, SET_SIZES,
        /** The traced circuit: nodes per layer and the attention operations between them (CircuitFigure). */
        CIRCUIT,
        /** Activation patching from a counterfactual, made on demand in the window (PatchingFigure). */
        PATCHING,
        /** A dfs or si model's search written out in context, one step at a time (RolloutFigure). */
        ROLLOUT;

        /** The kind's name in file names and the window: "graph", "model-view", "set-sizes". */
        public String id() {
            return name().toLowerCase(Locale.ROOT).replace('_', '-');
        }

        /** Whether a view of this kind shows one layer. */
        public boolean layered() {
            return this == GRAPH || this == ATTENTION || this == TOKENS;
        }
    }

    public static ViewKey of(Kind kind) {
        return new ViewKey(kind, -1, 0);
    }

    public static ViewKey at(Kind kind, int layer) {
        return new ViewKey(kind, layer, 0);
    }

    /** The file name (without extension) {@code export} writes the view under. */
    public String fileName() {
        if (!kind.layered()) return kind.id();
        return kind.id() + "-layer" + layer + (head == 0 ? "" : "-head" + head);
    }
}
