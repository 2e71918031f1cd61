package dev.lookahead.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.search.DfsGenerator;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Task;
import dev.lookahead.train.CurriculumRule;
import dev.lookahead.train.TrainingConfig;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Set;

/**
 * A grid of training runs: every combination of graph size, layers, hidden size and training
 * distribution, each with several seeds and the same budget. Read from a JSON file such as
 * <pre>{"n": [20, 26, 32], "layers": [6], "hidden": [16], "distribution": ["balanced"],
 *  "seeds": [1, 2, 3], "examples": 400000}</pre>
 * Every other training setting may be given once for all jobs ({@code heads, max_lookahead, curriculum, init,
 * batch, lr, warmup, eval_every, eval_per_lookahead, device}); without {@code max_lookahead} each job
 * trains on its size's default. {@code "task": "dfs"} or {@code "si"} trains the paper's in-context tasks instead
 * (docs/user-guide.md, "Search in context"): no distribution then, and for dfs {@code max_lookahead} is the largest
 * backtrack (default T - 1 at each size).
 *
 * @param distributions each entry is one job's training mix: "balanced", "naive", "star" or "mix"
 * @param task          search, dfs or si
 */
public record SweepSpec(List<Integer> n, List<Integer> layers, List<Integer> hidden, List<String> distributions,
                        List<Long> seeds, long examples, int heads, Integer maxLookahead, CurriculumRule curriculum,
                        Initialization initialization,
                        int batch, float learningRate, int warmup, long evalEvery, int evalPerLookahead, String device, Task task) {

    private static final Set<String> FIELDS = Set.of("n", "layers", "hidden", "distribution", "seeds", "examples", "heads",
            "max_lookahead", "curriculum", "init", "batch", "lr", "warmup", "eval_every", "eval_per_lookahead", "device", "task");

    public SweepSpec {
        n = List.copyOf(n);
        layers = List.copyOf(layers);
        hidden = List.copyOf(hidden);
        distributions = List.copyOf(distributions);
        seeds = List.copyOf(seeds);
        task = task == null ? Task.SEARCH : task;
        if (!task.inContext()) distributions.forEach(Distribution::parseMix); // fails early on a misspelt name
    }

    /** Reads a spec; a mistake is reported with the file and the field. */
    public static SweepSpec read(Path file) throws IOException {
        JsonNode json;
        try {
            json = Json.MAPPER.readTree(file.toFile());
        } catch (IOException e) {
            throw new IOException(file + ": not valid JSON (" + e.getMessage().lines().findFirst().orElse("") + ")", e);
        }
        try {
            return fromJson(json);
        } catch (IllegalArgumentException e) {
            throw new IOException(file + ": " + e.getMessage(), e);
        }
    }

    public static SweepSpec fromJson(JsonNode json) {
        if (json == null || !json.isObject()) throw new IllegalArgumentException("a sweep spec is a JSON object");
        for (Iterator<String> names = json.fieldNames(); names.hasNext(); ) {
            String name = names.next();
            if (!FIELDS.contains(name)) throw new IllegalArgumentException("unknown field \"" + name + "\" (known: " + String.join(", ", FIELDS.stream().sorted().toList()) + ")");
        }
        Task task = Task.parse(json.path("task").asText("search"));
        if (task.inContext() && json.has("distribution")) {
            throw new IllegalArgumentException("field \"distribution\" belongs to the search task; the " + task.id() + " task has its own generator");
        }
        return new SweepSpec(ints(json, "n", null), ints(json, "layers", 6), ints(json, "hidden", 16),
                task.inContext() ? List.of(task.id()) : strings(json, "distribution", "balanced"),
                ints(json, "seeds", 1).stream().map(Integer::longValue).toList(), number(json, "examples", null).longValue(),
                number(json, "heads", 1).intValue(), json.hasNonNull("max_lookahead") ? number(json, "max_lookahead", null).intValue() : null,
                CurriculumRule.fromJson(json.get("curriculum")), Initialization.parse(json.path("init").asText("pytorch")),
                number(json, "batch", 256).intValue(), number(json, "lr", 5e-4).floatValue(),
                number(json, "warmup", 500).intValue(), json.hasNonNull("eval_every") ? number(json, "eval_every", null).longValue() : 0,
                number(json, "eval_per_lookahead", 200).intValue(), json.path("device").asText("auto"), task);
    }

    /** The spec as {@code sweep.json} holds it, in the names a spec file is written in. */
    public ObjectNode toJson() {
        return Json.fields(new SpecJson(n, layers, hidden, task.inContext() ? null : distributions, seeds, examples, heads, maxLookahead,
                curriculum.id(), initialization.id(), batch, learningRate, warmup, evalEvery > 0 ? evalEvery : null, evalPerLookahead, device,
                task.inContext() ? task.id() : null));
    }

    /** A spec's fields under their file names ({@code distribution}, {@code eval_every} only when set). */
    record SpecJson(List<Integer> n, List<Integer> layers, List<Integer> hidden,
                    @JsonInclude(JsonInclude.Include.NON_NULL) @JsonProperty("distribution") List<String> distributions,
                    List<Long> seeds, long examples, int heads, @JsonInclude(JsonInclude.Include.NON_NULL) Integer maxLookahead,
                    String curriculum, String init, int batch, float lr, int warmup,
                    @JsonInclude(JsonInclude.Include.NON_NULL) Long evalEvery, int evalPerLookahead, String device,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String task) {
    }

    /** The jobs in a fixed order (n, then layers, hidden, distribution, seed), so an index names a job on any machine. */
    public List<SweepJob> jobs() {
        List<SweepJob> jobs = new ArrayList<>();
        for (int size : n) {
            for (int depth : layers) {
                for (int width : hidden) {
                    for (String distribution : distributions) {
                        for (long seed : seeds) {
                            ModelConfig model = new ModelConfig(size, depth, width, heads, false, false);
                            int largest = maxLookahead != null ? maxLookahead
                                    : task == Task.DFS ? DfsGenerator.traceSlots(model.layout()) - 1 : model.layout().defaultMaxLookahead();
                            // four held-out evaluations per job draw its curve without slowing it much
                            long every = evalEvery > 0 ? evalEvery : Math.max(batch, examples / 4);
                            TrainingConfig config = new TrainingConfig(model, initialization,
                                    task.inContext() ? List.of(Distribution.BALANCED) : Distribution.parseMix(distribution), largest,
                                    curriculum, examples, batch,
                                    learningRate, warmup, 0.01f, 1.0f, seed, device, every, evalPerLookahead, task);
                            String id = "n%d-l%d-h%d-%s-s%d".formatted(size, depth, width, distribution, seed);
                            jobs.add(new SweepJob(jobs.size(), id, distribution, config));
                        }
                    }
                }
            }
        }
        return jobs;
    }

    private static Number number(JsonNode json, String field, Number fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null) throw new IllegalArgumentException("field \"" + field + "\" is required");
            return fallback;
        }
        if (!node.isNumber()) throw new IllegalArgumentException("field \"" + field + "\" must be a number, got " + node);
        return node.numberValue();
    }

    private static List<Integer> ints(JsonNode json, String field, Integer fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) {
            if (fallback == null) throw new IllegalArgumentException("field \"" + field + "\" is required (a list of numbers)");
            return List.of(fallback);
        }
        List<Integer> values = new ArrayList<>();
        for (JsonNode item : node.isArray() ? node : List.of(node)) {
            if (!item.canConvertToInt() || !item.isIntegralNumber()) throw new IllegalArgumentException("field \"" + field + "\" must hold whole numbers, got " + item);
            values.add(item.intValue());
        }
        if (values.isEmpty()) throw new IllegalArgumentException("field \"" + field + "\" is empty");
        return values;
    }

    private static List<String> strings(JsonNode json, String field, String fallback) {
        JsonNode node = json.get(field);
        if (node == null || node.isNull()) return List.of(fallback);
        List<String> values = new ArrayList<>();
        for (JsonNode item : node.isArray() ? node : List.of(node)) values.add(item.asText());
        if (values.isEmpty()) throw new IllegalArgumentException("field \"" + field + "\" is empty");
        return values;
    }
}
