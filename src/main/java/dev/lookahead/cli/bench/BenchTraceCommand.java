package dev.lookahead.cli.bench;

import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.TraceOptions;
import dev.lookahead.interp.TraceTimings;
import dev.lookahead.model.SearchModel;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

@Command(name = "trace", description = "Time to trace each example of a fixed set: the first 20 standard test examples of every lookahead and of the naive set; the median and the longest trace, per bucket and in all.")
public final class BenchTraceCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Mixin
    TraceOptions tracing;

    @Mixin
    BenchJson json;

    @Override
    public Integer call() throws Exception {
        try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
            TraceTimings.Report report = TraceTimings.run(model, tracing.tracer(model), (done, total) -> System.err.printf("\rtraced %d of %d", done, total));
            System.err.println();
            System.out.printf("%-8s %8s %12s %12s %16s %10s%n", "bucket", "examples", "median (s)", "longest (s)", "passes (median)", "explained");
            for (TraceTimings.Bucket b : report.buckets()) {
                System.out.printf("%-8s %8d %12.2f %12.2f %,16d %10d%n", b.bucket(), b.examples(), b.medianSeconds(), b.maxSeconds(), b.medianForwardPasses(), b.explained());
            }
            System.out.printf("all %d traces under the %s rules: median %.2f s, longest %.2f s%n", report.examples(), tracing.rules, report.medianSeconds(), report.maxSeconds());
            System.out.printf("goal: median at most 1 s and longest at most 3 s on two idle cores -> %s%n",
                    report.medianSeconds() <= 1 && report.maxSeconds() <= 3 ? "met" : "not met");
            json.write(new Summary("trace", options.model, tracing.rules, report));
        }
        return 0;
    }

    /** What {@code --json} holds. */
    record Summary(String benchmark, String model, String rules, TraceTimings.Report report) {
    }
}
