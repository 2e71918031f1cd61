package dev.lookahead.cli.model;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.ModelGraphInput;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.inspect.GraphFacts;
import dev.lookahead.inspect.Inspection;
import dev.lookahead.inspect.Inspector;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "predict", description = "The model's next-vertex distribution for the start of a graph.")
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @InputFile
    @Option(names = "--graph", required = true, description = "The graph (JSON, DOT, GraphML or a token line) with start and goal.")
    Path graph;

    @OutputFile
    @Option(names = "--json", description = "Also write the result here.")
    Path json;

    @Override
    public Integer call() throws Exception {
        try (SearchModel searchModel = SearchModel.openSearch(options.model, options.device)) {
            SearchInput input = ModelGraphInput.read(graph, searchModel.config());
            Inspection inspection = Inspector.of(searchModel, null).look(input);
            int[] tokens = inspection.tokens();
            float[] probabilities = inspection.probabilities();
            int predicted = inspection.predicted();
            GraphFacts truth = inspection.facts();
            if (truth.usefulNext().length == 0) {
                throw new IllegalArgumentException("the goal " + input.goal() + " is not reachable from the current vertex "
                        + input.current() + ", so there is no next step to measure the lookahead for");
            }
            TokenLayout layout = searchModel.config().layout();

            Map<String, Float> distribution = new LinkedHashMap<>();
            for (int token = 0; token < probabilities.length; token++) distribution.put(layout.tokenName(token), probabilities[token]);
            Prediction result = new Prediction(options.model, graph.toString(), tokens, input.start(), input.goal(), predicted,
                    truth.usefulNext(), inspection.correct(), truth.lookahead(), distribution);
            String text = Json.pretty(result);
            System.out.print(text);
            if (json != null) AtomicFiles.writeString(json, text);
            System.err.printf("predicted %d (%s; useful next: %s)%n", predicted, result.correct() ? "correct" : "wrong",
                    java.util.Arrays.toString(truth.usefulNext()));
        }
        return 0;
    }

    /** What {@code predict} prints: the model's next-vertex distribution for the graph, beside the truth. */
    record Prediction(String model, String graph, int[] tokens, int start, int goal, int predicted, int[] usefulNext, boolean correct,
                      int lookahead, Map<String, Float> probabilities) {
    }
}
