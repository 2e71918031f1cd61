package dev.lookahead.cli.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.AccuracyTable;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.inspect.Rollout;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.InContextExample;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.InContextTruth;
import dev.lookahead.search.Task;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.Evaluation;
import java.io.IOException;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * {@code eval} of a dfs or si model: per-step accuracy per test bucket (backtrack, or frontier and branch) and per step
 * kind, scored as the paper scores these tasks (the arg-max is one of the accepted answers), and whole-search accuracy
 * of rollouts beside it.
 */
final class InContextEvaluation {
    private final SearchModel model;
    private final String name;
    private final long seed;
    private final TokenLayout layout;
    private final Task task;

    InContextEvaluation(SearchModel model, String name, long seed) {
        this.model = model;
        this.name = name;
        this.seed = seed;
        this.layout = model.config().layout();
        this.task = model.task();
    }

    /** What {@code --json} holds for a dfs or si model. */
    record Summary(String model, String task, String evaluatedOn, long seed, Map<String, Estimate> accuracy,
                   Map<String, Estimate> byStep, Estimate overall, RolloutSummary rollout) {
    }

    /** Whole searches: the share solved (every step accepted, the goal reached) and why the others stopped. */
    record RolloutSummary(int graphs, Estimate solved, double meanSteps, Map<String, Integer> stops) {
    }

    int testSets(int perBucket, int rollouts, Path json, boolean independentBuckets) throws IOException {
        Map<String, List<InContextExample>> sets = seed == InContextSets.STANDARD_SEED && !independentBuckets
                ? InContextSets.standard(layout, task, perBucket)
                : InContextSets.testSet(layout, task, null, perBucket, seed, Set.of(), independentBuckets);
        Map<String, Proportion> accuracy = new LinkedHashMap<>();
        Map<String, Proportion> byStep = new TreeMap<>();
        Proportion overall = new Proportion(0, 0);
        for (Map.Entry<String, List<InContextExample>> bucket : sets.entrySet()) {
            List<InContextExample> examples = bucket.getValue();
            int[] predicted = model.predict(examples.stream().map(InContextExample::tokens).toArray(int[][]::new));
            Proportion p = new Proportion(0, 0);
            for (int i = 0; i < predicted.length; i++) {
                boolean correct = Evaluation.correct(predicted[i], examples.get(i).accepted());
                p = p.plus(correct);
                if (task == Task.SI) byStep.merge(examples.get(i).step(), new Proportion(correct ? 1 : 0, 1), Proportion::add);
            }
            accuracy.put(bucket.getKey(), p);
            overall = overall.add(p);
        }
        String title = task == Task.DFS ? "by backtrack distance" : "by (frontier, branch)";
        AccuracyTable.print(System.err, "per-step accuracy of " + name + " (" + task.id() + " test sets of seed " + seed + ", " + perBucket
                + " per bucket) " + title + ":", accuracy, task == Task.DFS ? "backtrack " : "f,b ");
        if (!byStep.isEmpty()) AccuracyTable.print(System.err, "by step kind:", byStep, "");
        RolloutSummary rollout = rollouts(rollouts);
        System.err.printf("rollouts: %d of %d graphs solved (%.4f, 95%% [%.4f, %.4f]); stops %s%n", rollout.solved().successes(),
                rollout.graphs(), rollout.solved().value(), rollout.solved().lower(), rollout.solved().upper(), rollout.stops());
        if (json != null) {
            AtomicFiles.writeString(json, Json.pretty(new Summary(name, task.id(), "test_sets", seed, cells(accuracy), cells(byStep),
                    Estimate.of(overall), rollout)));
        }
        return 0;
    }

