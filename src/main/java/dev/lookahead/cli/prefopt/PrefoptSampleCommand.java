package dev.lookahead.cli.prefopt;

import dev.lookahead.cli.AccuracyTable;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.ProgressBar;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.prefopt.Iterations;
import dev.lookahead.prefopt.PathSample;
import dev.lookahead.prefopt.PathSampler;
import dev.lookahead.prefopt.Problems;
import dev.lookahead.prefopt.VoteShare;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "sample", description = "Draw fresh problems (graphs whose whole shortest path fits in n tokens; no labels used) and sample"
        + " k whole paths per problem from a model, each with its log-probability, its answer and the verifier's verdict.")
public final class PrefoptSampleCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = "--problems", defaultValue = "100", description = "Problems to draw (default ${DEFAULT-VALUE}).")
    int problems;

    @Option(names = "--k", defaultValue = "8", description = "Paths sampled per problem (default ${DEFAULT-VALUE}, ScPO's k for GSM8K).")
    int k;

    @Option(names = "--temperature", defaultValue = "0.7", description = "Sampling temperature (default ${DEFAULT-VALUE}, ScPO's).")
    double temperature;

    @Option(names = "--top-p", defaultValue = "0.9", description = "Nucleus: sample from the top tokens holding this probability (default ${DEFAULT-VALUE}).")
    double topP;

    @Option(names = "--distribution", defaultValue = "balanced", description = "Graphs of the problems: balanced, naive or star (default ${DEFAULT-VALUE}).")
    String distribution;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the problems and the sampling (default ${DEFAULT-VALUE}).")
    long seed;

    @Mixin
    LinesOut output;

    @OutputFile
    @Option(names = "--json", description = "Also write a summary here: per lookahead, the share of samples that reach the goal and the share of"
            + " problems whose most voted answer does (Wilson 95% intervals); and the most voted answer's accuracy by its vote share.")
    Path json;

    /** What --json holds. */
    record Summary(String model, int problems, int k, double temperature, double topP, Map<String, Estimate> samplesCorrect,
                   Map<String, Estimate> majorityCorrect, Map<String, Estimate> majorityCorrectByVoteShare) {
    }

    private static Map<String, Estimate> cells(Map<String, Proportion> proportions) {
        Map<String, Estimate> cells = new java.util.LinkedHashMap<>();
        proportions.forEach((key, p) -> cells.put(key, Estimate.of(p)));
        return cells;
    }

    @Override
    public Integer call() throws Exception {
        if (problems < 0) throw new IllegalArgumentException("--problems must not be negative (got " + problems + ")");
        PathSampler.Settings settings = new PathSampler.Settings(k, temperature, topP);
        try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
            TokenLayout layout = model.config().layout();
            List<Example> drawn = Problems.draw(layout, Distribution.parse(distribution), seed, problems, java.util.Set.of());
            PathSampler sampler = new PathSampler(model, settings);
            SplittableRandom random = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 7);
            ProgressBar bar = new ProgressBar();
            long[] correct = new long[2];
            Map<String, Proportion> samplesCorrect = new TreeMap<>();
            Map<String, Proportion> majorityCorrect = new TreeMap<>();
            Map<String, Proportion> byShare = new TreeMap<>();
            long began = System.nanoTime();
            Output.write(output.path(), writer -> {
                for (int p = 0; p < drawn.size(); p++) {
                    Example e = drawn.get(p);
                    List<PathSample> samples = sampler.sample(e.edges(), e.start(), e.goal(), random);
                    samples.forEach(s -> correct[s.correct() ? 0 : 1]++);
                    String lookahead = Integer.toString(e.lookahead());
                    for (PathSample s : samples) samplesCorrect.merge(lookahead, new Proportion(s.correct() ? 1 : 0, 1), Proportion::add);
                    VoteShare.Top top = VoteShare.top(samples);
                    majorityCorrect.merge(lookahead, new Proportion(top.correct() ? 1 : 0, 1), Proportion::add);
                    byShare.merge(VoteShare.bin(top.share()), new Proportion(top.correct() ? 1 : 0, 1), Proportion::add);
                    writer.write(Json.line(new Iterations.SampleLine(p, layout.n(), e.tokens(), e.lookahead(), samples)));
                    writer.write('\n');
                    double seconds = (System.nanoTime() - began) / 1e9;
                    bar.show((p + 1) / (double) drawn.size(), (p + 1) + "/" + drawn.size() + " problems sampled",
                            seconds / (p + 1) * (drawn.size() - p - 1));
                }
            });
            bar.println(String.format("%d problems x %d samples: %d paths reach the goal (%.3f)", drawn.size(), k, correct[0],
                    correct[0] / (double) Math.max(1, correct[0] + correct[1])));
            AccuracyTable.print(System.err, "the most voted answer reaches the goal, by its vote share:", byShare, "share ");
            if (json != null) {
                AtomicFiles.writeString(json, Json.pretty(new Summary(options.model, drawn.size(), k, temperature, topP, cells(samplesCorrect),
                        cells(majorityCorrect), cells(byShare))));
            }
        }
        return 0;
    }
}
