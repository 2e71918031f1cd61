package dev.lookahead.cli.search;

import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.io.Json;
import dev.lookahead.search.InputAnalysis;
import dev.lookahead.search.SearchInput;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "analyze", description = "Recompute the ground truth (edges, start, goal, current, useful_next, lookahead) of each line from n and tokens.")
public final class AnalyzeCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "JSONL with n and tokens (and optionally label).")
    Path in;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Override
    public Integer call() throws Exception {
        JsonLineMapper mapper = new JsonLineMapper();
        int errors = mapper.map(in, output.path(), line -> {
            SearchInput input = LineFields.input(line);
            InputAnalysis analysis = InputAnalysis.of(input, LineFields.optionalInt(line, "label"));
            line.setAll(Json.fields(new LineFields.Facts(LineFields.pairs(input.edges()), input.start(), input.goal(), input.current(),
                    analysis.usefulNext(), analysis.lookahead())));
        });
        System.err.printf("analyzed %d lines, %d with errors%n", mapper.lines(), errors);
        return errors > 0 ? 2 : 0;
    }
}
