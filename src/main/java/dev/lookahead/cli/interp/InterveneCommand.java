package dev.lookahead.cli.interp;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.ModelGraphInput;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.interp.CausalEffect;
import dev.lookahead.interp.Corruption;
import dev.lookahead.interp.MergeKnockouts;
import dev.lookahead.interp.PatchingMap;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.Interventions;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Causal interventions on one graph's prediction (docs/interventions.md). */
@Command(name = "intervene", description = "Knock out attention edges, ablate a block's attention or feed-forward output, or patch the"
        + " residual stream from another graph, and see the prediction before and after (one JSON line).",
        subcommands = {InterveneCommand.Patching.class, InterveneCommand.TracerTest.class})
public final class InterveneCommand implements Callable<Integer> {
    private static final Pattern KNOCKOUT = Pattern.compile("(\\d+):(\\d+)->(\\d+)");
    private static final Pattern ABLATION = Pattern.compile("(\\d+):(attn|ff)(:mean|:zero)?");

    @Mixin
    ModelOptions options;

    @InputFile
    @Option(names = "--graph", description = "The graph (JSON, DOT, GraphML or a token line) with start and goal.")
    Path graph;

    @Option(names = "--knockout", description = "L:FROM->TO - in block L, token position TO (a query) no longer reads position FROM (a key):"
            + " that attention score set to minus infinity before the softmax. Repeatable.")
    List<String> knockouts = new ArrayList<>();

    @Option(names = "--ablate", description = "L:attn or L:ff, with :mean for the mean over the reference inputs (else zero). Repeatable.")
    List<String> ablations = new ArrayList<>();

    @InputFile
    @Option(names = "--patch-from", description = "A counterfactual graph of the same token length: patch the residual stream from its run.")
    Path patchFrom;

    @Option(names = "--layer", description = "With --patch-from: the residual stream entering block L (the number of blocks: leaving the last).")
    Integer layer;

    @Option(names = "--position", split = ",", description = "With --patch-from: token positions to patch, or all.")
    List<String> positions;

    @InputFile
    @Option(names = "--reference", description = "Inputs a mean ablation averages over (JSON lines with tokens); default: the standard"
            + " balanced test inputs.")
    Path reference;

    @OutputFile
    @Option(names = "--json", description = "Also write the line here.")
    Path json;

