package dev.lookahead.cli.model;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Linear reachability probes on each layer's residual stream. */
@Command(name = "probe", description = "Linear probes reading, from each layer's residual stream, which vertices a token's vertex reaches.",
        subcommands = {ProbeCommand.Train.class, ProbeCommand.Eval.class})
public final class ProbeCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The standard balanced test examples, every lookahead. */
    static List<Example> testExamples(SearchModel model, int perLookahead) {
        var layout = model.config().layout();
        Map<String, List<Example>> sets = EvaluationSets.standard(layout, layout.defaultMaxLookahead(), perLookahead, EvaluationSets.STANDARD_SEED);
        List<Example> all = new ArrayList<>();
        sets.forEach((bucket, examples) -> {
            if (!bucket.equals(EvaluationSets.NAIVE)) all.addAll(examples);
        });
        return all;
    }

    static void report(List<ReachabilityProbes.Score> scores, Path json, String model) throws java.io.IOException {
        System.out.println("layer  precision  recall     F1  F1 of 'always reachable'  accuracy  majority accuracy");
        List<LayerScore> layers = new java.util.ArrayList<>();
        for (ReachabilityProbes.Score s : scores) {
            System.out.printf("%5d  %9.3f  %6.3f  %5.3f  %24.3f  %8.3f  %17.3f%n", s.layer(), s.precision(), s.recall(), s.f1(),
                    s.alwaysReachableF1(), s.accuracy(), s.majorityAccuracy());
            layers.add(new LayerScore(s.layer(), s.precision(), s.recall(), s.f1(), s.accuracy(), s.alwaysReachableF1(), s.majorityAccuracy()));
        }
        if (json != null) AtomicFiles.writeString(json, Json.pretty(new ProbeReport(model, layers)));
    }

    /** What {@code --json} holds: each layer's probe scored on the test examples. */
    record ProbeReport(String model, List<LayerScore> layers) {
    }

    /** One layer's probe: its scores beside the two baselines. */
    record LayerScore(int layer, double precision, double recall, double f1, double accuracy, double alwaysReachableF1,
                      double majorityBaselineAccuracy) {
    }

    @Command(name = "train", description = "Train one probe per layer on generated balanced examples, then score it on the standard test examples.")
    static final class Train implements Callable<Integer> {
        @Mixin
        ModelOptions options;

        @OutputFile
        @Option(names = "--out", required = true, description = "Folder for probes.json.")
        Path out;

        @Option(names = "--examples", defaultValue = "400", description = "Training examples (default ${DEFAULT-VALUE}).")
        int examples;

        @Option(names = "--epochs", defaultValue = "4", description = "Passes over the training states (default ${DEFAULT-VALUE}).")
        int epochs;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the training examples (default ${DEFAULT-VALUE}).")
        long seed;

        @OutputFile
        @Option(names = "--json", description = "Also write the scores here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
                var layout = model.config().layout();
                // seeds far from the test sets' seed 1 stream; the standard test inputs are reserved anyway
                List<Example> training = ExampleSets.generate(GenerationSpec.training(layout, Distribution.BALANCED, layout.defaultMaxLookahead())
                        .withReserved(EvaluationSets.reservedRows(layout, layout.defaultMaxLookahead())), examples, seed + 1000);
                System.err.printf("training probes on %d examples…%n", training.size());
                ReachabilityProbes probes = ReachabilityProbes.train(model, training, epochs, seed, () -> false);
                probes.save(out);
                System.err.println("saved " + out.resolve(ReachabilityProbes.FILE) + "; scores on the standard test examples:");
                report(probes.evaluate(model, testExamples(model, 25)), json, options.model);
            }
            return 0;
        }
    }

    @Command(name = "eval", description = "Score saved probes on the standard balanced test examples.")
    static final class Eval implements Callable<Integer> {
        @Mixin
        ModelOptions options;

        @InputFile
        @Option(names = "--probe", required = true, description = "Folder holding probes.json.")
        Path probe;

        @Option(names = "--per-lookahead", defaultValue = "25", description = "Test examples per lookahead (default ${DEFAULT-VALUE}).")
        int perLookahead;

        @OutputFile
        @Option(names = "--json", description = "Also write the scores here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
                ReachabilityProbes probes = ReachabilityProbes.load(probe);
                if (probes.layers() != model.config().layers() + 1) {
                    throw new IllegalArgumentException("the probes in " + probe + " read " + (probes.layers() - 1) + " layers; the model has " + model.config().layers());
                }
                report(probes.evaluate(model, testExamples(model, perLookahead)), json, options.model);
            }
            return 0;
        }
    }
}
