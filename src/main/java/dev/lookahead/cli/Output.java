package dev.lookahead.cli;

import dev.lookahead.io.AtomicFiles;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** A command's result: written atomically to {@code --out}, or to standard output without it. */
public final class Output {
    private Output() {
    }

    public static void write(Path out, AtomicFiles.Content<Writer> content) throws IOException {
        if (out != null) {
            AtomicFiles.writeText(out, content);
        } else {
            Writer writer = new java.io.BufferedWriter(new OutputStreamWriter(System.out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(writer);
            writer.flush();
        }
    }
}
