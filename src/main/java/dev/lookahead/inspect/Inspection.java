package dev.lookahead.inspect;

import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One model run on one graph: the model's next-vertex distribution and attention, the probes' estimate of each
 * token's vertex set (when the model has probes), the traced circuit (once traced), and the graph's facts beside
 * them. Built by {@link Inspector}; the Explorer, the commands and the figures read the same record.
 *
 * @param attention each block's attention patterns [block][head][query][key]
 * @param estimate  the probes' estimate, or null
 * @param trace     the circuit trace, or null until traced
 * @param runMillis how long the forward pass took
 */
public record Inspection(SearchInput input, int[] tokens, float[] probabilities, float[][][][] attention, GraphFacts facts,
                         ReachabilityProbes.Estimate estimate, Trace trace, double runMillis) {

    /** The vertex the model predicts: its most probable token. */
    public int predicted() {
        return SearchModel.argMax(probabilities);
    }

    /** Whether the prediction is a useful next step. */
    public boolean correct() {
        return facts.useful(predicted());
    }

    /** Whether a trace with sets is here (false: not traced yet, or the trace has no sets). */
    public boolean traced() {
        return trace != null && !trace.layers().isEmpty();
    }

    /** The same run with its circuit traced. */
    public Inspection withTrace(Trace traced) {
        return new Inspection(input, tokens, probabilities, attention, facts, estimate, traced, runMillis);
    }

    /** Per layer (0 = the embedding), each token position's vertex set: traced when traced, else the probes' estimate, else none. */
    public List<Map<Integer, SortedSet<Integer>>> sets() {
        if (traced()) return trace.layers();
        return estimate == null ? List.of() : estimate.sets();
    }

    /**
     * What the tokens of {@code vertex} hold after {@code layer}, together.
     *
     * @return the vertices held, and whether any of those tokens is a node of the traced circuit (always true for an estimate)
     */
    public Held held(int layer, int vertex) {
        SortedSet<Integer> vertices = new TreeSet<>();
        boolean inCircuit = !traced();
        List<Map<Integer, SortedSet<Integer>>> sets = sets();
        if (layer < sets.size()) {
            for (Map.Entry<Integer, SortedSet<Integer>> node : sets.get(layer).entrySet()) {
                if (tokens[node.getKey()] != vertex) continue;
                inCircuit = true;
                vertices.addAll(node.getValue());
            }
        }
        return new Held(vertices, inCircuit);
    }

    /** What a vertex's tokens hold, and whether the circuit has any of them. */
    public record Held(SortedSet<Integer> vertices, boolean inCircuit) {
    }

    /**
     * The vertex's held set after {@code layer} against the vertices truly reachable within 2^layer hops; no vertex is
     * marked where none of its tokens is a node of the traced circuit (the paper's rules keep only the nodes that explain
     * the prediction).
     */
    public SetComparison compare(int layer, int vertex) {
        Held held = held(layer, vertex);
        if (!held.inCircuit()) return SetComparison.NONE;
        return SetComparison.of(held.vertices(), facts.reachableAfterLayer(vertex, layer));
    }

    /** The ids the probes call reachable from the vertex's tokens after {@code layer} that the graph does not have (none once traced). */
    public SortedSet<Integer> claimedAbsent(int layer, int vertex) {
        SortedSet<Integer> absent = new TreeSet<>();
        if (traced() || estimate == null || layer >= estimate.absent().size()) return absent;
        estimate.absent().get(layer).forEach((position, ids) -> {
            if (tokens[position] == vertex) absent.addAll(ids);
        });
        return absent;
    }
}
