package dev.lookahead.model;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.search.Task;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Where models live: a folder (or class-path folder) with {@code model.json} (the shape) and
 * {@code weights.bin} (the parameters). {@code --model default} is the shipped n = 32 model, read from
 * the jar; other shipped models have short names ({@code n44}); anything else is a folder, such as a
 * training output.
 */
public final class ModelFiles {
    public static final String CONFIG = "model.json";
    public static final String WEIGHTS = "weights.bin";
    private static final String SHIPPED = "/models/";

    private ModelFiles() {
    }

    /** An opened model description: its shape, the task it was trained on, and a way to read its weights. */
    public record Source(String name, ModelConfig config, Task task, WeightsReader weights) {
        public Source(String name, ModelConfig config, WeightsReader weights) {
            this(name, config, Task.SEARCH, weights);
        }
    }

    @FunctionalInterface
    public interface WeightsReader {
        InputStream open() throws IOException;
    }

    /**
     * The names a build may ship, with the task each was trained on: the default (which a fresh window opens first), an
     * earlier snapshot of its training run, a path policy for the Preference Lab (docs/model-card-n32-paths.md), and the
     * in-context models (docs/model-card-dfs32.md, docs/model-card-si32.md).
     */
    private static final Map<String, Task> SHIPPABLE = shippable();

    private static Map<String, Task> shippable() {
        Map<String, Task> names = new LinkedHashMap<>();
        names.put("default", Task.SEARCH);
        names.put("n32-preview", Task.SEARCH);
        names.put("n32-paths", Task.SEARCH);
        names.put("dfs32", Task.DFS);
        names.put("si32", Task.SI);
        return names;
    }

    /** The models this build ships, the default first. */
    public static List<String> shipped() {
        return SHIPPABLE.keySet().stream().filter(ModelFiles::isShipped).toList();
    }

    /** The shipped models of one task. */
    public static List<String> shipped(Task task) {
        return shipped().stream().filter(name -> SHIPPABLE.get(name) == task).toList();
    }

    /** Whether a model of this name ships inside the jar. */
    public static boolean isShipped(String name) {
        return name != null && !name.contains("/") && ModelFiles.class.getResource(SHIPPED + name + "/" + CONFIG) != null;
    }

    /**
     * A file kept beside a model (e.g. its probes): among a shipped model's resources, or in its
     * training folder; null when the model has none.
     */
    public static InputStream openCompanion(String nameOrFolder, String file) throws IOException {
        String name = nameOrFolder == null ? "default" : nameOrFolder;
        if (isShipped(name)) {
            return ModelFiles.class.getResourceAsStream(SHIPPED + name + "/" + file);
        }
        Path path = Path.of(name).resolve(file);
        return Files.isRegularFile(path) ? Files.newInputStream(path) : null;
    }

    public static Source resolve(String nameOrFolder) throws IOException {
        String name = nameOrFolder == null ? "default" : nameOrFolder;
        String shipped = SHIPPED + name + "/";
        if (isShipped(name)) {
            try (InputStream config = ModelFiles.class.getResourceAsStream(shipped + CONFIG)) {
                JsonNode json = Json.MAPPER.readTree(config);
                return new Source(name, readConfig(json, name), readTask(json, name), () -> ModelFiles.class.getResourceAsStream(shipped + WEIGHTS));
            }
        }
        Path folder = Path.of(name);
        if (!Files.isDirectory(folder)) {
            if ("default".equals(name)) {
                throw new IOException("no default model is shipped in this build yet (resources/models/default); "
                        + "train one with the train command and pass its folder to --model");
            }
            throw new IOException("--model " + name + ": not a shipped model name and not a folder");
        }
        Path config = folder.resolve(CONFIG);
        Path weights = folder.resolve(WEIGHTS);
        if (!Files.isRegularFile(config) || !Files.isRegularFile(weights)) {
            throw new IOException(folder + " is not a model folder: it needs " + CONFIG + " and " + WEIGHTS);
        }
        JsonNode description;
        try {
            description = Json.MAPPER.readTree(config.toFile());
        } catch (IOException e) {
            throw new IOException(config + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        return new Source(folder.toString(), readConfig(description, config.toString()), readTask(description, config.toString()),
                () -> Files.newInputStream(weights));
    }

    /** The task a model was trained on: {@code task} in model.json, search when absent (models made before the in-context tasks). */
    public static Task readTask(JsonNode json, String where) throws IOException {
        if (json == null || !json.hasNonNull("task")) return Task.SEARCH;
        try {
            return Task.parse(json.get("task").asText());
        } catch (IllegalArgumentException e) {
            throw new IOException(where + ": " + e.getMessage(), e);
        }
    }

    public static ModelConfig readConfig(JsonNode json, String where) throws IOException {
        if (json == null || !json.isObject()) throw new IOException(where + ": not a model description (expected a JSON object)");
        for (String field : List.of("n", "layers", "hidden", "heads")) {
            if (!json.path(field).isInt()) {
                throw new IOException(where + ": not a model description (the field \"" + field + "\" must be an integer, found "
                        + (json.has(field) ? json.get(field) : "nothing") + ")");
            }
        }
        try {
            return new ModelConfig(json.get("n").asInt(), json.get("layers").asInt(), json.get("hidden").asInt(),
                    json.get("heads").asInt(), json.path("learned_token_embedding").asBoolean(false),
                    json.path("causal").asBoolean(false));
        } catch (RuntimeException e) {
            throw new IOException(where + ": not a model description (" + e.getMessage() + ")", e);
        }
    }

    public static ObjectNode configJson(ModelConfig config) {
        return Json.fields(new ConfigJson(config.n(), config.layers(), config.hidden(), config.heads(), config.learnedTokenEmbedding(),
                config.causal(), config.width(), config.parameterCount()));
    }

    /** A model's shape as {@code model.json} holds it, with the width and parameter count it implies (for readers). */
    record ConfigJson(int n, int layers, int hidden, int heads, boolean learnedTokenEmbedding, boolean causal, int width, long parameters) {
    }

    public static void writeConfig(ModelConfig config, Path folder) throws IOException {
        writeConfig(config, Task.SEARCH, folder);
    }

    /** model.json; a model of an in-context task also records {@code task}. */
    public static void writeConfig(ModelConfig config, Task task, Path folder) throws IOException {
        ObjectNode json = configJson(config);
        if (task != Task.SEARCH) json.put("task", task.id());
        AtomicFiles.writeString(folder.resolve(CONFIG), Json.pretty(json));
    }

    /** Writes a folder that {@code --model FOLDER} loads: model.json and weights.bin, each atomically. */
    public static void save(SearchModel model, Path folder) throws IOException {
        Files.createDirectories(folder);
        writeConfig(model.config(), folder);
        writeWeights(model, folder);
    }

    /** Writes the model's weights.bin into the folder, atomically. */
    public static void writeWeights(SearchModel model, Path folder) throws IOException {
        AtomicFiles.writeBytes(folder.resolve(WEIGHTS), out -> {
            java.io.BufferedOutputStream buffered = new java.io.BufferedOutputStream(out);
            model.saveWeights(buffered);
            buffered.flush();
        });
    }
}
