package dev.lookahead.cli.bench;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "infer", description = "Latency of one captured forward pass and throughput of batched prediction at the default model's shape.")
public final class BenchInferCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    BenchJson json;

    @Option(names = "--repeats", defaultValue = "7", description = "Measured repeats (default ${DEFAULT-VALUE}); the median is reported.")
    int repeats;

    @Override
    public Integer call() throws Exception {
        ModelConfig config = ModelConfig.defaults(32);
        List<Example> examples = ExampleSets.generate(GenerationSpec.training(config.layout(), Distribution.BALANCED, 4), 1024, 1);
        int[][] rows = examples.stream().map(Example::tokens).toArray(int[][]::new);
        try (SearchModel model = SearchModel.create(config, Device.cpu(), 1)) {
            int singles = 200;
            double captureRate = Repeats.medianRate(2, repeats, () -> {
                for (int i = 0; i < singles; i++) model.capture(rows[i]);
                return singles;
            });
            double forwardRate = Repeats.medianRate(2, repeats, () -> {
                for (int i = 0; i < singles; i++) model.probabilities(new int[][] {rows[i]});
                return singles;
            });
            double batchedRate = Repeats.medianRate(1, repeats, () -> {
                model.probabilities(rows);
                return rows.length;
            });
            System.out.printf("captured forward (59 activations copied out): %.3f ms%n", 1000 / captureRate);
            System.out.printf("single forward (probabilities only):          %.3f ms%n", 1000 / forwardRate);
            System.out.printf("batched prediction (batches of 512):          %,.0f examples/s%n", batchedRate);
            System.out.printf("goal: a captured forward in at most 2 ms -> %s%n", 1000 / captureRate <= 2 ? "met" : "not met");
            json.write(new Summary("infer", System.getProperty("ai.djl.pytorch.num_threads"), 1000 / captureRate, 1000 / forwardRate,
                    Math.round(batchedRate)));
        }
        return 0;
    }

    /** What {@code --json} holds. */
    record Summary(String benchmark, String threads, double capturedForwardMs, double singleForwardMs, long batchedExamplesPerSecond) {
    }
}
