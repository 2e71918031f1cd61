/**
 * Inspection: one model run on one graph, as the Explorer, the {@code predict}, {@code trace} and {@code export}
 * commands and the figures all see it - the prediction, the attention, the probes' estimate and the traced circuit
 * beside the graph's own facts (useful next steps, lookahead, truly reachable sets), and a held set compared with
 * the truth.
 * May import {@code search}, {@code model} and {@code interp} (RoomsTest keeps it so); never JavaFX.
 */
package dev.lookahead.inspect;
