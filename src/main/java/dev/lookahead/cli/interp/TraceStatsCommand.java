package dev.lookahead.cli.interp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonUnwrapped;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.ProgressBar;
import dev.lookahead.cli.TraceOptions;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.MergeDistanceFigure;
import dev.lookahead.figures.TraceCharts;
import dev.lookahead.interp.SetScores;
import dev.lookahead.interp.TestSetTracing;
import dev.lookahead.interp.TraceStatistics;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trace-stats", description = "Trace the standard balanced test examples of every lookahead, for one model or several"
        + " (controls such as untrained:n32 among them): fraction explained, merges, maximal merges, set size per layer.")
public final class TraceStatsCommand implements Callable<Integer> {
    @Option(names = "--model", defaultValue = "default",
            description = "A shipped model, a training folder, or untrained:nN (the default shape, PyTorch-initialised, never trained);"
                    + " repeat to compare models on the same examples (default ${DEFAULT-VALUE}).")
    List<String> models;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    String device;

    @Option(names = "--per-lookahead", defaultValue = "10", description = "Test examples traced per lookahead (default ${DEFAULT-VALUE}).")
    int perLookahead;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the test sets (default ${DEFAULT-VALUE}).")
    long seed;

    @OutputFile
    @Option(names = "--json", description = "Also write the figures here: one entry per model under \"models\".")
    Path json;

    @OutputFile
    @Option(names = "--figures", description = "Also draw the share explained per lookahead, one bar per model, into this folder"
            + " as explained-by-lookahead.png, .svg and .pdf, and under the paper's rules the path-merge operations per model"
            + " (path-merges.*) and each model's path-merge heatmap (path-merge-distances-MODEL.*).")
    Path figures;

    @Mixin
    TraceOptions tracing;

    @Override
    public Integer call() throws Exception {
        if (perLookahead < 1) throw new IllegalArgumentException("--per-lookahead must be positive");
        List<ObjectNode> entries = new ArrayList<>();
        Map<String, Map<Integer, Proportion>> explained = new java.util.LinkedHashMap<>();
        Map<String, TraceStatistics> all = new java.util.LinkedHashMap<>();
        for (String name : models) {
            System.out.println("== " + name);
            TraceStatistics stats = traceModel(name);
            entries.add(report(name, stats));
            explained.put(name, stats.explainedByLookahead());
            all.put(name, stats);
        }
        Root root = new Root(perLookahead, seed, tracing.rules, tracing.replacement, entries);
        if (json != null) AtomicFiles.writeString(json, Json.pretty(root));
        if (figures != null) {
            java.nio.file.Files.createDirectories(figures);
            for (FigureFormat format : FigureFormat.values()) {
                FigureExport.write(TraceCharts.explainedByLookahead(explained), format,
                        figures.resolve("explained-by-lookahead." + format.extension()), 3);
                Map<String, double[]> merges = new java.util.LinkedHashMap<>();
                all.forEach((name, stats) -> {
                    if (stats.paperRules()) merges.put(shortName(name), new double[] {stats.pathMergeOperationsPerExample(), 1 - stats.suboptimalPathMergeShare()});
                });
                if (!merges.isEmpty()) {
                    FigureExport.write(TraceCharts.pathMerges(merges), format, figures.resolve("path-merges." + format.extension()), 3);
                }
                for (Map.Entry<String, TraceStatistics> stats : all.entrySet()) {
                    if (!stats.getValue().paperRules()) continue;
                    String file = "path-merge-distances-" + shortName(stats.getKey()).replaceAll("[^A-Za-z0-9._-]", "_") + "." + format.extension();
                    FigureExport.write(new MergeDistanceFigure(stats.getValue().mergeDistances(), stats.getKey() + ", " + perLookahead
                            + " test examples per lookahead, seed " + seed + ", paper rules"), format, figures.resolve(file), 3);
                }
            }
            System.err.println("wrote the figure to " + figures);
        }
        return 0;
    }

    /** A model's name for a figure: a training folder by its last part (resources/training/n32-naive: n32-naive). */
    private static String shortName(String model) {
        return model.contains("/") || model.contains(java.io.File.separator) ? Path.of(model).getFileName().toString() : model;
    }

    /** Traces one model's test examples, with a progress bar. */
    private TraceStatistics traceModel(String name) throws Exception {
        try (SearchModel model = SearchModel.openSearch(name, device)) {
            ProgressBar bar = new ProgressBar();
            long started = System.nanoTime();
            return TestSetTracing.run(model, tracing.tracer(model), perLookahead, seed, (done, total) -> {
                double seconds = (System.nanoTime() - started) / 1e9;
                bar.show((double) done / total, String.format("%s: %d/%d traced", name, done, total), seconds / done * (total - done));
            });
        }
    }

