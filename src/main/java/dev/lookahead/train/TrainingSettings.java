package dev.lookahead.train;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.GenerationMode;
import dev.lookahead.search.Task;
import java.util.ArrayList;
import java.util.List;

/** {@code training.json}: a run's settings, readable by people and by {@code --resume}. */
final class TrainingSettings {
    private TrainingSettings() {
    }

    static ObjectNode toJson(TrainingConfig c) {
        return Json.fields(new SettingsJson(ModelFiles.configJson(c.model()), c.initialization().id(),
                c.distributions().stream().map(d -> d.id()).toList(), c.maxLookahead(), c.curriculum().id(), c.examples(), c.batch(),
                "AdamW (beta1 0.9, beta2 0.99), linear warm-up then cosine to 0.1 x peak", c.learningRate(), c.warmupSteps(),
                c.weightDecay(), c.clipNorm(), c.seed(), c.device(), c.evalEvery(), c.evalPerLookahead(), c.task().id(), c.mode().id()));
    }

    /** A run's settings as {@code training.json} holds them ({@code optimizer} says in words what the trainer does). */
    record SettingsJson(ObjectNode model, String init, java.util.List<String> distributions, int maxLookahead, String curriculum, long examples,
                        int batch, String optimizer, float lr, int warmupSteps, float weightDecay, float clipNorm, long seed, String device,
                        long evalEvery, int evalPerLookahead, String task, String mode) {
    }

    /** Reads a run's settings; a damaged or incomplete file is named with what is wrong. */
    static TrainingConfig read(java.nio.file.Path file) throws java.io.IOException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(file.toFile());
        } catch (java.io.IOException e) {
            throw new java.io.IOException(file + ": not readable JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        for (String field : List.of("model", "distributions", "max_lookahead", "examples", "batch", "lr", "warmup_steps",
                "weight_decay", "clip_norm", "seed", "device", "eval_every", "eval_per_lookahead")) {
            if (json == null || !json.hasNonNull(field)) throw new java.io.IOException(file + ": the field \"" + field + "\" is missing");
        }
        try {
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new java.io.IOException(file + ": " + e.getMessage(), e);
        }
    }

    static TrainingConfig fromJson(JsonNode json) throws java.io.IOException {
        ModelConfig model = ModelFiles.readConfig(json.get("model"), TrainingRun.SETTINGS);
        List<Distribution> distributions = new ArrayList<>();
        json.get("distributions").forEach(d -> distributions.add(Distribution.parse(d.asText())));
        return new TrainingConfig(model, initialization(json), distributions, json.get("max_lookahead").asInt(),
                CurriculumRule.fromJson(json.get("curriculum")), json.get("examples").asLong(),
                json.get("batch").asInt(), (float) json.get("lr").asDouble(), json.get("warmup_steps").asInt(),
                (float) json.get("weight_decay").asDouble(), (float) json.get("clip_norm").asDouble(),
                json.get("seed").asLong(), json.get("device").asText(), json.get("eval_every").asLong(),
                json.get("eval_per_lookahead").asInt(), json.hasNonNull("task") ? Task.parse(json.get("task").asText()) : Task.SEARCH,
                json.hasNonNull("mode") ? GenerationMode.parse(json.get("mode").asText()) : GenerationMode.FIRST_STEP);
    }

    /** Runs written before {@code init} existed were initialised as DJL initialises. */
    private static Initialization initialization(JsonNode json) {
        return json.has("init") ? Initialization.parse(json.get("init").asText()) : Initialization.DJL;
    }

    static TrainingConfig withExamples(TrainingConfig c, long examples) {
        return new TrainingConfig(c.model(), c.initialization(), c.distributions(), c.maxLookahead(), c.curriculum(), examples,
                c.batch(), c.learningRate(), c.warmupSteps(), c.weightDecay(), c.clipNorm(), c.seed(), c.device(), c.evalEvery(),
                c.evalPerLookahead(), c.task(), c.mode());
    }
}
