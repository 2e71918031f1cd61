package dev.lookahead.search;

import java.nio.file.Path;
import java.util.Locale;

/** The graph file formats the workbench reads and writes. */
public enum GraphFormat {
    /** The workbench's own versioned JSON. */
    JSON("json"),
    /** Graphviz DOT; start and goal as {@code role} attributes, positions as {@code pos}. */
    DOT("dot"),
    GRAPHML("graphml"),
    /** One line of token ids as the model reads them; its length is n. */
    TOKENS("tokens");

    private final String extension;

    GraphFormat(String extension) {
        this.extension = extension;
    }

    public String extension() {
        return extension;
    }

    public static GraphFormat of(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        if (name.endsWith(".json")) return JSON;
        if (name.endsWith(".dot") || name.endsWith(".gv")) return DOT;
        if (name.endsWith(".graphml") || name.endsWith(".xml")) return GRAPHML;
        if (name.endsWith(".tokens") || name.endsWith(".txt")) return TOKENS;
        throw new IllegalArgumentException(file.getFileName() + ": unknown graph format (use .json, .dot, .graphml or .tokens)");
    }
}
