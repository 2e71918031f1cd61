package dev.lookahead.cli.model;

import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.ProgressBar;
import dev.lookahead.cli.StopOnInterrupt;
import dev.lookahead.cli.TrainingPrinter;
import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.search.DfsGenerator;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.GenerationMode;
import dev.lookahead.search.Task;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.train.CurriculumRule;
import dev.lookahead.train.Trainer;
import dev.lookahead.train.TrainingConfig;
import dev.lookahead.train.TrainingRun;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Train a search transformer on freshly generated examples; Ctrl-C stops at a checkpoint, --resume continues.")
public final class TrainCommand implements Callable<Integer> {
    @Option(names = "--n", defaultValue = "32", description = "Sequence length (default ${DEFAULT-VALUE}).")
    int n;

    @Option(names = "--layers", defaultValue = "6", description = "Transformer blocks (default ${DEFAULT-VALUE}).")
    int layers;

    @Option(names = "--hidden", defaultValue = "16", description = "Hidden zero coordinates in the embedding (default ${DEFAULT-VALUE}).")
    int hidden;

    @Option(names = "--heads", defaultValue = "1", description = "Attention heads (default ${DEFAULT-VALUE}).")
    int heads;

    @Option(names = "--learned-embedding", description = "Learn the token embedding instead of keeping it one-hot.")
    boolean learnedEmbedding;

    @Option(names = "--causal", description = "Causal attention mask (the paper's runs are bidirectional).")
    boolean causal;

    @Option(names = "--distribution", description = "balanced, naive, star, or mix (all three); repeatable (default balanced).")
    List<String> distributions = new ArrayList<>();

    @Option(names = "--max-lookahead", description = "Largest lookahead trained on (default ((n-5)/3 - 1)/2, i.e. 4 at n=32).")
    Integer maxLookahead;

    @Option(names = "--curriculum", arity = "0..1", fallbackValue = "lenient", paramLabel = "RULE",
            description = "Start on lookaheads up to 1 and add one when the last batch of each 2^18 examples is learned: "
                    + "'paper' (the reference's --curriculum y: > 0.99 after the update, in eval mode) or 'lenient' "
                    + "(> 0.98 in the training pass; what a bare --curriculum means). Default: none.")
    String curriculum = "none";

    @Option(names = "--init", defaultValue = "pytorch", paramLabel = "pytorch|djl",
            description = "How the new model's projections start: 'pytorch' (the reference's: uniform +-1/sqrt(fan_in) "
                    + "for every Linear weight and bias) or 'djl' (DJL's defaults, which the shipped models used). Default: ${DEFAULT-VALUE}.")
    String init;

    @Option(names = "--examples", defaultValue = "10000000", description = "Training examples in all (default ${DEFAULT-VALUE}); with --resume, a new total.")
    long examples;

    @Option(names = "--batch", defaultValue = "256", description = "Examples per step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "5e-4", description = "Peak learning rate of AdamW (default ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--warmup", defaultValue = "500", description = "Warm-up steps (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--weight-decay", defaultValue = "0.01", description = "AdamW weight decay (default ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--clip", defaultValue = "1.0", description = "Global gradient-norm clip (default ${DEFAULT-VALUE}).")
    float clip;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the initial weights and the data (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--eval-every", defaultValue = "200000", description = "Held-out evaluation every this many examples (default ${DEFAULT-VALUE}).")
    long evalEvery;

    @Option(names = "--eval-per-lookahead", defaultValue = "200", description = "Held-out examples per lookahead and on naive graphs (default ${DEFAULT-VALUE}).")
    int evalPerLookahead;

    @OutputFile
    @Option(names = "--out", required = true, description = "The run's folder: checkpoints, weights, learning curve.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out from its last checkpoint.")
    boolean resume;

    @Option(names = "--task", defaultValue = "search", paramLabel = "search|dfs|si",
            description = "search (default); dfs: the next vertex of a depth-first search written out in the input, backtrack uniform in"
                    + " 0..--max-lookahead (default T-1, T = (n-4)/4; the curriculum climbs from 1); si: selection-inference steps,"
                    + " every allowed frontier and branch size. Held-out sets: the task's test buckets.")
    String task;

    @Option(names = "--mode", defaultValue = "first-step", paramLabel = "first-step|all-prefixes",
            description = "search: train on first steps only (default), or on every prefix of every shortest path that fits in n tokens,"
                    + " so the model can write a whole path one vertex at a time.")
    String mode;

    @Override
    public Integer call() throws Exception {
        if (resume) warnAboutIgnoredOptions();
        TrainingRun run = resume ? TrainingRun.resume(out, examplesGiven() ? examples : null) : TrainingRun.start(config(), out);
        TrainingConfig config = run.config();
        System.err.printf("training %s at n=%d (%d layers, d=%d, %,d parameters) on %s, %,d examples, device %s%n",
                resume ? "resumed from step " + run.stepsDone() : "a new model", config.model().n(), config.model().layers(),
                config.model().width(), config.model().parameterCount(),
                config.task().inContext() ? "the " + config.task().id() + " task" : config.distributions(), config.examples(),
                run.model().device());

        StopOnInterrupt interrupt = new StopOnInterrupt();
        ProgressBar bar = new ProgressBar();
        try (run) {
            Trainer.run(run, new TrainingPrinter(bar, ""), interrupt::requested);
        } finally {
            interrupt.close();
        }
        if (interrupt.requested()) {
            bar.println("stopped at a checkpoint; continue with: train --out " + out + " --resume");
        } else {
            bar.println("done; the model is in " + out + " (use --model " + out + ")");
        }
        return 0;
    }

    /** A resumed run keeps the settings in its training.json; say so when other settings were given. */
    private void warnAboutIgnoredOptions() {
        List<String> ignored = spec.commandLine().getParseResult().matchedOptions().stream()
                .map(option -> option.longestName())
                .filter(name -> !List.of("--out", "--resume", "--examples").contains(name))
                .toList();
        if (!ignored.isEmpty()) {
            System.err.println("note: a resumed run keeps the settings in " + out.resolve(TrainingRun.SETTINGS)
                    + "; ignoring " + String.join(", ", ignored));
        }
    }

    private boolean examplesGiven() {
        return spec.commandLine().getParseResult().hasMatchedOption("--examples");
    }

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    private TrainingConfig config() {
        ModelConfig model = new ModelConfig(n, layers, hidden, heads, learnedEmbedding, causal);
        TokenLayout layout = model.layout();
        List<Distribution> chosen = new ArrayList<>();
        for (String d : distributions.isEmpty() ? List.of("balanced") : distributions) chosen.addAll(Distribution.parseMix(d));
        Task chosenTask = Task.parse(task);
        if (chosenTask.inContext() && !distributions.isEmpty()) {
            throw new IllegalArgumentException("--distribution belongs to the search task; the " + chosenTask.id() + " task has its own generator");
        }
        int largest = maxLookahead != null ? maxLookahead
                : chosenTask == Task.DFS ? DfsGenerator.traceSlots(layout) - 1 : layout.defaultMaxLookahead();
        return new TrainingConfig(model, Initialization.parse(init), chosen, largest, CurriculumRule.parse(curriculum), examples,
                batch, lr, warmup, weightDecay, clip, seed, device, evalEvery, evalPerLookahead, chosenTask, GenerationMode.parse(mode));
    }
}
