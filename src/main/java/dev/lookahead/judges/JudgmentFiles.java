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
import java.util.Set;
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

    /** The pairwise items of a file; an id a line repeats is that line's problem (the first line's item is kept, never both). */
    public static Read<PairwiseItem> pairwise(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        List<PairwiseItem> items = new ArrayList<>();
        Map<String, Integer> firstLine = new java.util.HashMap<>();
        List<String> problems = JsonLines.read(file, progress, cancelled, (n, line) -> items.add(once(item(line), PairwiseItem::id, n, firstLine)));
        return new Read<>(items, problems);
    }

    /** {@code item}, unless its id (when it has one) was on an earlier line. */
    private static <T> T once(T item, java.util.function.Function<T, String> id, int line, Map<String, Integer> firstLine) {
        String key = id.apply(item);
        if (key.isEmpty()) return item;
        Integer earlier = firstLine.putIfAbsent(key, line);
        if (earlier != null) {
            throw new IllegalArgumentException("id \"" + key + "\" is also on line " + earlier + "; the item there is counted, this one is not");
        }
        return item;
    }

    /**
     * One line as a pairwise item: the workbench's shape, or one of FastChat's pairwise judgments (llm_judge's
     * {@code model_judgment/*_pair.jsonl}: question_id, model_1, model_2, g1_judgment with model_1 shown first, g2_judgment
     * with model_2 shown first, judge, turn), whose item is the pair of models on one question and turn.
     */
    public static PairwiseItem item(JsonNode line) {
        if (!line.isObject()) throw new IllegalArgumentException("not a JSON object; each line is one pairwise item");
        if (line.has("g1_judgment") || line.has("g2_judgment")) return fastChatItem(line);
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

    private static PairwiseItem fastChatItem(JsonNode line) {
        String model1 = required(line, "model_1");
        String model2 = required(line, "model_2");
        JsonNode judge = line.path("judge");
        String judgeName = judge.asText("");
        if (judge.isArray()) {
            List<String> parts = new ArrayList<>();
            judge.forEach(part -> parts.add(part.asText()));
            judgeName = String.join(" ", parts);
        }
        List<PairwiseItem.Judgment> judgments = List.of(new PairwiseItem.Judgment(judgeName, "ab", text(line, "g1_judgment")),
                new PairwiseItem.Judgment(judgeName, "ba", text(line, "g2_judgment")));
        int turn = line.path("turn").asInt(1);
        return new PairwiseItem(pairKey(required(line, "question_id"), model1, model2, turn), "turn " + turn, null, judgments, "", model1, model2);
    }

    private static String required(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("a FastChat pairwise judgment needs \"" + field + "\"");
        return value.asText();
    }

    private static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        return value == null || value.isNull() ? null : value.asText();
    }

    /** The id of a FastChat item: question, the two models in the judgment file's order, and the turn. */
    private static String pairKey(String question, String model1, String model2, int turn) {
        return question + " | " + model1 + " | " + model2 + " | turn " + turn;
    }

    /**
     * People's votes on FastChat items from MT-Bench's human judgments (question_id, model_a, model_b, winner: model_a,
     * model_b or a tie, turn; JSON lines or one array), each vote put on the item of the same question, models (in either
     * order) and turn as "a" (model_1 won), "b" or "tie". Items nobody voted on keep no label.
     */
    public static Read<PairwiseItem> withHumanVotes(List<PairwiseItem> items, Path labels) throws IOException {
        Map<String, List<String[]>> votes = new LinkedHashMap<>(); // question|turn -> {model_a, model_b, winning model or "tie"}
        List<String> problems = JsonLines.readRecords(labels, share -> { }, () -> false, (n, line) -> {
            String a = required(line, "model_a");
            String b = required(line, "model_b");
            String winner = required(line, "winner");
            String won = winner.startsWith("tie") ? "tie" : winner.equals("model_a") ? a : winner.equals("model_b") ? b : null;
            if (won == null) throw new IllegalArgumentException("\"winner\" must be model_a, model_b or a tie (got \"" + winner + "\")");
            votes.computeIfAbsent(required(line, "question_id") + "|" + line.path("turn").asInt(1), k -> new ArrayList<>())
                    .add(new String[] {a, b, won});
        });
        List<PairwiseItem> labelled = new ArrayList<>();
        for (PairwiseItem item : items) {
            String question = item.id().split(" \\| ")[0];
            String turn = item.category().replace("turn ", "");
            List<String> mine = new ArrayList<>();
            for (String[] vote : votes.getOrDefault(question + "|" + turn, List.of())) {
                boolean samePair = Set.of(vote[0], vote[1]).equals(Set.of(item.responseA(), item.responseB()));
                if (samePair) mine.add(vote[2].equals("tie") ? "tie" : vote[2].equals(item.responseA()) ? "a" : "b");
            }
            labelled.add(mine.isEmpty() ? item : item.withVotes(mine));
        }
        return new Read<>(labelled, problems);
    }

    public static Read<PointwiseResponse> pointwise(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        List<PointwiseResponse> items = new ArrayList<>();
        Map<String, Integer> firstLine = new java.util.HashMap<>();
        List<String> problems = JsonLines.read(file, progress, cancelled,
                (n, line) -> items.add(once(pointwiseResponse(line), PointwiseResponse::id, n, firstLine)));
        return new Read<>(items, problems);
    }

    public static PointwiseResponse pointwiseResponse(JsonNode line) {
        JsonNode prompt = line.get("prompt");
        JsonNode response = line.get("response");
        if (prompt == null || response == null) throw new IllegalArgumentException("a pointwise line needs \"prompt\" and \"response\"");
        if (line.has("judgments") && !line.get("judgments").isArray()) throw new IllegalArgumentException("\"judgments\" must be a list");
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
