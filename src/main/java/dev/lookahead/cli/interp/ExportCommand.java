package dev.lookahead.cli.interp;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.ModelGraphInput;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.TraceOptions;
import dev.lookahead.figures.Figure;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.SearchViews;
import dev.lookahead.inspect.Inspection;
import dev.lookahead.inspect.Inspector;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "export", description = "Write the views of one graph as figures: the graph with its traced sets, attention, tokens, prediction, set sizes.")
public final class ExportCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Mixin
    TraceOptions tracing;

    @InputFile
    @Option(names = "--graph", required = true, description = "The graph (JSON, DOT, GraphML or a token line); ids and edge order are kept as written.")
    Path graph;

    @Option(names = "--layer", defaultValue = "all", description = "all, or one layer N: graph-layerN is the state after block N (0 = the embedding), attention and tokens show block N (default ${DEFAULT-VALUE}).")
    String layer;

    @Option(names = "--formats", defaultValue = "png,svg,pdf", split = ",", description = "png, svg and/or pdf (default ${DEFAULT-VALUE}).")
    List<String> formats;

    @Option(names = "--scale", defaultValue = "3", description = "PNG pixels per point (default ${DEFAULT-VALUE}).")
    double scale;

    @OutputFile
    @Option(names = "--out", required = true, description = "The folder to write the figures into.")
    Path out;

    @Override
    public Integer call() throws Exception {
        List<FigureFormat> chosen = formats.stream().map(FigureFormat::parse).distinct().toList();
        if (Files.exists(out) && !Files.isDirectory(out)) {
            throw new IllegalArgumentException("--out " + out.toAbsolutePath() + " is a file; export writes a folder of figures: name a folder");
        }
        try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
            SearchInput input = ModelGraphInput.read(graph, model.config());
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
            dev.lookahead.cli.ProgressBar bar = new dev.lookahead.cli.ProgressBar();
            long started = System.nanoTime();
            Inspection inspection = new Inspector(model, null, tracing.tracer(model)).inspect(input, () -> false, share -> {
                double elapsed = (System.nanoTime() - started) / 1e9;
                bar.show(share, "tracing the circuit", share > 0 ? elapsed / share * (1 - share) : Double.NaN);
            });
            bar.println(String.format(java.util.Locale.ROOT, "traced in %.1f s", (System.nanoTime() - started) / 1e9));
            Map<String, Figure> figures = SearchViews.byFileName(SearchViews.all(inspection, graphLayers));
            int written = 0;
            for (Map.Entry<String, Figure> figure : figures.entrySet()) {
                for (FigureFormat format : chosen) {
                    FigureExport.write(figure.getValue(), format, out.resolve(figure.getKey() + "." + format.extension()), scale);
                    written++;
                }
            }
            Trace trace = inspection.trace();
            System.err.printf("wrote %d files to %s (trace: %s, %,d patched forward passes)%n", written, out,
                    trace.explained() ? "explained" : "not explained", trace.forwardPasses());
        }
        return 0;
    }

}
