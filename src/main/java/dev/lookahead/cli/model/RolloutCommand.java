package dev.lookahead.cli.model;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.RolloutFigure;
import dev.lookahead.inspect.Rollout;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.InContextInputs;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.Task;
import dev.lookahead.search.TokenLayout;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "rollout", description = "Run a dfs or si model on a graph with its own choices fed back, one line per model call and a final"
        + " line with solved: the search it writes out in context, step by step.")
public final class RolloutCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @InputFile
        @Option(names = "--graph", description = "The graph (JSON, DOT, GraphML or a token line) with start and goal.")
        Path graph;

        @InputFile
        @Option(names = "--in", description = "JSONL with n and tokens of the model's task: each line's graph, start and goal are rolled out"
                + " from the beginning (lines get a line field).")
        Path in;
    }

    @Mixin
    LinesOut output;

    @OutputFile
    @Option(names = "--figures", description = "With --graph: write each step as a figure (step-K), the end (step-<last>) and all steps in"
            + " one strip (rollout) into this folder.")
    Path figures;

    @Option(names = "--formats", defaultValue = "png,svg,pdf", split = ",", description = "Figure formats: png, svg and/or pdf (default ${DEFAULT-VALUE}).")
    List<String> formats;

    /**
     * One model call as a line: its input, the distribution over tokens, the arg-max, what the task accepts, and per block
     * the last token's attention over the input positions (mean over heads).
     */
    record StepLine(@JsonInclude(JsonInclude.Include.NON_NULL) Integer line, int step, String kind, int[] tokens, Map<String, Float> distribution, int choice, int[] accepted,
                    boolean correct, float[][] attention) {
    }

    /** The closing line of a rollout. */
    record FinalLine(@JsonInclude(JsonInclude.Include.NON_NULL) Integer line, String task, boolean solved, String stop, int steps, Integer firstWrongStep, List<Integer> trace) {
    }

    /** A line of --in that could not be rolled out. */
    record ErrorLine(int line, String error) {
    }

    @Override
    public Integer call() throws Exception {
        if (figures != null && source.in != null) {
            throw new IllegalArgumentException("--figures draws one rollout: give it with --graph FILE (with --in, roll out the line you want"
                    + " to draw from a graph file)");
        }
        try (SearchModel model = SearchModel.open(options.model, options.device)) {
            Task task = model.task();
            if (!task.inContext()) {
                throw new IllegalArgumentException("--model " + options.model + " was trained on the search task; rollout runs a dfs or si"
                        + " model (e.g. --model dfs32 or --model si32); for one step of a search model use predict");
            }
            TokenLayout layout = model.config().layout();
            int[] counts = new int[3];
            Output.write(output.path(), writer -> {
                try {
                    if (source.graph != null) {
                        SearchGraph graph = GraphFiles.read(source.graph);
                        InContextInputs.whyNot(graph, layout, task).ifPresent(reason -> {
                            throw new IllegalArgumentException(source.graph.getFileName() + ": " + reason);
                        });
                        counts[0]++;
                        Rollout.Result result = Rollout.run(model, task, graph.edges(), graph.start(), graph.goal(), true, () -> false);
                        counts[1] += write(writer, null, layout, result) ? 1 : 0;
                        if (figures != null) writeFigures(graph, result, layout);
                    } else {
                        JsonLines.forEach(source.in, (number, line) -> {
                            try {
                                SearchGraph graph = graphOf(line.json(), layout, task);
                                counts[0]++;
                                counts[1] += write(writer, number, layout, Rollout.run(model, task, graph.edges(), graph.start(), graph.goal(), true, () -> false)) ? 1 : 0;
                            } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                                counts[2]++;
                                writer.write(Json.line(new ErrorLine(number, "line " + number + ": " + e.getMessage())) + "\n");
                            }
                        });
                    }
                } catch (IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            });
            System.err.printf("%d rollout%s of %s, %d solved%s%n", counts[0], counts[0] == 1 ? "" : "s", options.model, counts[1],
                    counts[2] > 0 ? ", " + counts[2] + " lines with errors" : "");
            return counts[2] > 0 ? 2 : 0;
        }
    }

    /** Each step, the end, and the strip of all of them, in every format asked for. */
    private void writeFigures(SearchGraph graph, Rollout.Result result, TokenLayout layout) throws IOException {
        List<FigureFormat> chosen = formats.stream().map(FigureFormat::parse).distinct().toList();
        java.nio.file.Files.createDirectories(figures);
        String name = java.nio.file.Path.of(options.model).getFileName().toString();
        for (FigureFormat format : chosen) {
            for (int k = 0; k <= result.steps().size(); k++) {
                FigureExport.write(new RolloutFigure(graph, result, k, layout, name), format, figures.resolve("step-" + (k + 1) + "." + format.extension()), 2);
            }
            FigureExport.write(RolloutFigure.strip(graph, result, layout, name, 4), format, figures.resolve("rollout." + format.extension()), 2);
        }
        System.err.printf("figures of %d steps and the strip in %s%n", result.steps().size() + 1, figures);
    }

    /** The graph, start and goal of an input line of the task. */
    private static SearchGraph graphOf(com.fasterxml.jackson.databind.JsonNode line, TokenLayout layout, Task task) {
        int n = LineFields.requireInt(line, "n");
        if (n != layout.n()) throw new IllegalArgumentException("n = " + n + " but the model takes n = " + layout.n());
        int[] tokens = LineFields.requireIntArray(line, "tokens");
        if (tokens.length != n) throw new IllegalArgumentException("tokens has " + tokens.length + " entries, expected n = " + n);
        InContextInputs.Problem problem = InContextInputs.problem(layout, tokens);
        SearchGraph graph = SearchGraph.of(problem.edges(), problem.start(), problem.goal());
        InContextInputs.whyNot(graph, layout, task).ifPresent(reason -> {
            throw new IllegalArgumentException(reason);
        });
        return graph;
    }

    private static boolean write(Writer writer, Integer line, TokenLayout layout, Rollout.Result result) throws IOException {
        for (Rollout.Step s : result.steps()) {
            Map<String, Float> distribution = new LinkedHashMap<>();
            for (int token = 0; token < s.probabilities().length; token++) distribution.put(layout.tokenName(token), s.probabilities()[token]);
            writer.write(Json.line(new StepLine(line, s.index(), s.kind(), s.tokens(), distribution, s.choice(), s.accepted(), s.correct(),
                    s.attention())));
            writer.write('\n');
        }
        int wrong = result.firstWrong();
        writer.write(Json.line(new FinalLine(line, result.task().id(), result.solved(), result.stop().words(), result.steps().size(),
                wrong < 0 ? null : wrong, result.trace())));
        writer.write('\n');
        return result.solved();
    }
}
