package dev.lookahead.cli;

import dev.lookahead.model.ModelConfig;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.SearchInput;
import java.io.IOException;
import java.nio.file.Path;

/** A {@code --graph} file turned into the model's first-step input, refused with the reason when it does not fit. */
public final class ModelGraphInput {
    private ModelGraphInput() {
    }

    public static SearchInput read(Path file, ModelConfig config) throws IOException {
        SearchGraph graph = GraphFiles.read(file);
        var reason = graph.whyNotFor(config.layout());
        if (reason.isPresent()) throw new IllegalArgumentException(file.getFileName() + ": " + reason.get());
        return graph.toInput(config.layout());
    }
}
