package dev.lookahead.cli.judges;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.io.Json;
import dev.lookahead.judges.CritiqueFilter;
import dev.lookahead.judges.Verdicts;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "critiques", description = "Critic-RM's consistency filter: of the critiques (judgments) of labelled pairwise items, keep"
        + " those whose verdict agrees with the preference label; unparsed and tied verdicts are dropped and counted.")
public final class JudgesCritiquesCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--in", required = true, description = "Pairwise items with critiques as their judgments.")
    Path in;

    @Option(names = "--first", defaultValue = "[[A]]", description = "Marker for the response shown first (default ${DEFAULT-VALUE}).")
    String first;

    @Option(names = "--second", defaultValue = "[[B]]", description = "Marker for the response shown second (default ${DEFAULT-VALUE}).")
    String second;

    @Option(names = "--tie", defaultValue = "[[C]]", description = "Marker of a tie (default ${DEFAULT-VALUE}).")
    String tie;

    @Mixin
    LinesOut output;

    @Override
    public Integer call() throws Exception {
        CritiqueFilter.Result result = CritiqueFilter.apply(in, new Verdicts(first, second, tie, Verdicts.DEFAULT.rule()));
        Output.write(output.path(), writer -> {
            for (CritiqueFilter.Kept k : result.kept()) {
                writer.write(Json.line(k));
                writer.write('\n');
            }
        });
        System.err.printf("kept %d of %d critiques (%d without a decisive verdict, %d against the label); %d items without a preference"
                + " label left out%n", result.kept().size(), result.critiques(), result.undecided(), result.againstLabel(), result.unlabelledItems());
        result.problems().stream().limit(20).forEach(System.err::println);
        if (result.problems().size() > 20) System.err.printf("... and %d more lines refused%n", result.problems().size() - 20);
        return result.problems().isEmpty() ? 0 : 2;
    }
}
