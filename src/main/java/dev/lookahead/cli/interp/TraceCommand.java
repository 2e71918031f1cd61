package dev.lookahead.cli.interp;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
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

    @Option(names = "--graph", description = "One graph (JSON, DOT, GraphML or a token line) with start and goal.")
    Path graph;

    @Option(names = "--in", description = "Lines with n and tokens (first-step inputs); one output line per input line.")
    Path in;

    @Option(names = "--out", description = "Write the lines here (atomically) instead of standard output.")
    Path out;

    @Mixin
    TraceOptions tracing;

    @Override
    public Integer call() throws Exception {
        if ((graph == null) == (in == null)) throw new IllegalArgumentException("trace needs exactly one of --graph and --in");
        try (SearchModel model = SearchModel.open(options.model, options.device)) {
            CircuitTracer tracer = tracing.tracer(model);
            if (graph != null) {
                int[] tokens = Tokenizer.encode(ModelGraphInput.read(graph, model.config()));
                ObjectNode line = Json.MAPPER.createObjectNode();
                line.put("graph", graph.toString());
                line.put("n", tokens.length);
                line.set("tokens", LineFields.ints(tokens));
                put(line, tracer.trace(tokens, () -> false), tokens, model);
                Output.write(out, writer -> writer.write(line + "\n"));
                report(line);
                return 0;
            }
            int[] seen = new int[2];
            JsonLineMapper mapper = new JsonLineMapper();
            int errors = mapper.map(in, out, line -> {
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
    static void put(ObjectNode line, Trace trace, int[] tokens, SearchModel model) {
        line.put("explained", trace.explained());
        line.put("rules", trace.rules().id());
        if (trace.rules() == Trace.Rules.PAPER) {
            line.put("path_merge_operations", trace.pathMergeOperations());
            line.put("suboptimal_path_merge_roots", trace.suboptimalPathMergeRoots());
        }
        if (trace.reason() == null) line.putNull("reason");
        else line.put("reason", trace.reason());
        line.put("forward_passes", trace.forwardPasses());
        if (trace.replacement() == null) line.putNull("replacement");
        else line.put("replacement", trace.replacement().id());
        line.put("predicted", trace.predicted());
        ArrayNode layers = line.putArray("layers");
        for (Map<Integer, SortedSet<Integer>> layer : trace.layers()) {
            ObjectNode entry = layers.addObject();
            layer.forEach((position, vertices) -> {
                ArrayNode ids = entry.putArray(Integer.toString(position));
                vertices.forEach(ids::add);
            });
        }
        ArrayNode operations = line.putArray("operations");
        for (Trace.Operation op : trace.operations()) {
            ObjectNode o = operations.addObject();
            o.put("layer", op.layer());
            o.put("source", op.source());
            o.put("destination", op.destination());
            o.put("kind", op.kind().id());
            o.put("sign", op.sign());
            o.put("weight", Math.round(op.weight() * 1e4) / 1e4);
            if (trace.rules() == Trace.Rules.PAPER) {
                ArrayNode causes = o.putArray("causes");
                op.causes().forEach(causes::add);
                if (op.direction() == null) o.putNull("direction");
                else o.put("direction", op.direction());
            }
        }
        if (trace.layers().isEmpty()) return;
        ArrayNode scores = line.putArray("set_scores");
        SearchInput input = Tokenizer.decode(model.config().layout(), tokens);
        for (SetScores s : SetScores.of(trace, input, tokens)) put(scores.addObject(), s);
    }

    /** One layer's set scores as JSON (shared with trace-stats). */
    static void put(ObjectNode entry, SetScores s) {
        entry.put("layer", s.layer());
        entry.put("vertex_tokens", s.nodes());
        entry.put("mean_set_size", round(s.meanSize()));
        entry.put("mean_true_size_within_2_to_the_l", round(s.meanTrueSize()));
        entry.put("precision", round(s.precision()));
        entry.put("path_precision", round(s.pathPrecision()));
        entry.put("recall_within_2_to_the_l", round(s.recall()));
        entry.put("sound_share", round(s.soundShare()));
    }

    private static double round(double value) {
        return Double.isNaN(value) ? value : Math.round(value * 1e4) / 1e4;
    }
}
