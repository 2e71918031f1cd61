package dev.lookahead.cli.prefopt;

import dev.lookahead.cli.AccuracyTable;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.ProgressBar;
import dev.lookahead.cli.StopOnInterrupt;
import dev.lookahead.cli.TrainingPrinter;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.prefopt.Iterations;
import dev.lookahead.prefopt.RewardData;
import dev.lookahead.prefopt.RewardEvaluation;
import dev.lookahead.prefopt.RewardRun;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.LastEvaluation;
import dev.lookahead.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** A reward model of (graph, path), with or without the critique target: train it, and measure it. */
@Command(name = "reward", description = "A reward model of (graph, path): train it on correct-vs-incorrect pairs of sampled paths"
        + " (Bradley-Terry, optionally with the first-wrong-step critique target), and measure it.",
        subcommands = {PrefoptRewardCommand.Train.class, PrefoptRewardCommand.Eval.class})
public final class PrefoptRewardCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** What {@code reward.json} keeps so a run resumes with its own settings. */
    record Plan(String model, String samples, String heldOut, int pairsPerProblem, RewardRun.Settings settings, String device) {
    }

    static void print(RewardEvaluation.Report report) {
        Map<String, Proportion> reward = new LinkedHashMap<>();
        report.reward().forEach((key, e) -> reward.put(key, e.proportion()));
        AccuracyTable.print(System.out, "reward model (" + report.problems() + " held-out problems):", reward, "");
        Map<String, Proportion> baselines = new LinkedHashMap<>();
        report.baselines().forEach((key, e) -> baselines.put(key, e.proportion()));
        AccuracyTable.print(System.out, "without a reward model:", baselines, "");
    }

    @Command(name = "train", description = "Train a reward model, starting from a search model's weights (by default the policy's).")
    static final class Train implements Callable<Integer> {
        @Mixin
        ModelOptions options;

        @InputFile
        @Option(names = "--samples", description = "Training problems with their samples (prefopt sample's output).")
        Path samples;

        @InputFile
        @Option(names = "--held-out", description = "Held-out problems with their samples, for evaluation.")
        Path heldOut;

        @Option(names = "--critique-weight", defaultValue = "0", description = "lambda at the start: the critique's share of the loss"
                + " (0: a plain Bradley-Terry reward model; default ${DEFAULT-VALUE}).")
        double critiqueWeight;

        @Option(names = "--critique-schedule", defaultValue = "linear", description = "linear (falls to 0 at the last step) or constant (default ${DEFAULT-VALUE}).")
        String schedule;

        @Option(names = "--pairs-per-problem", defaultValue = "4", description = "Correct-vs-incorrect pairs per problem, by cycling (default ${DEFAULT-VALUE}).")
        int pairsPerProblem;

        @Option(names = "--epochs", defaultValue = "2", description = "Passes over the pairs (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--batch", defaultValue = "64", description = "Pairs per step (default ${DEFAULT-VALUE}).")
        int batch;

        @Option(names = "--lr", defaultValue = "3e-4", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
        float lr;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the batch order (default ${DEFAULT-VALUE}).")
        long seed;

        @OutputFile
        @Option(names = "--out", required = true, description = "The run's folder (a loadable model when done).")
        Path out;

        @Option(names = "--resume", description = "Continue the run in --out with the settings in its reward.json.")
        boolean resume;

        @Override
        public Integer call() throws Exception {
            Plan plan = resume ? Json.MAPPER.readValue(out.resolve("reward.json").toFile(), Plan.class) : newPlan();
            List<Iterations.SampleLine> training = Iterations.SamplesFile.whole(Path.of(plan.samples()));
            List<Iterations.SampleLine> held = Iterations.SamplesFile.whole(Path.of(plan.heldOut()));
            SearchModel start = SearchModel.openSearch(plan.model(), plan.device());
            List<RewardRun.Pair> pairs = RewardData.pairs(start.config().layout(), training, plan.pairsPerProblem());
            System.err.printf("reward model from %s: %,d pairs from %,d problems, critique weight %.2f (%s)%n", plan.model(), pairs.size(),
                    training.size(), plan.settings().critiqueWeight(), plan.settings().schedule().name().toLowerCase(java.util.Locale.ROOT));
            ProgressBar bar = new ProgressBar();
            StopOnInterrupt interrupt = new StopOnInterrupt();
            try (RewardRun run = RewardRun.open(plan.settings(), out, start, pairs, m -> RewardEvaluation.measure(m, held, plan.pairsPerProblem()))) {
                LastEvaluation seen = new LastEvaluation(new TrainingPrinter(bar, ""));
                Trainer.run(run, Trainer.commonListeners(seen), interrupt::requested);
                if (!run.finished()) {
                    bar.println("stopped at a checkpoint; continue with: prefopt reward train --out " + out + " --resume");
                    return 0;
                }
                // the loop measured the finished model at its last step; a run opened finished is measured here
                RewardEvaluation.Report report = RewardEvaluation.report(out.toString(), held,
                        seen.last().orElseGet(() -> RewardEvaluation.measure(run.model(), held, plan.pairsPerProblem())));
                AtomicFiles.writeString(out.resolve("eval.json"), Json.pretty(report));
                print(report);
            } finally {
                interrupt.close();
            }
            return 0;
        }

        private Plan newPlan() throws java.io.IOException {
            if (samples == null || heldOut == null) throw new IllegalArgumentException("give --samples and --held-out (prefopt sample's output)");
            if (Files.exists(out.resolve("reward.json"))) {
                throw new java.io.IOException(out + " already holds a reward-model run; pass --resume to continue it or choose another --out");
            }
            if (Files.exists(out.resolve(ModelFiles.WEIGHTS))) {
                throw new java.io.IOException(out + " holds a model (" + ModelFiles.WEIGHTS + "); the reward model would overwrite it"
                        + " - choose another --out");
            }
            RewardRun.Settings settings = new RewardRun.Settings(critiqueWeight, RewardRun.CritiqueSchedule.parse(schedule), epochs, batch, lr, 10, 0f, 1f,
                    seed, Long.MAX_VALUE / 4);
            Plan plan = new Plan(options.model, samples.toString(), heldOut.toString(), pairsPerProblem, settings, options.device);
            Files.createDirectories(out);
            AtomicFiles.writeString(out.resolve("reward.json"), Json.pretty(plan));
            return plan;
        }
    }

    @Command(name = "eval", description = "Measure a reward model on sampled problems: pairwise, critique and best-of-k accuracy.")
    static final class Eval implements Callable<Integer> {
        @Mixin
        ModelOptions options;

        @InputFile
        @Option(names = "--samples", required = true, description = "Problems with their samples (prefopt sample's output).")
        Path samples;

        @Option(names = "--pairs-per-problem", defaultValue = "4", description = "Pairs per problem for pairwise accuracy (default ${DEFAULT-VALUE}).")
        int pairsPerProblem;

        @OutputFile
        @Option(names = "--json", description = "Also write the measures here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            Iterations.SamplesFile file = Iterations.SamplesFile.read(samples);
            file.problems().forEach(System.err::println);
            if (file.lines().isEmpty()) throw new dev.lookahead.io.WrongShapeException(samples + " holds no problem that could be read");
            try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
                RewardEvaluation.Report report = RewardEvaluation.report(model, options.model, file.lines(), pairsPerProblem);
                print(report);
                if (json != null) AtomicFiles.writeString(json, Json.pretty(report));
            }
            if (!file.problems().isEmpty()) System.err.printf("%d lines of %s left out (above)%n", file.problems().size(), samples);
            return file.problems().isEmpty() ? 0 : 2;
        }
    }
}
