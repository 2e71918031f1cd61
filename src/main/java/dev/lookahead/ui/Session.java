package dev.lookahead.ui;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.SearchGraph;
import java.io.IOException;
import java.nio.file.Path;

/**
 * What the Explorer shows, as a file: the graph (with its drawing positions), its title, the model,
 * the layer and the chosen vertex. Saved on request, and autosaved so that a crash loses nothing.
 *
 * @param model  a shipped model's name or a training folder, or null for none
 * @param vertex the vertex whose reachable set is shown, or null
 */
public record Session(SearchGraph graph, String title, String model, int layer, Integer vertex) {
    public static final String FORMAT = "lookahead-session";
    public static final String EXTENSION = ".lookahead-session.json";

    public void write(Path file) throws IOException {
        AtomicFiles.writeString(file, Json.pretty(new SessionJson(FORMAT, 1, title, model, layer, vertex,
                Json.MAPPER.readTree(GraphFiles.toJson(graph)))));
    }

    /** A session as its file holds it; the graph in the graph file's own format. */
    private record SessionJson(String format, int version, String title, @JsonInclude(JsonInclude.Include.NON_NULL) String model, int layer,
                               @JsonInclude(JsonInclude.Include.NON_NULL) Integer vertex, JsonNode graph) {
    }

    /** Reads a session; a damaged or foreign file is reported with its name and the problem. */
    public static Session read(Path file) throws IOException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not a session file (not valid JSON: " + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        if (json == null || !FORMAT.equals(json.path("format").asText())) {
            throw new IOException(file + ": not a session file (\"format\" is not \"" + FORMAT + "\")");
        }
        if (!json.path("graph").isObject()) throw new IOException(file + ": the session holds no \"graph\" object");
        SearchGraph graph = GraphFiles.parseJson(json.get("graph").toString(), file);
        return new Session(graph, json.path("title").asText("Restored graph"), json.hasNonNull("model") ? json.get("model").asText() : null,
                json.path("layer").asInt(0), json.hasNonNull("vertex") ? json.get("vertex").asInt() : null);
    }
}
