package dev.lookahead.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POPE scored on the files its tool chain writes, as LLaVA's {@code eval_pope.py} scores them (docs/user-guide.md,
 * "Benchmarks"): a LLaVA answer file ({@code question_id}, {@code text}, ...), POPE's label files
 * ({@code coco_pope_<split>.json}: {@code question_id}, {@code label} per line), and optionally LLaVA's question file
 * ({@code question_id}, {@code category}). A label file's split is its name between {@code coco_pope_} and
 * {@code .json}; the answers of a split are those whose question has that category (all answers when there is one
 * label file and no question file), in the answer file's order. As the official script does, the split's answers
 * and its labels are paired by position, not by id; a label other than "no" counts as yes; and the yes-ratio is
 * taken over all the split's answers even when there are more answers than labels (a warning says so).
 */
public final class PopeFiles {
    /** One split: its answers paired with its labels, and the yes-ratio over all its answers. */
    public record Split(String name, List<Pope.Line> paired, long answers, long yesAnswers, String warning) {
        public Pope.Scores scores() {
            return Pope.score(paired).withYesRatio(answers == 0 ? 0 : (double) yesAnswers / answers);
        }
    }

    /** Every split read, and the records refused ("file line N: problem"). */
    public record Read(List<Split> splits, List<String> problems) {
        /** The figures over every split's pairs together (the yes-ratio over every answer). */
        public Pope.Scores overall() {
            List<Pope.Line> all = new ArrayList<>();
            long answers = 0;
            long yes = 0;
            for (Split s : splits) {
                all.addAll(s.paired());
                answers += s.answers();
                yes += s.yesAnswers();
            }
            return Pope.score(all).withYesRatio(answers == 0 ? 0 : (double) yes / answers);
        }
    }

    private record Answer(String questionId, String text) {
    }

    private PopeFiles() {
    }

    public static Read read(Path answersFile, List<Path> labelFiles, Path questionsFile) throws IOException {
        if (labelFiles.size() > 1 && questionsFile == null) {
            throw new IllegalArgumentException("with several label files, give --questions (LLaVA's question file, whose \"category\" says which"
                    + " split each answer belongs to)");
        }
        List<String> problems = new ArrayList<>();
        List<Answer> answers = new ArrayList<>();
        problems.addAll(JsonLines.readRecords(answersFile, share -> { }, () -> false, (n, line) -> answers.add(new Answer(id(line),
                BenchmarkLines.text(line, "text")))));
        Map<String, String> category = new HashMap<>();
        if (questionsFile != null) {
            problems.addAll(JsonLines.readRecords(questionsFile, share -> { }, () -> false, (n, line) -> category.put(id(line),
                    BenchmarkLines.text(line, "category"))));
        }
        List<Split> splits = new ArrayList<>();
        for (Path labels : labelFiles) {
            String split = splitName(labels);
            List<Answer> mine = new ArrayList<>();
            for (Answer a : answers) {
                if (questionsFile == null) mine.add(a);
                else if (split.equals(category.get(a.questionId()))) mine.add(a);
            }
            List<String> labelValues = new ArrayList<>();
            problems.addAll(JsonLines.readRecords(labels, share -> { }, () -> false, (n, line) -> labelValues.add(BenchmarkLines.text(line, "label"))));
            splits.add(pair(split, mine, labelValues));
        }
        if (questionsFile != null) {
            long unknown = answers.stream().filter(a -> !category.containsKey(a.questionId())).count();
            if (unknown > 0) problems.add(answersFile.getFileName() + ": " + unknown + " answers have a question_id the question file does not hold");
        }
        return new Read(splits, problems);
    }

    private static Split pair(String split, List<Answer> answers, List<String> labels) {
        List<Pope.Line> paired = new ArrayList<>();
        long yes = 0;
        for (int i = 0; i < answers.size(); i++) {
            boolean readsYes = Pope.readsYes(answers.get(i).text());
            if (readsYes) yes++;
            if (i < labels.size()) paired.add(new Pope.Line(answers.get(i).questionId(), split, !labels.get(i).equals("no"), answers.get(i).text()));
        }
        String warning = answers.size() == labels.size() ? null : split + ": " + answers.size() + " answers but " + labels.size()
                + " labels; paired by position as eval_pope.py pairs them, the first " + Math.min(answers.size(), labels.size()) + " only";
        return new Split(split, paired, answers.size(), yes, warning);
    }

    /** The split a label file holds: coco_pope_random.json is "random"; another name is its name without the extension. */
    static String splitName(Path labels) {
        String name = labels.getFileName().toString();
        if (name.startsWith("coco_pope_") && name.endsWith(".json")) return name.substring("coco_pope_".length(), name.length() - ".json".length());
        int dot = name.lastIndexOf('.');
        return dot > 0 ? name.substring(0, dot) : name;
    }

    private static String id(JsonNode line) {
        JsonNode id = line.get("question_id");
        if (id == null || id.isNull()) throw new IllegalArgumentException("\"question_id\" is missing");
        return id.asText();
    }

    /** The splits' scores by name, in the label files' order. */
    public static Map<String, Pope.Scores> scores(Read read) {
        Map<String, Pope.Scores> scores = new LinkedHashMap<>();
        for (Split s : read.splits()) scores.put(s.name(), s.scores());
        return scores;
    }
}