    /** Prints one model's figures and returns them as JSON. */
    private ObjectNode report(String name, TraceStatistics stats) {
        Map<String, Estimate> explained = new LinkedHashMap<>();
        Map<String, Map<String, Estimate>> byPrediction = new LinkedHashMap<>();
        System.out.println("lookahead  explained  95% interval   predicted right: explained   predicted wrong: explained");
        stats.explainedByLookahead().forEach((lookahead, p) -> {
            explained.put(Integer.toString(lookahead), Estimate.of(p));
            Map<Boolean, Proportion> split = stats.explainedByPrediction().getOrDefault(lookahead, Map.of());
            Map<String, Estimate> entry = new LinkedHashMap<>();
            split.forEach((correct, q) -> entry.put(correct ? "correct" : "wrong", Estimate.of(q)));
            byPrediction.put(Integer.toString(lookahead), entry);
            Proportion right = split.getOrDefault(true, new Proportion(0, 0));
            Proportion wrong = split.getOrDefault(false, new Proportion(0, 0));
            System.out.printf("%9d  %5d/%-3d  [%.2f, %.2f]   %d/%-27d %d/%d%n", lookahead, p.successes(), p.trials(), p.lower(), p.upper(),
                    right.successes(), right.trials(), wrong.successes(), wrong.trials());
        });
        Map<String, Estimate> byReplacement = new LinkedHashMap<>();
        stats.explainedByReplacement().forEach((kind, p) -> {
            byReplacement.put(kind.id(), Estimate.of(p));
            System.out.printf("replacement %-7s explained %d/%d%n", kind.id(), p.successes(), p.trials());
        });
        boolean paper = stats.paperRules();
        if (paper) {
            System.out.printf("path-merge operations per example %.1f, optimal (1 - suboptimal roots) share %.2f; merge edges per example %.1f%n",
                    stats.pathMergeOperationsPerExample(), 1 - stats.suboptimalPathMergeShare(), stats.mergesPerExample());
        } else {
            System.out.printf("merge edges per example %.1f, maximal (doubling) merges %.2f%n", stats.mergesPerExample(), stats.maximalMergeShare());
        }
        System.out.printf("patched passes per example %,.0f%n", stats.forwardPassesPerExample());
        List<Matrix> distances = new ArrayList<>();
        stats.mergeDistances().forEach((layer, counts) -> distances.add(new Matrix(layer,
                "distance of the receiving token's vertex from the start (the paper's source vertex)",
                "distance of the attended token's vertex from the start (the paper's target vertex)", usedCounts(counts))));
        List<SetSize> sizes = new ArrayList<>();
        System.out.println("layer  mean set size  true 2^l-hop set  2^l  precision  on a path  sound");
        for (SetScores s : stats.setScores()) {
            sizes.add(new SetSize(TraceCommand.SetScoreLine.of(s), 1 << s.layer()));
            System.out.printf("%5d  %13.2f  %16.2f  %3d  %9.2f  %9.2f  %5.2f%n", s.layer(), s.meanSize(), s.meanTrueSize(), 1 << s.layer(),
                    s.precision(), s.pathPrecision(), s.soundShare());
        }
        List<Matrix> reach = new ArrayList<>();
        stats.mergeReach().forEach((layer, counts) -> reach.add(new Matrix(layer, "how far the source's set reaches (hops)",
                "how far the destination's set reaches (hops)", usedCounts(counts))));
        // under the paper's rules the merge figures are the paper's quantities, as its tracing script counts them
        return Json.fields(new ModelReport(name, explained, byPrediction, byReplacement,
                paper ? stats.pathMergeOperationsPerExample() : stats.mergesPerExample(),
                paper ? 1 - stats.suboptimalPathMergeShare() : stats.maximalMergeShare(), paper ? stats.suboptimalPathMergeShare() : null,
                paper ? stats.mergesPerExample() : null, stats.forwardPassesPerExample(), distances, sizes, reach));
    }

    /** What {@code --json} holds: the settings, then one entry per model. */
    record Root(int perLookahead, long seed, String rules, String replacement, List<ObjectNode> models) {
    }

    /** One model's figures as {@code --json} holds them. */
    record ModelReport(String model, Map<String, Estimate> explainedByLookahead,
                       Map<String, Map<String, Estimate>> explainedByLookaheadAndPrediction,
                       Map<String, Estimate> explainedByReplacement, double mergesPerExample, double maximalMergeShare,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double suboptimalPathMergeShare,
                       @JsonInclude(JsonInclude.Include.NON_NULL) Double mergeEdgesPerExample, double forwardPassesPerExample,
                       List<Matrix> pathMergeDistancesByLayer, List<SetSize> setSizeByLayer, List<Matrix> mergeReachByLayer) {
    }

    /** One layer's set scores, and 2^l, the size a doubling set would have. */
    record SetSize(@JsonUnwrapped TraceCommand.SetScoreLine scores, int twoToTheL) {
    }

    /** A square matrix of counts for one layer, with what its rows and columns are. */
    record Matrix(int layer, String rows, String columns, long[][] counts) {
    }

    /** The counts cut to the smallest square holding every non-zero count. */
    private static long[][] usedCounts(long[][] counts) {
        int size = usedSize(counts);
        long[][] used = new long[size][size];
        for (int i = 0; i < size; i++) System.arraycopy(counts[i], 0, used[i], 0, size);
        return used;
    }

    /** The smallest square holding every non-zero count. */
    private static int usedSize(long[][] counts) {
        int size = 0;
        for (int i = 0; i < counts.length; i++) {
            for (int j = 0; j < counts.length; j++) if (counts[i][j] > 0) size = Math.max(size, Math.max(i, j) + 1);
        }
        return size;
    }
}
