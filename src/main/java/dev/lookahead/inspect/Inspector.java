package dev.lookahead.inspect;

import dev.lookahead.interp.CircuitTracer;
import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.Tensor;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.Tokenizer;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Runs a model on a graph: one forward pass with its activations (the prediction, the attention, the probes'
 * estimate), then, when asked, the circuit trace - with progress and cancel, off any UI thread.
 */
public final class Inspector {
    private final SearchModel model;
    private final ReachabilityProbes probes;
    private final CircuitTracer tracer;

    /**
     * @param probes the model's reachability probes, or null
     * @param tracer how to trace (rules, replacement, threads)
     */
    public Inspector(SearchModel model, ReachabilityProbes probes, CircuitTracer tracer) {
        this.model = model;
        this.probes = probes;
        this.tracer = tracer;
    }

    /**
     * An inspector tracing under the paper's rules with the engine's threads left as they are (the window keeps one, so
     * that it stays smooth; a command that wants every core passes its own tracer).
     */
    public static Inspector of(SearchModel model, ReachabilityProbes probes) {
        return new Inspector(model, probes, new CircuitTracer(model));
    }

    public SearchModel model() {
        return model;
    }

    /** Whether the model has reachability probes, so a first look already holds an estimate of the sets. */
    public boolean hasProbes() {
        return probes != null;
    }

    /**
     * One forward pass of {@code input}: its distribution, attention and the probes' estimate, not traced.
     *
     * @throws IllegalArgumentException when the input is not of the model's n
     */
    public Inspection look(SearchInput input) {
        int[] tokens = Tokenizer.encode(input);
        if (tokens.length != model.config().n()) {
            throw new IllegalArgumentException("the model reads n = " + model.config().n() + "; this input has n = " + tokens.length);
        }
        long began = System.nanoTime();
        float[] probabilities = model.probabilities(new int[][] {tokens})[0];
        Map<String, Tensor> captured = model.capture(tokens);
        double millis = (System.nanoTime() - began) / 1e6;
        float[][][][] attention = SearchModel.attentionPatterns(captured, model.config());
        ReachabilityProbes.Estimate estimate = probes == null ? null : probes.estimate(captured, tokens, model.config().layout());
        return new Inspection(input, tokens, probabilities, attention, GraphFacts.of(input), estimate, null, millis);
    }

    /** Traces the circuit behind a first look (a cancelled trace says so in its reason). */
    public Inspection trace(Inspection look, BooleanSupplier cancelled, DoubleConsumer progress) {
        Trace traced = tracer.trace(look.tokens(), cancelled, progress);
        return look.withTrace(traced);
    }

    /** A first look and its trace in one call. */
    public Inspection inspect(SearchInput input, BooleanSupplier cancelled, DoubleConsumer progress) {
        return trace(look(input), cancelled, progress);
    }
}
