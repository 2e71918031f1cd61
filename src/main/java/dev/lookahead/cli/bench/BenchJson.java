package dev.lookahead.cli.bench;

import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option every bench command shares: where to write its figures, as a JSON object (a record, serialised as it stands). */
public final class BenchJson {
    @OutputFile
    @Option(names = "--json", description = "Write the figures here as JSON.")
    Path json;

    /** Writes the summary atomically when {@code --json} was given. */
    void write(Object summary) throws IOException {
        if (json != null) AtomicFiles.writeString(json, Json.pretty(summary));
    }
}
