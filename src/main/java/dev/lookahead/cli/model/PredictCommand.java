package dev.lookahead.cli.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.ModelGraphInput;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.inspect.GraphFacts;
import dev.lookahead.inspect.Inspection;
import dev.lookahead.inspect.Inspector;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "predict", description = "The model's next-vertex distribution for the start of a graph.")
public final class PredictCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @Option(names = "--graph", required = true, description = "The graph (JSON, DOT, GraphML or a token line) with start and goal.")
    Path graph;

    @Option(names = "--json", description = "Also write the result here.")
    Path json;

    @Override
    public Integer call() throws Exception {
        try (SearchModel searchModel = SearchModel.open(options.model, options.device)) {
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

            ObjectNode result = Json.MAPPER.createObjectNode();
            result.put("model", options.model);
            result.put("graph", graph.toString());
            result.set("tokens", LineFields.ints(tokens));
            result.put("start", input.start());
            result.put("goal", input.goal());
            result.put("predicted", predicted);
            result.set("useful_next", LineFields.ints(truth.usefulNext()));
            result.put("correct", inspection.correct());
            result.put("lookahead", truth.lookahead());
            ObjectNode distribution = result.putObject("probabilities");
            for (int token = 0; token < probabilities.length; token++) {
                distribution.put(layout.tokenName(token), probabilities[token]);
            }
            String text = Json.pretty(result);
            System.out.print(text);
            if (json != null) AtomicFiles.writeString(json, text);
            System.err.printf("predicted %d (%s; useful next: %s)%n", predicted,
                    result.get("correct").asBoolean() ? "correct" : "wrong", result.get("useful_next"));
        }
        return 0;
    }
}
