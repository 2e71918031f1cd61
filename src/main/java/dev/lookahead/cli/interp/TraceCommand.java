package dev.lookahead.cli.interp;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.ModelGraphInput;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.TraceOptions;
import dev.lookahead.interp.CircuitTracer;
import dev.lookahead.interp.SetScores;
import dev.lookahead.interp.Trace;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.Tokenizer;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "trace", description = "Circuit tracing: the vertices each token holds after each block, and the attention operations that put them there.")
public final class TraceCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @InputFile
    @Option(names = "--graph", description = "One graph (JSON, DOT, GraphML or a token line) with start and goal.")
    Path graph;

    @InputFile
    @Option(names = "--in", description = "Lines with n and tokens (first-step inputs); one output line per input line.")
    Path in;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Mixin
    TraceOptions tracing;

    @Override
    public Integer call() throws Exception {
        if ((graph == null) == (in == null)) throw new IllegalArgumentException("trace needs exactly one of --graph and --in");
        try (SearchModel model = SearchModel.openSearch(options.model, options.device)) {
            CircuitTracer tracer = tracing.tracer(model);
            if (graph != null) {
                int[] tokens = Tokenizer.encode(ModelGraphInput.read(graph, model.config()));
                ObjectNode line = Json.fields(new GraphLine(graph.toString(), tokens.length, tokens));
                put(line, tracer.trace(tokens, () -> false), tokens, model);
                Output.write(output.path(), writer -> writer.write(line + "\n"));
                report(line);
                return 0;
            }
            int[] seen = new int[2];
            JsonLineMapper mapper = new JsonLineMapper();
            int errors = mapper.map(in, output.path(), line -> {
                int n = LineFields.requireInt(line, "n");
                if (n != model.config().n()) throw new IllegalArgumentException("the model takes n = " + model.config().n() + ", the line has n = " + n);
                int[] tokens = LineFields.requireIntArray(line, "tokens");
                Tokenizer.decode(model.config().layout(), tokens); // a malformed input is this line's error, not an untraceable one
                Trace trace = tracer.trace(tokens, () -> false);
                put(line, trace, tokens, model);
                seen[0]++;
                if (trace.explained()) seen[1]++;
            });
            System.err.printf("traced %d inputs: %d explained; %d lines with errors%n", seen[0], seen[1], errors);
            return errors > 0 ? 2 : 0;
        }
    }

    private static void report(ObjectNode line) {
        System.err.printf("%s after %,d patched forward passes%s%n", line.get("explained").asBoolean() ? "explained" : "not explained",
                line.get("forward_passes").asLong(), line.hasNonNull("reason") ? ": " + line.get("reason").asText() : "");
    }

    /**
     * The contract's fields - explained, reason, forward_passes, layers, operations - with the
     * prediction and, per layer, the extracted sets scored against the true reachable sets.
     */
    public static void put(ObjectNode line, Trace trace, int[] tokens, SearchModel model) {
        line.setAll(Json.fields(TraceLine.of(trace, tokens, model)));
    }

    /** The graph a {@code trace --graph} line traced, and its tokens. */
    record GraphLine(String graph, int n, int[] tokens) {
    }

    /** What {@code trace} adds to a line; the path-merge counts, causes and directions only under the paper's rules. */
    record TraceLine(boolean explained, String rules, @JsonInclude(JsonInclude.Include.NON_NULL) Integer pathMergeOperations,
                     @JsonInclude(JsonInclude.Include.NON_NULL) Integer suboptimalPathMergeRoots, String reason, long forwardPasses,
                     String replacement, int predicted, List<Map<String, SortedSet<Integer>>> layers, List<Object> operations,
                     @JsonInclude(JsonInclude.Include.NON_NULL) List<SetScoreLine> setScores) {
        static TraceLine of(Trace trace, int[] tokens, SearchModel model) {
            boolean paper = trace.rules() == Trace.Rules.PAPER;
            List<Map<String, SortedSet<Integer>>> layers = new ArrayList<>();
            for (Map<Integer, SortedSet<Integer>> layer : trace.layers()) {
                Map<String, SortedSet<Integer>> byPosition = new LinkedHashMap<>();
                layer.forEach((position, vertices) -> byPosition.put(Integer.toString(position), vertices));
                layers.add(byPosition);
            }
            List<Object> operations = new ArrayList<>();
            for (Trace.Operation op : trace.operations()) {
                double weight = Math.round(op.weight() * 1e4) / 1e4;
                operations.add(paper ? new PaperOperationLine(op.layer(), op.source(), op.destination(), op.kind().id(), op.sign(), weight,
                        op.causes(), op.direction()) : new OperationLine(op.layer(), op.source(), op.destination(), op.kind().id(), op.sign(), weight));
            }
            List<SetScoreLine> scores = null;
            if (!trace.layers().isEmpty()) {
                SearchInput input = Tokenizer.decode(model.config().layout(), tokens);
                scores = SetScores.of(trace, input, tokens).stream().map(SetScoreLine::of).toList();
            }
            return new TraceLine(trace.explained(), trace.rules().id(), paper ? trace.pathMergeOperations() : null,
                    paper ? trace.suboptimalPathMergeRoots() : null, trace.reason(), trace.forwardPasses(),
                    trace.replacement() == null ? null : trace.replacement().id(), trace.predicted(), layers, operations, scores);
        }
    }

    /** An attention operation of the circuit (lenient rules). */
    record OperationLine(int layer, int source, int destination, String kind, int sign, double weight) {
    }

    /** An attention operation under the paper's rules: what caused it, and its copy direction (f, b, * or null). */
    record PaperOperationLine(int layer, int source, int destination, String kind, int sign, double weight, List<String> causes,
                              String direction) {
    }

    /** One layer's extracted sets scored against the true reachable sets. */
    public record SetScoreLine(int layer, int vertexTokens, double meanSetSize,
                               @JsonProperty("mean_true_size_within_2_to_the_l") double meanTrueSizeWithin2ToTheL, double precision,
                               double pathPrecision, @JsonProperty("recall_within_2_to_the_l") double recallWithin2ToTheL, double soundShare) {
        public static SetScoreLine of(SetScores s) {
            return new SetScoreLine(s.layer(), s.nodes(), round(s.meanSize()), round(s.meanTrueSize()), round(s.precision()),
                    round(s.pathPrecision()), round(s.recall()), round(s.soundShare()));
        }
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1e4) / 1e4;
    }
}
