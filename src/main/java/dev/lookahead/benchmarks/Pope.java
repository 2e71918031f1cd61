package dev.lookahead.benchmarks;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * POPE (Li et al. 2023, "Evaluating Object Hallucination in Large Vision-Language Models"): yes/no questions about
 * objects, scored with "yes" as the positive class. A free-text answer is read with POPE's own rule: keep the text
 * before the first ".", drop the commas, split on spaces; the answer is "no" when the words include "No", "not" or
 * "no" (case-sensitive), otherwise "yes".
 */
public final class Pope {
    /** One question: its split (random, popular, adversarial, ...), the true answer and the model's free text. */
    public record Line(String id, String split, boolean labelYes, String answer) {
    }

    /**
     * The figures of a set of answers. Precision, recall and F1 are 0 where their denominator is (no "yes" predicted,
     * no "yes" label).
     */
    public record Scores(double accuracy, double precision, double recall, double f1, double yesRatio, long total, long truePositives,
                         long falsePositives, long trueNegatives, long falseNegatives) {
        /** These figures with the yes-ratio taken over another set of answers (LLaVA's eval_pope.py takes it over all of a split's). */
        public Scores withYesRatio(double ratio) {
            return new Scores(accuracy, precision, recall, f1, ratio, total, truePositives, falsePositives, trueNegatives, falseNegatives);
        }

        @com.fasterxml.jackson.annotation.JsonProperty("tp")
        public long tp() {
            return truePositives;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("fp")
        public long fp() {
            return falsePositives;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("tn")
        public long tn() {
            return trueNegatives;
        }

        @com.fasterxml.jackson.annotation.JsonProperty("fn")
        public long fn() {
            return falseNegatives;
        }

        static Scores of(long tp, long fp, long tn, long fn) {
            long total = tp + fp + tn + fn;
            double precision = tp + fp == 0 ? 0 : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? 0 : (double) tp / (tp + fn);
            double f1 = precision + recall == 0 ? 0 : 2 * precision * recall / (precision + recall);
            return new Scores(total == 0 ? 0 : (double) (tp + tn) / total, precision, recall, f1, total == 0 ? 0 : (double) (tp + fp) / total,
                    total, tp, fp, tn, fn);
        }
    }

    private Pope() {
    }

    /** True when POPE's rule reads the free text as "yes". */
    public static boolean readsYes(String answer) {
        String text = answer;
        int period = text.indexOf('.');
        if (period >= 0) text = text.substring(0, period);
        List<String> words = Arrays.asList(text.replace(",", "").split(" ", -1));
        return !(words.contains("No") || words.contains("not") || words.contains("no"));
    }

    /** The figures over all lines. */
    public static Scores score(List<Line> lines) {
        long tp = 0;
        long fp = 0;
        long tn = 0;
        long fn = 0;
        for (Line line : lines) {
            boolean yes = readsYes(line.answer());
            if (yes && line.labelYes()) tp++;
            else if (yes) fp++;
            else if (line.labelYes()) fn++;
            else tn++;
        }
        return Scores.of(tp, fp, tn, fn);
    }

    /** The figures per split, in the order the splits first appear. */
    public static Map<String, Scores> bySplit(List<Line> lines) {
        Map<String, List<Line>> splits = new LinkedHashMap<>();
        for (Line line : lines) splits.computeIfAbsent(line.split(), s -> new ArrayList<>()).add(line);
        Map<String, Scores> scores = new LinkedHashMap<>();
        splits.forEach((split, members) -> scores.put(split, score(members)));
        return scores;
    }
}
