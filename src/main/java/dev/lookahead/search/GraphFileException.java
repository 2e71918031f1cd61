package dev.lookahead.search;

import java.io.IOException;
import java.nio.file.Path;

/** A graph file that cannot be read, with the file, the line when known, and the problem. */
public class GraphFileException extends IOException {
    private final Path file;
    private final int line;

    public GraphFileException(Path file, int line, String problem) {
        super(file.getFileName() + (line > 0 ? " line " + line : "") + ": " + problem);
        this.file = file;
        this.line = line;
    }

    public Path file() {
        return file;
    }

    /** 1-based line of the problem, or 0 when it concerns the whole file. */
    public int line() {
        return line;
    }
}
