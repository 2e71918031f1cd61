package dev.lookahead.cli;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** A command's JSON-lines output read back for a test. */
final class JsonLinesFile {
    private JsonLinesFile() {
    }

    static List<JsonNode> read(Path file) throws IOException {
        List<JsonNode> lines = new ArrayList<>();
        for (String text : Files.readAllLines(file)) lines.add(Json.MAPPER.readTree(text));
        return lines;
    }
}
