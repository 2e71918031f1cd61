package dev.lookahead.judges;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.io.WrongShapeException;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * Reward scores in the shapes RewardBench's tools and the workbench write (docs/user-guide.md, "Judges"), told apart by
 * their content: JSON lines with {@code score_chosen}/{@code score_rejected} (the workbench's) or
 * {@code scores_chosen}/{@code scores_rejected} (the rewardbench command's {@code _outputs.jsonl}), each with its
 * {@code subset}; or one JSON object of columns ({@code subset}, {@code scores_chosen}, {@code scores_rejected}: lists),
 * as {@code scripts/run_rm.py} saves its scores. A missing or NaN score is kept as NaN, so the pair counts wrong.
 */
public final class RewardBenchFiles {
    /** The pairs read and the records refused ("file line N: problem"). */
    public record Read(List<RewardBench.Pair> pairs, List<String> problems) {
    }

    private RewardBenchFiles() {
    }

    public static Read read(Path file) throws IOException {
        JsonNode first = firstValue(file);
        if (first != null && first.path("subset").isArray()) return columns(file, first);
        List<RewardBench.Pair> pairs = new ArrayList<>();
        List<String> problems = JsonLines.read(file, share -> { }, () -> false, (n, line) -> {
            String[] fields = scoreFields(line);
            if (fields == null) {
                throw new IllegalArgumentException("no scores_chosen or score_chosen field; expected reward scores: {subset, score_chosen,"
                        + " score_rejected} or the rewardbench command's outputs");
            }
            pairs.add(new RewardBench.Pair(subset(line.get("subset")), score(line.get(fields[0]), fields[0]), score(line.get(fields[1]), fields[1])));
        });
        return new Read(pairs, problems);
    }

    private static String[] scoreFields(JsonNode line) {
        if (line.has("scores_chosen") || line.has("scores_rejected")) return new String[] {"scores_chosen", "scores_rejected"};
        if (line.has("score_chosen") || line.has("score_rejected")) return new String[] {"score_chosen", "score_rejected"};
        return null;
    }

    private static Read columns(Path file, JsonNode table) {
        JsonNode subsets = table.get("subset");
        JsonNode chosen = table.path("scores_chosen");
        JsonNode rejected = table.path("scores_rejected");
        if (!chosen.isArray() || !rejected.isArray()) {
            throw new WrongShapeException(file.getFileName() + " is a table of columns without scores_chosen and scores_rejected lists; expected"
                    + " run_rm.py's scores (subset, scores_chosen, scores_rejected)");
        }
        if (chosen.size() != subsets.size() || rejected.size() != subsets.size()) {
            throw new WrongShapeException(file.getFileName() + ": the columns differ in length (subset " + subsets.size() + ", scores_chosen "
                    + chosen.size() + ", scores_rejected " + rejected.size() + ")");
        }
        List<RewardBench.Pair> pairs = new ArrayList<>();
        List<String> problems = new ArrayList<>();
        for (int i = 0; i < subsets.size(); i++) {
            try {
                pairs.add(new RewardBench.Pair(subset(subsets.get(i)), score(chosen.get(i), "scores_chosen"), score(rejected.get(i), "scores_rejected")));
            } catch (IllegalArgumentException e) {
                problems.add(file.getFileName() + " row " + (i + 1) + ": " + e.getMessage());
            }
        }
        return new Read(pairs, problems);
    }

    private static String subset(JsonNode subset) {
        if (subset == null || !subset.isTextual()) throw new IllegalArgumentException("\"subset\" is missing");
        return subset.asText();
    }

    /** A score: a number, NaN, a list of one number, or missing/null (NaN). */
    private static double score(JsonNode value, String field) {
        if (value == null || value.isNull()) return Double.NaN;
        if (value.isArray()) {
            if (value.size() != 1) throw new IllegalArgumentException("\"" + field + "\" holds " + value.size() + " scores; expected one");
            return score(value.get(0), field);
        }
        if (value.isNumber()) return value.asDouble();
        if (value.isTextual() && value.asText().equalsIgnoreCase("nan")) return Double.NaN;
        throw new IllegalArgumentException("\"" + field + "\" must be a number (got " + value + ")");
    }

    /** The file's first JSON value, or null when it does not start with one. */
    private static JsonNode firstValue(Path file) throws IOException {
        if (JsonLines.firstCharacter(file) != '{') return null;
        try (var parser = Json.MAPPER.getFactory().createParser(file.toFile())) {
            return Json.MAPPER.readTree(parser);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            return null;
        }
    }
}