    /** Rollouts from the start on graphs the task's generator draws (seeded by --seed), each searched from scratch. */
    private RolloutSummary rollouts(int count) {
        Proportion solved = new Proportion(0, 0);
        long steps = 0;
        Map<String, Integer> stops = new TreeMap<>();
        for (Rollout.Result result : Rollout.onGeneratedGraphs(model, task, count, seed)) {
            solved = solved.plus(result.solved());
            steps += result.steps().size();
            stops.merge(result.stop().words(), 1, Integer::sum);
        }
        return new RolloutSummary(count, Estimate.of(solved), count == 0 ? 0 : (double) steps / count, stops);
    }

    /** With --in: each line gets predicted, correct and accepted; accuracy by the line's bucket and by step kind. */
    int file(Path in, Path out, Path json) throws IOException {
        Map<String, Proportion> byBucket = new TreeMap<>();
        Map<String, Proportion> byStep = new TreeMap<>();
        JsonLineMapper mapper = new JsonLineMapper();
        int errors = mapper.mapChunks(in, out, 512, (lines, numbers) -> {
            int[][] tokens = new int[lines.size()][];
            int[][] accepted = new int[lines.size()][];
            String[] bucket = new String[lines.size()];
            String[] step = new String[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                ObjectNode line = lines.get(i);
                try {
                    int lineN = LineFields.requireInt(line, "n");
                    if (lineN != layout.n()) throw new IllegalArgumentException("n = " + lineN + " but the model takes n = " + layout.n());
                    tokens[i] = LineFields.requireIntArray(line, "tokens");
                    if (task == Task.DFS) {
                        InContextTruth.Dfs truth = InContextTruth.dfs(layout, tokens[i]);
                        accepted[i] = truth.accepted().stream().mapToInt(Integer::intValue).toArray();
                        bucket[i] = Integer.toString(truth.backtrack());
                    } else {
                        InContextTruth.Si truth = InContextTruth.si(layout, tokens[i]);
                        accepted[i] = truth.accepted().stream().mapToInt(Integer::intValue).toArray();
                        step[i] = truth.step();
                        bucket[i] = truth.frontierSize() + "," + (truth.branchSize() == null ? "-" : truth.branchSize());
                    }
                    if (line.hasNonNull("bucket")) bucket[i] = line.get("bucket").asText();
                } catch (RuntimeException e) {
                    line.put("error", "line " + numbers.get(i) + ": " + e.getMessage());
                    tokens[i] = null;
                }
            }
            int[][] valid = java.util.Arrays.stream(tokens).filter(java.util.Objects::nonNull).toArray(int[][]::new);
            int[] predicted = model.predict(valid);
            for (int i = 0, k = 0; i < lines.size(); i++) {
                if (tokens[i] == null) continue;
                boolean correct = Evaluation.correct(predicted[k], accepted[i]);
                lines.get(i).setAll(Json.fields(new Scored(predicted[k++], correct, accepted[i])));
                byBucket.merge(bucket[i], new Proportion(correct ? 1 : 0, 1), Proportion::add);
                if (step[i] != null) byStep.merge(step[i], new Proportion(correct ? 1 : 0, 1), Proportion::add);
            }
        });
        AccuracyTable.print(System.err, "per-step accuracy of " + name + " on " + in + " by bucket:", byBucket, "");
        if (!byStep.isEmpty()) AccuracyTable.print(System.err, "by step kind:", byStep, "");
        if (errors > 0) System.err.printf("%d lines had errors%n", errors);
        if (json != null) {
            Proportion overall = byBucket.values().stream().reduce(new Proportion(0, 0), Proportion::add);
            AtomicFiles.writeString(json, Json.pretty(new Summary(name, task.id(), "file", seed, cells(byBucket), cells(byStep),
                    Estimate.of(overall), null)));
        }
        return errors > 0 ? 2 : 0;
    }

    /** What {@code eval --in} adds to a line of an in-context task. */
    record Scored(int predicted, boolean correct, int[] accepted) {
    }

    private static Map<String, Estimate> cells(Map<String, Proportion> accuracy) {
        Map<String, Estimate> cells = new LinkedHashMap<>();
        accuracy.forEach((bucket, p) -> cells.put(bucket, Estimate.of(p)));
        return cells;
    }
}
