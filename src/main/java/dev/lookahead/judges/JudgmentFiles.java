package dev.lookahead.judges;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The judgments files the Judges Lab reads (docs/user-guide.md, "Judges"): pairwise items, or pointwise responses
 * with people's ranks. A malformed line is reported with its number and left out, never fatal.
 */
public final class JudgmentFiles {
    /** What a file gave: its items and the lines refused ("file line N: problem"). */
    public record Read<T>(List<T> items, List<String> problems) {
    }

    /** One pointwise line: a response to a prompt, people's rank of it (null when unranked) and the judges' outputs. */
    public record PointwiseResponse(String id, String prompt, String response, Double humanRank, List<String> outputs) {
    }

    private JudgmentFiles() {
    }

    /** Whether the file's first item is pointwise (a "response" and no "response_a"). */
    public static boolean isPointwise(Path file) throws IOException {
        boolean[] pointwise = new boolean[1];
        boolean[] seen = new boolean[1];
        JsonLines.read(file, share -> { }, () -> seen[0], (n, line) -> {
            seen[0] = true;
            pointwise[0] = line.has("response") && !line.has("response_a");
        });
        return pointwise[0];
    }

    public static Read<PairwiseItem> pairwise(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        List<PairwiseItem> items = new ArrayList<>();
        List<String> problems = JsonLines.read(file, progress, cancelled, (n, line) -> items.add(item(line)));
        return new Read<>(items, problems);
    }

    public static PairwiseItem item(JsonNode line) {
        JsonNode judgments = line.get("judgments");
        if (judgments == null || !judgments.isArray()) throw new IllegalArgumentException("\"judgments\" must be a list");
        List<PairwiseItem.Judgment> list = new ArrayList<>();
        for (JsonNode j : judgments) {
            JsonNode order = j.get("order");
            if (order == null || !order.isTextual()) throw new IllegalArgumentException("each judgment needs \"order\": \"ab\" or \"ba\"");
            JsonNode output = j.get("output");
            list.add(new PairwiseItem.Judgment(j.path("judge").asText(""), order.asText(), output == null || output.isNull() ? null : output.asText()));
        }
        JsonNode label = line.get("label");
        JsonNode category = line.get("category");
        return new PairwiseItem(line.path("id").asText(""), category == null || category.isNull() ? "" : category.asText(),
                label == null || label.isNull() ? null : label.asText(), list, line.path("prompt").asText(""), line.path("response_a").asText(""),
                line.path("response_b").asText(""));
    }

    public static Read<PointwiseResponse> pointwise(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        List<PointwiseResponse> items = new ArrayList<>();
        List<String> problems = JsonLines.read(file, progress, cancelled, (n, line) -> items.add(pointwiseResponse(line)));
        return new Read<>(items, problems);
    }

    public static PointwiseResponse pointwiseResponse(JsonNode line) {
        JsonNode prompt = line.get("prompt");
        JsonNode response = line.get("response");
        if (prompt == null || response == null) throw new IllegalArgumentException("a pointwise line needs \"prompt\" and \"response\"");
        List<String> outputs = new ArrayList<>();
        for (JsonNode j : line.path("judgments")) outputs.add(j.path("output").isNull() ? null : j.path("output").asText(null));
        JsonNode rank = line.get("human_rank");
        if (rank != null && !rank.isNull() && !rank.isNumber()) throw new IllegalArgumentException("\"human_rank\" must be a number");
        return new PointwiseResponse(line.path("id").asText(""), prompt.asText(), response.asText(), rank == null || rank.isNull() ? null : rank.asDouble(),
                outputs);
    }

    /** Per prompt, the ranked responses with a score: each score the mean of its outputs' rubric scores. */
    public static List<RankAgreement.Group> groups(List<PointwiseResponse> responses, RubricScores scores) {
        Map<String, List<double[]>> byPrompt = new LinkedHashMap<>();
        for (PointwiseResponse r : responses) {
            OptionalDouble mean = meanScore(r, scores);
            if (r.humanRank() == null || mean.isEmpty()) continue;
            byPrompt.computeIfAbsent(r.prompt(), p -> new ArrayList<>()).add(new double[] {r.humanRank(), mean.getAsDouble()});
        }
        List<RankAgreement.Group> groups = new ArrayList<>();
        byPrompt.forEach((prompt, list) -> groups.add(new RankAgreement.Group(prompt, list.stream().mapToDouble(d -> d[0]).toArray(),
                list.stream().mapToDouble(d -> d[1]).toArray())));
        return groups;
    }

    /** The mean of the rubric scores read from a response's judgments; empty when none has one. */
    public static OptionalDouble meanScore(PointwiseResponse r, RubricScores scores) {
        return r.outputs().stream().map(scores::read).filter(OptionalDouble::isPresent).mapToDouble(OptionalDouble::getAsDouble).average();
    }
}
