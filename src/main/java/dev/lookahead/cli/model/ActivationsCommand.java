package dev.lookahead.cli.model;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.ModelGraphInput;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.Npz;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.Tensor;
import dev.lookahead.search.Tokenizer;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "activations", description = "Every activation of one forward pass, under TransformerLens-style names, as NPZ or JSON.")
public final class ActivationsCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @InputFile
    @Option(names = "--graph", required = true, description = "The graph (JSON, DOT, GraphML or a token line) with start and goal.")
    Path graph;

    @OutputFile
    @Option(names = "--out", required = true, description = "FILE.npz (numpy.load) or FILE.json.")
    Path out;

    @Override
    public Integer call() throws Exception {
        String name = out.getFileName().toString();
        if (!name.endsWith(".npz") && !name.endsWith(".json")) throw new IllegalArgumentException("--out must end in .npz or .json");
        try (SearchModel searchModel = SearchModel.openSearch(options.model, options.device)) {
            int[] tokens = Tokenizer.encode(ModelGraphInput.read(graph, searchModel.config()));
            Map<String, Tensor> captured = searchModel.capture(tokens);
            if (name.endsWith(".npz")) {
                Map<String, Npz.Array> arrays = new LinkedHashMap<>();
                float[] tokenValues = new float[tokens.length];
                for (int i = 0; i < tokens.length; i++) tokenValues[i] = tokens[i];
                arrays.put("tokens", new Npz.Array(new long[] {1, tokens.length}, tokenValues));
                captured.forEach((key, t) -> arrays.put(key, new Npz.Array(t.shape(), t.data())));
                Npz.write(out, arrays);
            } else {
                Map<String, Object> root = new LinkedHashMap<>();
                root.put("tokens", tokens);
                captured.forEach((key, t) -> root.put(key, new Activation(t.shape(), t.data())));
                AtomicFiles.writeString(out, Json.line(root));
            }
            System.err.printf("wrote %d activations to %s%n", captured.size(), out);
        }
        return 0;
    }

    /** One captured activation in JSON: its shape and its values, row-major. */
    record Activation(long[] shape, float[] data) {
    }
}
