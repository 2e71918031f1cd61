package dev.lookahead.interp;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.search.Tokenizer;
import java.util.List;
import java.util.Map;

/**
 * Traces a model on the standard balanced test examples of every lookahead (the paper's test-set rules, the naive
 * set left out) and gathers the trace statistics: the job behind {@code trace-stats}.
 */
public final class TestSetTracing {
    /** Told after each traced example how many of how many are done. */
    @FunctionalInterface
    public interface Progress {
        void traced(int done, int total);
    }

    private TestSetTracing() {
    }

    /** Traces {@code perLookahead} test examples of each lookahead up to the model's default maximum, drawn with {@code seed}. */
    public static TraceStatistics run(SearchModel model, CircuitTracer tracer, int perLookahead, long seed, Progress progress) {
        var layout = model.config().layout();
        Map<String, List<Example>> sets = EvaluationSets.standard(layout, layout.defaultMaxLookahead(), perLookahead, seed);
        int total = sets.entrySet().stream().filter(e -> !e.getKey().equals(EvaluationSets.NAIVE)).mapToInt(e -> e.getValue().size()).sum();
        TraceStatistics stats = new TraceStatistics();
        int done = 0;
        for (Map.Entry<String, List<Example>> bucket : sets.entrySet()) {
            if (bucket.getKey().equals(EvaluationSets.NAIVE)) continue;
            for (Example example : bucket.getValue()) {
                Trace trace = tracer.trace(example.tokens(), () -> false);
                stats.add(example.lookahead(), trace, Tokenizer.decode(layout, example.tokens()), example.tokens());
                progress.traced(++done, total);
            }
        }
        return stats;
    }
}
