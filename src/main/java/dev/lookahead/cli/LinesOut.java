package dev.lookahead.cli;

import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option of every command that writes JSON lines: a file to write them to, atomically, or standard output. */
public final class LinesOut {
    @OutputFile
    @Option(names = "--out", description = "Write the lines here (atomically) instead of standard output.")
    Path out;

    /** The file given, or null for standard output. */
    public Path path() {
        return out;
    }
}
