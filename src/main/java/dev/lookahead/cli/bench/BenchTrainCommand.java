package dev.lookahead.cli.bench;

import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.search.Distribution;
import dev.lookahead.train.CurriculumRule;
import dev.lookahead.train.TrainingConfig;
import dev.lookahead.train.TrainingRun;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Training examples per second of the default n=32 model (forward, backward, clipping, AdamW).")
public final class BenchTrainCommand implements Callable<Integer> {
    /** The goal of the model issue: 40% of the 4,700 examples/s ceiling measured for these 2 cores. */
    private static final double GOAL = 1900;

    @picocli.CommandLine.Mixin
    BenchJson json;

    @Option(names = "--repeats", defaultValue = "5", description = "Measured repeats (default ${DEFAULT-VALUE}); the median is reported.")
    int repeats;

    @Option(names = "--steps", defaultValue = "20", description = "Optimiser steps per repeat (default ${DEFAULT-VALUE}).")
    int steps;

    @Override
    public Integer call() throws Exception {
        ModelConfig model = ModelConfig.defaults(32);
        int batch = 256;
        TrainingConfig config = new TrainingConfig(model, Initialization.PYTORCH, List.of(Distribution.BALANCED), 4, CurriculumRule.NONE,
                1_000_000_000L, batch,
                5e-4f, 500, 0.01f, 1f, 1, "cpu", Long.MAX_VALUE, 1);
        Path folder = Files.createTempDirectory("lookahead-bench-train");
        try (TrainingRun run = TrainingRun.start(config, folder)) {
            double rate = Repeats.medianRate(1, repeats, () -> {
                try {
                    for (int i = 0; i < steps; i++) run.trainStep();
                } catch (InterruptedException e) {
                    throw new IllegalStateException(e);
                }
                return (long) steps * batch;
            });
            double ceiling = 4700;
            System.out.printf("training, n=32, 6 layers, d=%d, batch %d, %d data-parallel replica(s): %,.0f examples/s%n",
                    model.width(), batch, run.replicas(), rate);
            System.out.printf("goal %,.0f examples/s (ratio %.2f); ceiling of these 2 cores about %,.0f (ratio %.2f)%n",
                    GOAL, rate / GOAL, ceiling, rate / ceiling);
            json.write(new Summary("train", run.replicas(), batch, Math.round(rate), GOAL, rate / GOAL));
        } finally {
            try (var files = Files.walk(folder)) {
                files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
            }
        }
        return 0;
    }

    /** What {@code --json} holds. */
    record Summary(String benchmark, int replicas, int batch, long examplesPerSecond, double goalExamplesPerSecond, double ratioToGoal) {
    }
}
