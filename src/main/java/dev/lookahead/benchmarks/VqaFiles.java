package dev.lookahead.benchmarks;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.io.WrongShapeException;
import java.io.IOException;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * VQA scored on the official files (docs/user-guide.md, "Benchmarks"): the annotation file ({@code annotations}:
 * question_id, question_type, answer_type, answers: [{answer, ...}]), the question file, and a results file (a JSON
 * array of {question_id, answer}), as the official evaluation (vqaEval.py) scores them: each question's accuracy by
 * {@link VqaAccuracy}, questions in the annotation file's order, and every figure times 100 rounded to two decimals -
 * overall, per question type, per answer type and per question. As the official loader does, the results must answer
 * exactly the annotation's questions.
 */
public final class VqaFiles {
    /** The official figures on the 0-100 scale, rounded as the official code rounds them. */
    public record Report(double overall, Map<String, Double> perQuestionType, Map<String, Double> perAnswerType, Map<String, Double> perQuestion,
                         long questions, double overallUnrounded) {
    }

    private record Question(String id, String questionType, String answerType, List<String> answers) {
    }

    private VqaFiles() {
    }

    public static Report score(Path results, Path annotations, Path questions) throws IOException {
        List<Question> gold = annotations(annotations);
        if (questions != null) requireQuestions(questions);
        Map<String, String> answers = results(results);
        List<String> missing = new ArrayList<>();
        for (Question q : gold) if (!answers.containsKey(q.id())) missing.add(q.id());
        long extra = answers.size() - (gold.size() - missing.size());
        if (!missing.isEmpty() || extra > 0) {
            throw new WrongShapeException(results.getFileName() + " does not answer exactly the questions of " + annotations.getFileName() + ": "
                    + missing.size() + " unanswered" + (missing.isEmpty() ? "" : " (e.g. question_id " + missing.get(0) + ")") + ", " + extra
                    + " answers to questions it does not hold; the official evaluation refuses such a file too");
        }
        List<Double> all = new ArrayList<>();
        Map<String, List<Double>> byQuestionType = new LinkedHashMap<>();
        Map<String, List<Double>> byAnswerType = new LinkedHashMap<>();
        Map<String, Double> perQuestion = new LinkedHashMap<>();
        for (Question q : gold) {
            double accuracy = VqaAccuracy.of(answers.get(q.id()), q.answers());
            all.add(accuracy);
            byQuestionType.computeIfAbsent(q.questionType(), k -> new ArrayList<>()).add(accuracy);
            byAnswerType.computeIfAbsent(q.answerType(), k -> new ArrayList<>()).add(accuracy);
            perQuestion.put(q.id(), percent(accuracy));
        }
        return new Report(percent(mean(all)), percents(byQuestionType), percents(byAnswerType), perQuestion, gold.size(), 100 * mean(all));
    }

    /** 100 x the value rounded to two decimals, as Python 3's round(x, 2) rounds (the exact binary value, ties to even). */
    static double percent(double fraction) {
        return new BigDecimal(100 * fraction).setScale(2, RoundingMode.HALF_EVEN).doubleValue();
    }

    private static Map<String, Double> percents(Map<String, List<Double>> groups) {
        Map<String, Double> out = new TreeMap<>();
        groups.forEach((k, v) -> out.put(k, percent(mean(v))));
        return out;
    }

    /** Summed left to right, as Python's sum does. */
    private static double mean(List<Double> values) {
        double sum = 0;
        for (double v : values) sum += v;
        return values.isEmpty() ? Double.NaN : sum / values.size();
    }

    private static List<Question> annotations(Path file) throws IOException {
        List<Question> questions = new ArrayList<>();
        boolean found = false;
        try (JsonParser parser = Json.MAPPER.getFactory().createParser(file.toFile())) {
            if (parser.nextToken() != JsonToken.START_OBJECT) {
                throw new WrongShapeException(file.getFileName() + " is not a VQA annotation file (a JSON object with \"annotations\")");
            }
            while (parser.nextToken() == JsonToken.FIELD_NAME) {
                String field = parser.currentName();
                parser.nextToken();
                if (!field.equals("annotations")) {
                    parser.skipChildren();
                    continue;
                }
                found = true;
                int item = 0;
                while (parser.nextToken() != JsonToken.END_ARRAY) {
                    item++;
                    questions.add(question(Json.MAPPER.readTree(parser), file, item));
                }
            }
        }
        if (!found) throw new WrongShapeException(file.getFileName() + " has no \"annotations\" list; expected the official VQA annotation file");
        return questions;
    }

    private static Question question(JsonNode a, Path file, int item) {
        JsonNode answers = a.get("answers");
        if (!a.has("question_id") || answers == null || !answers.isArray()) {
            throw new WrongShapeException(file.getFileName() + " annotation " + item + " needs question_id and answers");
        }
        List<String> texts = new ArrayList<>();
        for (JsonNode answer : answers) texts.add(answer.isObject() ? answer.path("answer").asText() : answer.asText());
        return new Question(a.get("question_id").asText(), a.path("question_type").asText(""), a.path("answer_type").asText(""), texts);
    }

    private static void requireQuestions(Path file) throws IOException {
        if (JsonLines.firstCharacter(file) != '{') {
            throw new WrongShapeException(file.getFileName() + " is not a VQA question file (a JSON object with \"questions\")");
        }
    }

    private static Map<String, String> results(Path file) throws IOException {
        if (JsonLines.firstCharacter(file) != '[') {
            throw new WrongShapeException(file.getFileName() + " is not a results array; the official results file is a JSON array of"
                    + " {question_id, answer}");
        }
        Map<String, String> answers = new HashMap<>();
        Map<String, Integer> firstItem = new HashMap<>();
        List<String> problems = JsonLines.readRecords(file, share -> { }, () -> false, (n, line) -> {
            JsonNode id = line.get("question_id");
            JsonNode answer = line.get("answer");
            if (id == null || answer == null || answer.isNull()) throw new IllegalArgumentException("needs question_id and answer");
            Integer earlier = firstItem.putIfAbsent(id.asText(), n);
            if (earlier != null) throw new IllegalArgumentException("question_id " + id.asText() + " is also item " + earlier + "; answer it once");
            answers.put(id.asText(), answer.asText());
        });
        if (!problems.isEmpty()) throw new WrongShapeException(String.join("; ", problems.subList(0, Math.min(5, problems.size()))));
        return answers;
    }
}
