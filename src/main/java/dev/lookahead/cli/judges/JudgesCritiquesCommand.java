package dev.lookahead.cli.judges;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.judges.PairwiseItem;
import dev.lookahead.judges.Verdicts;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
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

    /** A kept critique. */
    record Kept(String id, String judge, String order, String output, String label) {
    }

    @Override
    public Integer call() throws Exception {
        Verdicts verdicts = new Verdicts(first, second, tie, Verdicts.DEFAULT.rule());
        List<Kept> kept = new ArrayList<>();
        long[] counts = new long[3]; // seen, unparsed or tie, disagreeing
        List<String> problems = JsonLines.read(in, s -> { }, () -> false, (n, line) -> {
            JsonNode label = line.get("label");
            if (label == null || label.isNull() || label.asText().equals("tie")) return; // the filter needs a preference
            for (JsonNode j : line.path("judgments")) {
                counts[0]++;
                String order = j.path("order").asText("ab");
                var verdict = verdicts.read(j.path("output").asText(null));
                if (verdict.isEmpty() || verdict.get() == Verdicts.Verdict.TIE) {
                    counts[1]++;
                } else if (PairwiseItem.winner(verdict.get(), order).equals(label.asText())) {
                    kept.add(new Kept(line.path("id").asText(""), j.path("judge").asText(""), order, j.path("output").asText(), label.asText()));
                } else {
                    counts[2]++;
                }
            }
        });
        Output.write(output.path(), writer -> {
            for (Kept k : kept) {
                writer.write(Json.line(k));
                writer.write('\n');
            }
        });
        System.err.printf("kept %d of %d critiques (%d without a decisive verdict, %d against the label)%n", kept.size(), counts[0], counts[1],
                counts[2]);
        problems.stream().limit(20).forEach(System.err::println);
        return problems.isEmpty() ? 0 : 2;
    }
}
