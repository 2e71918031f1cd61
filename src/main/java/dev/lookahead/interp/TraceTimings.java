package dev.lookahead.interp;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.stats.Medians;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * How long tracing takes on a fixed set: the first {@link #PER_BUCKET} standard test examples of every
 * balanced lookahead bucket and of the naive set (the paper's test-set rules, seed 1), each traced once
 * after one warm-up trace - what {@code bench trace} reports (docs/benchmarks.md).
 */
public final class TraceTimings {
    /** Examples per bucket in the fixed set. */
    public static final int PER_BUCKET = 20;

    /** One bucket's times: the median and the longest, the median patched passes, and how many were explained. */
    public record Bucket(String bucket, int examples, double medianSeconds, double maxSeconds, long medianForwardPasses, int explained) {
    }

    /** Every bucket, then the whole set's median and longest trace. */
    public record Report(List<Bucket> buckets, int examples, double medianSeconds, double maxSeconds) {
    }

    private TraceTimings() {
    }

    /** Traces the fixed set with {@code tracer}, telling {@code progress} after each example. */
    public static Report run(SearchModel model, CircuitTracer tracer, TestSetTracing.Progress progress) {
        var layout = model.config().layout();
        Map<String, List<Example>> sets = EvaluationSets.standard(layout, layout.defaultMaxLookahead(), PER_BUCKET, EvaluationSets.STANDARD_SEED);
        int total = sets.values().stream().mapToInt(List::size).sum();
        tracer.trace(sets.values().iterator().next().get(0).tokens(), () -> false); // warm-up: the engine's first calls are slow
        List<Bucket> buckets = new ArrayList<>();
        List<Double> all = new ArrayList<>();
        int done = 0;
        for (Map.Entry<String, List<Example>> set : sets.entrySet()) {
            double[] seconds = new double[set.getValue().size()];
            double[] passes = new double[seconds.length];
            int explained = 0;
            for (int i = 0; i < seconds.length; i++) {
                long start = System.nanoTime();
                Trace trace = tracer.trace(set.getValue().get(i).tokens(), () -> false);
                seconds[i] = (System.nanoTime() - start) / 1e9;
                passes[i] = trace.forwardPasses();
                if (trace.explained()) explained++;
                all.add(seconds[i]);
                progress.traced(++done, total);
            }
            buckets.add(new Bucket(set.getKey(), seconds.length, Medians.of(seconds), max(seconds), Math.round(Medians.of(passes)), explained));
        }
        double[] everything = all.stream().mapToDouble(Double::doubleValue).toArray();
        return new Report(buckets, everything.length, Medians.of(everything), max(everything));
    }

    private static double max(double[] values) {
        return Arrays.stream(values).max().orElse(Double.NaN);
    }
}
