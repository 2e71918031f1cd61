package dev.lookahead.cli.prefopt;

import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.ProgressBar;
import dev.lookahead.cli.StopOnInterrupt;
import dev.lookahead.cli.TrainingPrinter;
import dev.lookahead.prefopt.Iterations;
import dev.lookahead.prefopt.Method;
import dev.lookahead.prefopt.PathSampler;
import dev.lookahead.prefopt.PreferenceLoss;
import dev.lookahead.prefopt.PreferenceRun;
import dev.lookahead.prefopt.TrainingData;
import dev.lookahead.stats.Estimate;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "train", description = "Iterated preference optimisation M0 -> M1 -> ...: each iteration samples k paths on new problems"
        + " from the current policy, builds the method's training data, trains against the frozen starting weights, and measures greedy"
        + " whole-path accuracy per lookahead on held-out problems. One folder per iteration under --out; --resume continues.")
public final class PrefoptTrainCommand implements Callable<Integer> {
    @Option(names = "--method", paramLabel = "scpo|irpo|dpo|rft|sft", description = "scpo (no labels), irpo, dpo (irpo's pairs,"
            + " no NLL term), rft (own verified-correct samples) or sft (gold paths); required unless --resume.")
    String method;

    @Mixin
    ModelOptions options;

    @Option(names = "--iterations", defaultValue = "3", description = "Iterations (default ${DEFAULT-VALUE}).")
    int iterations;

    @Option(names = "--problems", defaultValue = "1000", description = "New problems per iteration (default ${DEFAULT-VALUE}).")
    int problems;

    @Option(names = "--k", defaultValue = "8", description = "Paths sampled per problem (default ${DEFAULT-VALUE}).")
    int k;

    @Option(names = "--temperature", defaultValue = "0.7", description = "Sampling temperature (default ${DEFAULT-VALUE}, ScPO's).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.9", description = "Nucleus sampling (default ${DEFAULT-VALUE}, ScPO's).")
    double topP;

    @Option(names = "--tau", defaultValue = "0.5", description = "scpo: keep a problem when its top answer has at least tau * k votes (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--pairs-per-problem", defaultValue = "10", description = "irpo/dpo: at most this many pairs per problem (default ${DEFAULT-VALUE}, IRPO's K).")
    int pairsPerProblem;

    @Option(names = "--beta", description = "DPO temperature (default: the method's paper - scpo 0.5, irpo and dpo 0.1).")
    Double beta;

    @Option(names = "--alpha", description = "Weight of the length-normalised NLL term (default: scpo and irpo 1, dpo 0).")
    Double alpha;

    @Option(names = "--epochs", defaultValue = "2", description = "Passes over each iteration's training lines (default ${DEFAULT-VALUE}).")
    int epochs;

    @Option(names = "--batch", defaultValue = "32", description = "Pairs (or paths) per optimiser step (default ${DEFAULT-VALUE}).")
    int batch;

    @Option(names = "--lr", defaultValue = "1e-4", description = "Peak learning rate (default ${DEFAULT-VALUE}).")
    float lr;

    @Option(names = "--warmup", defaultValue = "10", description = "Warm-up steps (default ${DEFAULT-VALUE}).")
    int warmup;

    @Option(names = "--weight-decay", defaultValue = "0", description = "AdamW weight decay (default ${DEFAULT-VALUE}).")
    float weightDecay;

    @Option(names = "--distribution", defaultValue = "balanced", description = "Graphs of the problems (default ${DEFAULT-VALUE}).")
    String distribution;

    @Option(names = "--eval-per-lookahead", defaultValue = "200", description = "Held-out problems per lookahead (default ${DEFAULT-VALUE}).")
    int evalPerLookahead;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of problems, sampling and batch order (default ${DEFAULT-VALUE}).")
    long seed;

    @OutputFile
    @Option(names = "--out", required = true, description = "The run's folder.")
    Path out;

