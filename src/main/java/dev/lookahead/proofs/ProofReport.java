package dev.lookahead.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.stats.Proportion;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Aggregates of checked proofs: strict and valid-proof accuracy per rule, hops and width (each with
 * its Wilson interval), how often each step label occurs, and where the first error falls.
 */
public final class ProofReport {
    /** Accuracy of one group of proofs. */
    public record Group(Proportion strict, Proportion valid, Proportion fullyCorrect) {
        static final Group EMPTY = new Group(new Proportion(0, 0), new Proportion(0, 0), new Proportion(0, 0));

        Group plus(boolean strictProof, boolean validProof, boolean fully) {
            return new Group(strict.plus(strictProof), valid.plus(validProof), fullyCorrect.plus(fully));
        }
    }

    private Group all = Group.EMPTY;
    private final Map<String, Group> byRule = new TreeMap<>();
    private final Map<Integer, Group> byHops = new TreeMap<>();
    private final Map<Integer, Group> byWidth = new TreeMap<>();
    private final Map<String, Group> byDemos = new TreeMap<>();
    private final Map<String, Long> labels = new TreeMap<>();
    private final Map<String, Map<String, Long>> labelsByRule = new TreeMap<>();
    private final Map<String, Long> firstErrors = new TreeMap<>();
    private long misleadingSteps;
    private final Map<String, Long> stepTypes = new java.util.LinkedHashMap<>();
    private final Map<String, Map<String, Long>> stepTypesByRule = new TreeMap<>();
    private final Map<String, Long> firstMistakeInCorrect = new java.util.LinkedHashMap<>();
    private final Map<String, Long> firstMistakeInIncorrect = new java.util.LinkedHashMap<>();

    /** The evaluator's step lists that the study's analysis counts, in the order its plots show them. */
    public static final List<String> STEP_TYPES = List.of("correct_steps", "correct_and_useful_steps", "wrong_branch_steps",
            "useful_skip_steps", "wrong_skip_steps", "useful_non_atomic_steps", "wrong_non_atomic_steps", "incorrect_steps");

    /** The six kinds of mistake whose first occurrence the study's analysis counts. */
    public static final List<String> MISTAKES = List.of("wrong_branch_steps", "useful_skip_steps", "wrong_skip_steps",
            "useful_non_atomic_steps", "wrong_non_atomic_steps", "incorrect_steps");

    /**
     * Adds one checked proof.
     *
     * @param rule           the tested rule, or null when unknown
     * @param demos          "in-distribution", "ood" or "none": what the demonstrations showed, or null when unknown
     * @param firstErrorKind the label of the first error ("misleading" for a wrong branch), or null
     */
    public void add(String rule, Integer hops, Integer width, String demos, boolean strict, boolean valid, boolean fullyCorrect,
                    Iterable<String> stepLabels, long misleading, String firstErrorKind, Map<String, List<Integer>> stepLists) {
        String ruleName = rule == null ? "?" : rule;
        all = all.plus(strict, valid, fullyCorrect);
        byRule.merge(ruleName, Group.EMPTY.plus(strict, valid, fullyCorrect), ProofReport::merge);
        if (demos != null) byDemos.merge(demos, Group.EMPTY.plus(strict, valid, fullyCorrect), ProofReport::merge);
        Map<String, Long> ruleLabels = labelsByRule.computeIfAbsent(ruleName, r -> new TreeMap<>());
        for (String label : stepLabels) ruleLabels.merge(label, 1L, Long::sum);
        if (hops != null) byHops.merge(hops, Group.EMPTY.plus(strict, valid, fullyCorrect), ProofReport::merge);
        if (width != null) byWidth.merge(width, Group.EMPTY.plus(strict, valid, fullyCorrect), ProofReport::merge);
        for (String label : stepLabels) labels.merge(label, 1L, Long::sum);
        misleadingSteps += misleading;
        firstErrors.merge(firstErrorKind == null ? "none" : firstErrorKind, 1L, Long::sum);
        Map<String, Long> ruleTypes = stepTypesByRule.computeIfAbsent(ruleName, r -> new java.util.LinkedHashMap<>());
        for (String type : STEP_TYPES) {
            long count = stepLists.getOrDefault(type, List.of()).size();
            stepTypes.merge(type, count, Long::sum);
            ruleTypes.merge(type, count, Long::sum);
        }
        countFirstMistakes(stepLists, strict ? firstMistakeInCorrect : firstMistakeInIncorrect);
    }

