package dev.lookahead.cli.search;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.io.Json;
import dev.lookahead.search.InContextTruth;
import dev.lookahead.search.InputAnalysis;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "analyze", description = "Recompute the ground truth of each line from n and tokens: for the search task edges, start, goal,"
        + " current, useful_next, lookahead; for the in-context tasks the accepted next tokens and backtrack (dfs) or step,"
        + " frontier_size, branch_size (si).")
public final class AnalyzeCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--in", required = true, description = "JSONL with n and tokens (and optionally label).")
    Path in;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Option(names = "--task", defaultValue = "search", paramLabel = "search|dfs|si",
            description = "search: the graph-search task's first step; dfs: the depth-first-search trace task; si: selection-inference"
                    + " (the paper's in-context tasks, read as its generator labels them). Default: ${DEFAULT-VALUE}.")
    String task;

    @Override
    public Integer call() throws Exception {
        if (!java.util.List.of("search", "dfs", "si").contains(task)) {
            throw new IllegalArgumentException("unknown --task '" + task + "'; choose search, dfs or si");
        }
        JsonLineMapper mapper = new JsonLineMapper();
        int errors = mapper.map(in, output.path(), line -> {
            if (!task.equals("search")) {
                TokenLayout layout = new TokenLayout(LineFields.requireInt(line, "n"));
                int[] tokens = LineFields.requireIntArray(line, "tokens");
                line.put("task", task);
                line.setAll(Json.fields(task.equals("dfs") ? InContextTruth.dfs(layout, tokens) : InContextTruth.si(layout, tokens)));
                return;
            }
            SearchInput input = LineFields.input(line);
            InputAnalysis analysis = InputAnalysis.of(input, LineFields.optionalInt(line, "label"));
            line.setAll(Json.fields(new LineFields.Facts(LineFields.pairs(input.edges()), input.start(), input.goal(), input.current(),
                    analysis.usefulNext(), analysis.lookahead())));
        });
        System.err.printf("analyzed %d lines, %d with errors%n", mapper.lines(), errors);
        return errors > 0 ? 2 : 0;
    }
}
