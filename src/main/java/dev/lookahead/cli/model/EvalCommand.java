package dev.lookahead.cli.model;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.AccuracyTable;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.ModelOptions;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.search.InputAnalysis;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.Evaluation;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.ArgGroup;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "eval", description = "Accuracy of a model: on its own test sets per lookahead (and naive graphs), or on the lines of a file.")
public final class EvalCommand implements Callable<Integer> {
    @Mixin
    ModelOptions options;

    @ArgGroup(multiplicity = "1")
    Source source;

    static final class Source {
        @Option(names = {"--test-per-lookahead", "--test-per-bucket"}, description = "Test examples per lookahead 1..L and on naive graphs"
                + " (the standard held-out sets); for a dfs or si model, per backtrack or per (frontier, branch) bucket.")
        Integer perLookahead;

        @InputFile
        @Option(names = "--in", description = "JSONL with n and tokens; each line gets predicted and correct.")
        Path in;
    }

    @Option(names = "--max-lookahead", description = "Largest lookahead tested (default: the model's ((n-5)/3 - 1)/2).")
    Integer maxLookahead;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the test sets (default ${DEFAULT-VALUE}: the sets held out from training).")
    long seed;

    @Option(names = "--independent-buckets", description = "dfs and si: draw each test bucket on its own instead of excluding the inputs of the"
            + " buckets before it (the paper's order, the default).")
    boolean independentBuckets;

    @OutputFile
    @Option(names = "--out", description = "With --in: write the lines here (atomically) instead of standard output.")
    Path out;

    @OutputFile
    @Option(names = "--json", description = "Write the accuracy table here as JSON.")
    Path json;

    @Option(names = "--rollouts", defaultValue = "500", description = "dfs and si models: graphs rolled out from the start to measure whole-search"
            + " accuracy beside per-step accuracy (default ${DEFAULT-VALUE}).")
    int rollouts;

    @Override
    public Integer call() throws Exception {
        try (SearchModel searchModel = SearchModel.open(options.model, options.device)) {
            if (searchModel.task().inContext()) {
                InContextEvaluation evaluation = new InContextEvaluation(searchModel, options.model, seed);
                return source.in != null ? evaluation.file(source.in, out, json) : evaluation.testSets(source.perLookahead, rollouts, json, independentBuckets);
            }
            return source.in != null ? evaluateFile(searchModel) : evaluateTestSets(searchModel);
        }
    }

    private int evaluateTestSets(SearchModel searchModel) throws Exception {
        TokenLayout layout = searchModel.config().layout();
        int largest = maxLookahead != null ? maxLookahead : layout.defaultMaxLookahead();
        Map<String, List<Example>> sets = EvaluationSets.standard(layout, largest, source.perLookahead, seed);
        Map<String, Proportion> accuracy = Evaluation.accuracy(searchModel, sets);
        AccuracyTable.print(System.err, "accuracy of " + options.model + " (test sets of seed " + seed + ", "
                + source.perLookahead + " per bucket):", accuracy);
        writeSummary(accuracy, "test_sets");
        return 0;
    }

    private int evaluateFile(SearchModel searchModel) throws Exception {
        int n = searchModel.config().n();
        Map<String, Proportion> byLookahead = new TreeMap<>();
        JsonLineMapper mapper = new JsonLineMapper();
        int errors = mapper.mapChunks(source.in, out, 512, (lines, numbers) -> {
            int[][] tokens = new int[lines.size()][];
            int[][] useful = new int[lines.size()][];
            Integer[] lookahead = new Integer[lines.size()];
            for (int i = 0; i < lines.size(); i++) {
                ObjectNode line = lines.get(i);
                try {
                    int lineN = LineFields.requireInt(line, "n");
                    if (lineN != n) throw new IllegalArgumentException("n = " + lineN + " but the model takes n = " + n);
                    tokens[i] = LineFields.requireIntArray(line, "tokens");
                    SearchInput input = Tokenizer.decode(new TokenLayout(n), tokens[i]);
                    InputAnalysis analysis = InputAnalysis.of(input, LineFields.optionalInt(line, "label"));
                    useful[i] = analysis.usefulNext();
                    lookahead[i] = line.hasNonNull("lookahead") ? LineFields.requireInt(line, "lookahead") : analysis.lookahead();
                } catch (RuntimeException e) {
                    line.put("error", "line " + numbers.get(i) + ": " + e.getMessage());
                    tokens[i] = null;
                }
            }
            int[][] valid = java.util.Arrays.stream(tokens).filter(java.util.Objects::nonNull).toArray(int[][]::new);
            int[] predicted = searchModel.predict(valid);
            for (int i = 0, k = 0; i < lines.size(); i++) {
                if (tokens[i] == null) continue;
                boolean correct = Evaluation.correct(predicted[k], useful[i]);
                lines.get(i).setAll(Json.fields(new Scored(predicted[k++], correct)));
                byLookahead.merge(Integer.toString(lookahead[i]), new Proportion(correct ? 1 : 0, 1),
                        (a, b) -> new Proportion(a.successes() + b.successes(), a.trials() + b.trials()));
            }
        });
        AccuracyTable.print(System.err, "accuracy of " + options.model + " on " + source.in + " by lookahead:", byLookahead);
        if (errors > 0) System.err.printf("%d lines had errors%n", errors);
        writeSummary(byLookahead, "file");
        return errors > 0 ? 2 : 0;
    }

    private void writeSummary(Map<String, Proportion> accuracy, String kind) throws java.io.IOException {
        if (json == null) return;
        Map<String, Estimate> cells = new java.util.LinkedHashMap<>();
        accuracy.forEach((bucket, p) -> cells.put(bucket, Estimate.of(p)));
        AtomicFiles.writeString(json, Json.pretty(new Summary(options.model, kind, seed, cells)));
    }

    /** What {@code eval --in} adds to each line: the model's answer and whether it is a useful next step. */
    record Scored(int predicted, boolean correct) {
    }

    /** What {@code --json} holds: accuracy per bucket with Wilson intervals. */
    record Summary(String model, String evaluatedOn, long seed, Map<String, Estimate> accuracy) {
    }
}