    /**
     * The study's first-mistake count: each kind whose earliest step comes no later than the earliest step of any
     * kind (ties count for each); "none" when the proof has no mistake.
     */
    private static void countFirstMistakes(Map<String, List<Integer>> stepLists, Map<String, Long> counts) {
        int earliest = Integer.MAX_VALUE;
        for (String kind : MISTAKES) for (int k : stepLists.getOrDefault(kind, List.of())) earliest = Math.min(earliest, k);
        if (earliest == Integer.MAX_VALUE) {
            counts.merge("none", 1L, Long::sum);
            return;
        }
        for (String kind : MISTAKES) {
            List<Integer> steps = stepLists.getOrDefault(kind, List.of());
            if (!steps.isEmpty() && java.util.Collections.min(steps) <= earliest) counts.merge(kind, 1L, Long::sum);
        }
    }

    /** Adds one checked proof, its step labels and first error read from the check. */
    public void add(String rule, Integer hops, Integer width, String demos, CheckedProof checked) {
        List<String> labels = checked.steps().stream().map(s -> s.label().id()).toList();
        long misleading = checked.steps().stream().filter(CheckedProof.Step::misleading).count();
        String firstError = null;
        if (checked.firstError() != null) {
            CheckedProof.Step step = checked.steps().get(checked.firstError());
            firstError = firstErrorKind(step.label().id(), step.misleading());
        }
        add(rule, hops, width, demos, checked.strict(), checked.validProof(), checked.fullyCorrect(), labels, misleading, firstError,
                checked.stepLists());
    }

    /** The kind of a first error: its label, or "misleading" for a correct step that takes the wrong branch. */
    public static String firstErrorKind(String label, boolean misleading) {
        return misleading && label.equals("correct") ? "misleading" : label;
    }

    /**
     * What a line's demonstrations showed: "none", "ood" when none of them uses the tested rule,
     * else "in-distribution"; null when the line does not say.
     */
    public static String demosKind(String rule, JsonNode demos) {
        if (demos == null || !demos.isArray() || rule == null) return null;
        if (demos.isEmpty()) return "none";
        for (JsonNode demo : demos) {
            if (rule.equals(demo.path("rule").asText())) return "in-distribution";
        }
        return "ood";
    }

    private static Group merge(Group a, Group b) {
        return new Group(sum(a.strict(), b.strict()), sum(a.valid(), b.valid()), sum(a.fullyCorrect(), b.fullyCorrect()));
    }

    private static Proportion sum(Proportion a, Proportion b) {
        return new Proportion(a.successes() + b.successes(), a.trials() + b.trials());
    }

    public Group all() {
        return all;
    }

    public Map<String, Group> byRule() {
        return byRule;
    }

    public Map<Integer, Group> byHops() {
        return byHops;
    }

    public Map<Integer, Group> byWidth() {
        return byWidth;
    }

    /** By what the demonstrations showed: in-distribution, ood (the tested rule never shown) or none. */
    public Map<String, Group> byDemos() {
        return byDemos;
    }

    /** Per rule, how many steps got each label. */
    public Map<String, Map<String, Long>> labelsByRule() {
        return labelsByRule;
    }

    /** How many steps got each label. */
    public Map<String, Long> labels() {
        return labels;
    }

    /** Proofs by the kind of their first error ("none" when every step is correct). */
    public Map<String, Long> firstErrors() {
        return firstErrors;
    }

    public long misleadingSteps() {
        return misleadingSteps;
    }

    /** Steps in each of the evaluator's lists ({@link #STEP_TYPES}), summed over the proofs. */
    public Map<String, Long> stepTypes() {
        return stepTypes;
    }

    /** Per rule, steps in each of the evaluator's lists. */
    public Map<String, Map<String, Long>> stepTypesByRule() {
        return stepTypesByRule;
    }

    /** Among strict proofs ({@code found_conclusion}), how many have each kind of mistake first ({@link #MISTAKES}, or "none"). */
    public Map<String, Long> firstMistakeInCorrectProofs() {
        return firstMistakeInCorrect;
    }

    /** Among proofs that are not strict, how many have each kind of mistake first. */
    public Map<String, Long> firstMistakeInIncorrectProofs() {
        return firstMistakeInIncorrect;
    }
}