    @Option(names = "--resume", description = "Continue the run in --out (its prefopt.json decides; --iterations may raise the count).")
    boolean resume;

    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        Iterations run = resume ? Iterations.resume(out, spec.commandLine().getParseResult().hasMatchedOption("--iterations") ? iterations : null)
                : Iterations.start(plan(), out);
        Iterations.Plan plan = run.plan();
        if (resume) noteIgnoredOptions();
        System.err.printf("%s from %s: %d iterations of %d problems x %d samples; held-out %d per lookahead%n", plan.method(), plan.model(),
                plan.iterations(), plan.problems(), plan.sampling().k(), plan.evalPerLookahead());
        ProgressBar bar = new ProgressBar();
        StopOnInterrupt interrupt = new StopOnInterrupt();
        List<Iterations.Result> results;
        try {
            results = run.run(new Printer(bar), interrupt::requested);
        } finally {
            interrupt.close();
        }
        printTable(results);
        if (interrupt.requested()) bar.println("stopped; continue with: prefopt train --out " + out + " --resume");
        return 0;
    }

    /** A resumed run keeps the plan in its prefopt.json; say so when other settings were given. */
    private void noteIgnoredOptions() {
        List<String> ignored = spec.commandLine().getParseResult().matchedOptions().stream().map(o -> o.longestName())
                .filter(name -> !List.of("--out", "--resume", "--iterations").contains(name)).toList();
        if (!ignored.isEmpty()) {
            System.err.println("note: a resumed run keeps the plan in " + out.resolve(Iterations.PLAN) + "; ignoring " + String.join(", ", ignored));
        }
    }

    private Iterations.Plan plan() {
        if (method == null) throw new IllegalArgumentException("choose --method scpo, irpo, dpo, rft or sft (or --resume a run in --out)");
        Method chosen = Method.parse(method);
        PreferenceLoss loss = new PreferenceLoss(chosen, beta == null ? chosen.defaultBeta() : beta, alpha == null ? chosen.defaultAlpha() : alpha);
        PreferenceRun.Settings training = new PreferenceRun.Settings(loss, epochs, batch, lr, warmup, weightDecay, 1f, seed,
                Long.MAX_VALUE / 4);
        return new Iterations.Plan(chosen.id(), options.model, iterations, problems, new PathSampler.Settings(k, temperature, topP),
                new TrainingData.Rules(tau, pairsPerProblem), training, distribution, evalPerLookahead, seed, options.device);
    }

    private static void printTable(List<Iterations.Result> results) {
        if (results.isEmpty()) return;
        System.out.println("greedy whole-path accuracy per lookahead (held out):");
        List<String> lookaheads = List.copyOf(results.get(0).wholePath().keySet());
        StringBuilder head = new StringBuilder("  iteration  lines  ");
        lookaheads.forEach(l -> head.append(String.format("  L%-6s", l)));
        System.out.println(head);
        for (Iterations.Result r : results) {
            StringBuilder line = new StringBuilder(String.format(Locale.ROOT, "  %9d  %5d  ", r.iteration(), r.lines()));
            for (String l : lookaheads) {
                Estimate e = r.wholePath().get(l);
                line.append(String.format(Locale.ROOT, "  %.3f  ", e == null ? Double.NaN : e.value()));
            }
            System.out.println(line);
        }
    }

    /** Progress on standard error: the stage, sampling and training bars, a line per iteration. */
    private static final class Printer extends TrainingPrinter implements Iterations.Report {
        private final ProgressBar bar;

        Printer(ProgressBar bar) {
            super(bar, "");
            this.bar = bar;
        }

        @Override
        public void stage(int iteration, String stage) {
            bar.println("iteration " + iteration + ": " + stage);
        }

        @Override
        public void sampled(int iteration, int done, int total) {
            bar.show(done / (double) total, done + "/" + total + " problems sampled", Double.NaN);
        }

        @Override
        public void finished(Iterations.Result r) {
            StringBuilder line = new StringBuilder("iteration " + r.iteration() + " done: whole-path accuracy");
            r.wholePath().forEach((l, e) -> line.append(String.format(Locale.ROOT, "  L%s %.3f", l, e.value())));
            if (r.iteration() > 0) line.append(String.format(Locale.ROOT, "  (%d lines from %d problems)", r.lines(), r.problemsWithLines()));
            bar.println(line.toString());
        }
    }
}
