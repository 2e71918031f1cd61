package dev.lookahead.cli.bench;

import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.TraceOptions;
import dev.lookahead.interp.CircuitTracer;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trace", description = "Time to trace one n = 32 balanced test example of the largest lookahead, and its patched forward passes.")
public final class BenchTraceCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Mixin
    TraceOptions tracing;

    @picocli.CommandLine.Mixin
    BenchJson json;

    @Option(names = "--repeats", defaultValue = "3", description = "Measured repeats (default ${DEFAULT-VALUE}); the median is reported.")
    int repeats;

    @Override
    public Integer call() throws Exception {
        try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
            var layout = model.config().layout();
            int lookahead = layout.defaultMaxLookahead();
            Example example = EvaluationSets.standard(layout, lookahead, 1, EvaluationSets.STANDARD_SEED).get(Integer.toString(lookahead)).get(0);
            CircuitTracer tracer = tracing.tracer(model);
            Trace[] last = new Trace[1];
            double rate = Repeats.medianRate(1, repeats, () -> {
                last[0] = tracer.trace(example.tokens(), () -> false);
                return 1;
            });
            double seconds = 1 / rate;
            System.out.printf("traced one n = %d example of lookahead %d under the %s rules: %.2f s (median of %d), %,d patched forward passes, %s%n",
                    layout.n(), lookahead, tracing.rules, seconds, repeats, last[0].forwardPasses(), last[0].explained() ? "explained" : "not explained");
            System.out.printf("goal: at most 3 s on two idle cores -> %s%n", seconds <= 3 ? "met" : "not met");
            json.write(new Summary("trace", options.model, tracing.rules, seconds, last[0].forwardPasses(), last[0].explained()));
        }
        return 0;
    }

    /** What {@code --json} holds. */
    record Summary(String benchmark, String model, String rules, double seconds, long forwardPasses, boolean explained) {
    }
}
