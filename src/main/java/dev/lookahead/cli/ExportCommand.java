package dev.lookahead.cli;

import dev.lookahead.figures.AttentionFigure;
import dev.lookahead.figures.Figure;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.GraphFigure;
import dev.lookahead.figures.SearchCharts;
import dev.lookahead.figures.TokensFigure;
import dev.lookahead.interp.CircuitTracer;
import dev.lookahead.interp.SetScores;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.PatchedRuns;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Write the views of one graph as figures: the graph with its traced sets, attention, tokens, prediction, set sizes.")
final class ExportCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = "--graph", required = true, description = "The graph (JSON, DOT, GraphML or a token line); ids and edge order are kept as written.")
    Path graph;

    @Option(names = "--layer", defaultValue = "all", description = "all, or one layer N: graph-layerN is the state after block N (0 = the embedding), attention and tokens show block N (default ${DEFAULT-VALUE}).")
    String layer;

    @Option(names = "--formats", defaultValue = "png,svg,pdf", split = ",", description = "png, svg and/or pdf (default ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--scale", defaultValue = "3", description = "PNG pixels per point (default ${DEFAULT-VALUE}).")
    double scale;

    @Option(names = "--out", required = true, description = "The folder to write the figures into.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<FigureFormat> chosen = formats.stream().map(FigureFormat::parse).distinct().toList();
        try (SearchModel model = SearchModel.open(options.model, options.device)) {
            SearchInput input = ModelGraphInput.read(graph, model.config());
            int[] tokens = Tokenizer.encode(input);
            TokenLayout layout = model.config().layout();
            int layers = model.config().layers();
            List<Integer> graphLayers = new ArrayList<>();
            if (layer.equals("all")) {
                for (int l = 0; l <= layers; l++) graphLayers.add(l);
            } else {
                int only = Integer.parseInt(layer);
                if (only < 0 || only > layers) throw new IllegalArgumentException("--layer must be all or 0 to " + layers + " (got " + layer + ")");
                graphLayers.add(only);
            }
            Files.createDirectories(out);
            String[] labels = new String[tokens.length];
            for (int i = 0; i < tokens.length; i++) labels[i] = layout.tokenName(tokens[i]);
            System.err.println("tracing the circuit (a few seconds)…");
            Trace trace = new CircuitTracer(model).trace(tokens, () -> false);
            SearchGraph shown = SearchGraph.of(input.edges(), input.start(), input.goal());
            GroundTruth truth = new GroundTruth(input.edges());
            Map<String, Figure> figures = new LinkedHashMap<>();
            int last = tokens.length - 1;
            try (PatchedRuns runs = new PatchedRuns(model, tokens)) {
                for (int l : graphLayers) {
                    figures.put("graph-layer" + l, new GraphFigure(shown, marks(trace, l, last, input.start(), truth),
                            String.format("%s: the last token's vertices vs. within %d hop%s of %d", l == 0 ? "embedding" : "after block " + l,
                                    1 << l, l == 0 ? "" : "s", input.start())));
                    if (l < layers) {
                        figures.put("attention-layer" + l, new AttentionFigure(runs.pattern(l), labels, "attention of block " + l));
                        figures.put("tokens-layer" + l, new TokensFigure(labels, runs.pattern(l)[last], last, "what the last token reads in block " + l));
                    }
                }
            }
            float[] probabilities = model.probabilities(new int[][] {tokens})[0];
            float[] byVertex = new float[layout.maxVertex() + 1];
            for (int v = 1; v <= layout.maxVertex(); v++) byVertex[v] = probabilities[v];
            List<Integer> useful = new ArrayList<>();
            for (int v : truth.usefulNext(input.start(), input.goal())) useful.add(v);
            figures.put("prediction", SearchCharts.prediction(byVertex, useful, "next vertex from " + input.start() + " towards " + input.goal()));
            List<double[]> sizes = new ArrayList<>();
            for (SetScores s : SetScores.of(trace, input, tokens)) sizes.add(new double[] {s.meanSize(), s.meanTrueSize()});
            figures.put("set-sizes", SearchCharts.setSizes(sizes, "mean set size of the vertex tokens"));
            int written = 0;
            for (Map.Entry<String, Figure> figure : figures.entrySet()) {
                for (FigureFormat format : chosen) {
                    FigureExport.write(figure.getValue(), format, out.resolve(figure.getKey() + "." + format.extension()), scale);
                    written++;
                }
            }
            System.err.printf("wrote %d files to %s (trace: %s, %,d patched forward passes)%n", written, out,
                    trace.explained() ? "explained" : "not explained", trace.forwardPasses());
        }
        return 0;
    }

    /** The last token's traced set at layer l against the vertices within 2^l hops of the start. */
    private static Map<Integer, String> marks(Trace trace, int l, int last, int start, GroundTruth truth) {
        if (trace.layers().isEmpty()) return Map.of();
        SortedSet<Integer> held = trace.layers().get(l).getOrDefault(last, new TreeSet<>());
        Set<Integer> within = truth.reachableWithin(start, 1 << l);
        Map<Integer, String> marks = new HashMap<>();
        for (int v : held) marks.put(v, within.contains(v) ? GraphFigure.AGREE : GraphFigure.EXTRA);
        for (int v : within) marks.putIfAbsent(v, GraphFigure.MISSED);
        return marks;
    }
}