    @Override
    public Integer call() throws Exception {
        if (graph == null) throw new IllegalArgumentException("give --graph (the graph to intervene on), or use intervene patching");
        try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
            SearchInput input = ModelGraphInput.read(graph, model.config());
            Interventions.Plan plan = plan(model);
            List<int[]> referenceInputs = plan.ablations().stream().anyMatch(Interventions.Ablation::mean)
                    ? (reference == null ? CausalEffect.standardReference(model) : CausalEffect.referenceFrom(reference, model.config().n()))
                    : List.of();
            CausalEffect effect = CausalEffect.of(new Interventions(model, referenceInputs), input, plan);
            TokenLayout layout = model.config().layout();
            Line line = new Line(options.model, graph.toString(), effect.tokens(), side(effect.clean(), layout), side(effect.intervened(), layout),
                    new Effect(effect.cleanLogitDifference(), effect.intervenedLogitDifference(), effect.change()), effect.usefulNext(),
                    new Done(plan.knockouts(), plan.ablations().stream().map(a -> new AblationLine(a.layer(), a.part() == Interventions.Part.ATTENTION
                            ? "attn" : "ff", a.mean() ? "mean" : "zero")).toList(), plan.patch() == null ? null
                                    : new PatchLine(plan.patch().layer(), plan.patch().positions(), patchFrom.toString())));
            String text = Json.line(line);
            System.out.println(text);
            if (json != null) AtomicFiles.writeString(json, text + "\n");
            System.err.printf(Locale.ROOT, "predicted %d -> %d; logit difference %.4f -> %.4f%n", effect.clean().predicted(),
                    effect.intervened().predicted(), effect.cleanLogitDifference(), effect.intervenedLogitDifference());
        }
        return 0;
    }

    @Command(name = "patching", description = "The activation-patching heatmap: for each input and its corruption, every (layer, position)"
            + " of the residual stream patched from the clean run into the corrupted one; the share of the logit difference restored, mean and"
            + " spread per cell.")
    static final class Patching implements Callable<Integer> {
        @Mixin
        ModelOptions options;

        @InputFile
        @Option(names = "--in", required = true, description = "Clean inputs: JSON lines with tokens (as generate writes them).")
        Path in;

        @Option(names = "--corruption", required = true, description = "goal (the goal moved to another branch's end) or path-edge (the"
                + " path's last edge re-pointed to another branch's end).")
        String corruption;

        @OutputFile
        @Option(names = "--json", description = "Also write the heatmap here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            Corruption kind = Corruption.named(corruption);
            try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
                List<int[]> inputs = CausalEffect.referenceFrom(in, model.config().n());
                dev.lookahead.cli.ProgressBar bar = new dev.lookahead.cli.ProgressBar();
                PatchingMap map = PatchingMap.of(model, inputs, kind, share -> bar.show(share, "patching", Double.NaN), () -> false);
                bar.println(String.format(Locale.ROOT, "%d inputs patched (%d without a usable corruption); logit difference clean %.3f,"
                        + " corrupted %.3f", map.inputs(), map.skipped(), map.cleanLogitDifference(), map.corruptedLogitDifference()));
                String text = Json.line(map);
                System.out.println(text);
                if (json != null) AtomicFiles.writeString(json, Json.pretty(map));
                return map.inputs() == 0 ? 2 : 0;
            }
        }
    }

    @Command(name = "tracer-test", description = "Knock out the merge operations the paper-rule tracer finds in each standard test example,"
            + " against as many random attention operations in the same blocks: accuracy and logit difference per lookahead.")
    static final class TracerTest implements Callable<Integer> {
        @Mixin
        ModelOptions options;

        @Option(names = "--per-lookahead", required = true, description = "Standard test examples traced per lookahead.")
        int perLookahead;

        @Option(names = "--draws", defaultValue = "5", description = "Random knockout sets per example (default ${DEFAULT-VALUE}).")
        int draws;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the random operations (default ${DEFAULT-VALUE}).")
        long seed;

        @OutputFile
        @Option(names = "--json", description = "Also write the figures here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
                dev.lookahead.cli.ProgressBar bar = new dev.lookahead.cli.ProgressBar();
                List<MergeKnockouts.Bucket> buckets = MergeKnockouts.run(model, MergeKnockouts.standardExamples(model, perLookahead), draws, seed,
                        share -> bar.show(share, "tracing and knocking out", Double.NaN), () -> false);
                bar.println("lookahead  examples  merges  accuracy clean / merges out / random out   logit difference clean / merges out / random out");
                for (MergeKnockouts.Bucket b : buckets) {
                    bar.println(String.format(Locale.ROOT, "%9d  %8d  %6.1f  %.3f / %.3f / %.3f   %.2f / %.2f / %.2f", b.lookahead(), b.examples(),
                            b.mergesPerExample(), b.cleanAccuracy().value(), b.mergesOutAccuracy().value(), b.randomOutAccuracy().value(),
                            b.cleanLogitDifference(), b.mergesOutLogitDifference(), b.randomOutLogitDifference()));
                }
                Map<String, Object> report = new LinkedHashMap<>();
                report.put("model", options.model);
                report.put("per_lookahead", perLookahead);
                report.put("draws", draws);
                report.put("seed", seed);
                report.put("lookaheads", MergeKnockouts.byName(buckets));
                if (json != null) AtomicFiles.writeString(json, Json.pretty(report));
            }
            return 0;
        }
    }

    private Interventions.Plan plan(SearchModel model) throws java.io.IOException {
        List<Interventions.Knockout> knocked = new ArrayList<>();
        for (String k : knockouts) {
            Matcher m = KNOCKOUT.matcher(k.replace(" ", ""));
            if (!m.matches()) throw new IllegalArgumentException("--knockout " + k + ": expected L:FROM->TO, e.g. 2:17->31");
            knocked.add(new Interventions.Knockout(Integer.parseInt(m.group(1)), Integer.parseInt(m.group(2)), Integer.parseInt(m.group(3))));
        }
        List<Interventions.Ablation> ablated = new ArrayList<>();
        for (String a : ablations) {
            Matcher m = ABLATION.matcher(a.replace(" ", ""));
            if (!m.matches()) throw new IllegalArgumentException("--ablate " + a + ": expected L:attn or L:ff, optionally with :mean, e.g. 3:ff:mean");
            ablated.add(new Interventions.Ablation(Integer.parseInt(m.group(1)), m.group(2).equals("attn") ? Interventions.Part.ATTENTION
                    : Interventions.Part.FEED_FORWARD, ":mean".equals(m.group(3))));
        }
        Interventions.Patch patch = null;
        if (patchFrom != null) {
            if (layer == null) throw new IllegalArgumentException("--patch-from needs --layer (the block whose incoming residual stream is patched)");
            int[] source = Tokenizer.encode(ModelGraphInput.read(patchFrom, model.config()));
            patch = new Interventions.Patch(layer, positions(), source);
        } else if (layer != null || positions != null) {
            throw new IllegalArgumentException("--layer and --position go with --patch-from");
        }
        return new Interventions.Plan(knocked, ablated, patch);
    }

    private int[] positions() {
        if (positions == null || positions.contains("all")) return null;
        return positions.stream().mapToInt(p -> {
            try {
                return Integer.parseInt(p.trim());
            } catch (NumberFormatException e) {
                throw new IllegalArgumentException("--position " + p + ": expected token positions (0-based) or all");
            }
        }).toArray();
    }

    private static Side side(Interventions.Outcome outcome, TokenLayout layout) {
        Map<String, Float> distribution = new LinkedHashMap<>();
        float[] p = outcome.probabilities();
        for (int token = 0; token < p.length; token++) distribution.put(layout.tokenName(token), p[token]);
        return new Side(outcome.predicted(), distribution);
    }

    /** One side of the comparison, as {@code predict} writes its prediction. */
    record Side(int predicted, Map<String, Float> probabilities) {
    }

    record Effect(double cleanLogitDifference, double intervenedLogitDifference, double change) {
    }

    record AblationLine(int layer, String part, String mode) {
    }

    record PatchLine(int layer, int[] positions, String from) {
    }

    record Done(List<Interventions.Knockout> knockouts, List<AblationLine> ablations, PatchLine patch) {
    }

    record Line(String model, String graph, int[] tokens, Side clean, Side intervened, Effect effect, int[] usefulNext, Done interventions) {
    }
}
