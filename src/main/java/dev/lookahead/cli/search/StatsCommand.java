package dev.lookahead.cli.search;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.search.ExampleStatistics;
import dev.lookahead.search.InContextStatistics;
import dev.lookahead.search.InputAnalysis;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.Task;
import dev.lookahead.search.TokenLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "stats", description = "Lookahead histogram (or, with --task dfs|si, backtrack or frontier/branch histograms), graph sizes and edge"
        + " counts of a JSONL file of examples.")
public final class StatsCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--in", required = true, description = "JSONL with n and tokens (lookahead and label are used when present).")
    Path in;

    @OutputFile
    @Option(names = "--json", description = "Also write the summary here.")
    Path json;

    @OutputFile
    @Option(names = "--out", description = "Write the summary here (atomically) instead of standard output.")
    Path out;

    @Option(names = "--task", defaultValue = "search", paramLabel = "search|dfs|si",
            description = "The task of the lines: search (default), dfs or si (backtrack or frontier/branch histograms, step kinds).")
    String task;

    /** What {@code stats --task dfs|si} prints: histograms (value to count) and means. */
    record InContextSummary(String file, String task, long examples, int errors, Map<String, Long> buckets, Map<String, Long> steps,
                            Map<Integer, Long> vertices, Map<Integer, Long> edges, Map<Integer, Long> acceptedCount, double meanVertices,
                            double meanEdges, List<String> firstErrors) {
    }

    private int inContext(Task chosen) throws Exception {
        InContextStatistics statistics = new InContextStatistics(chosen);
        List<String> errors = new ArrayList<>();
        JsonLines.forEach(in, (number, source) -> {
            try {
                JsonNode line = source.json();
                TokenLayout layout = new TokenLayout(LineFields.requireInt(line, "n"));
                statistics.add(layout, LineFields.requireIntArray(line, "tokens"), line.hasNonNull("bucket") ? line.get("bucket").asText() : null);
            } catch (Exception e) {
                errors.add("line " + number + ": " + JsonLineMapper.firstLine(e.getMessage()));
            }
        });
        InContextSummary summary = new InContextSummary(in.toString(), chosen.id(), statistics.examples(), errors.size(), statistics.buckets(),
                statistics.steps(), statistics.vertices(), statistics.edges(), statistics.accepted(), ExampleStatistics.mean(statistics.vertices()),
                ExampleStatistics.mean(statistics.edges()), errors.subList(0, Math.min(10, errors.size())));
        String text = Json.pretty(summary);
        Output.write(out, writer -> writer.write(text));
        if (json != null) AtomicFiles.writeString(json, text);
        var err = System.err;
        err.printf("%d %s examples, %d lines with errors%n", statistics.examples(), chosen.id(), errors.size());
        errors.stream().limit(5).forEach(e -> err.println("  " + e));
        err.println((chosen == Task.DFS ? "backtrack" : "f,b      ") + "  count   share");
        statistics.buckets().forEach((b, c) -> err.printf("%9s  %6d  %5.1f%%%n", b, c, 100.0 * c / statistics.examples()));
        statistics.steps().forEach((s, c) -> err.printf("%s steps: %d%n", s, c));
        err.printf("vertices: mean %.2f, edges: mean %.2f%n", summary.meanVertices(), summary.meanEdges());
        return errors.isEmpty() ? 0 : 2;
    }

    @Override
    public Integer call() throws Exception {
        Task chosen = Task.parse(task);
        if (chosen.inContext()) return inContext(chosen);
        ExampleStatistics statistics = new ExampleStatistics();
        List<String> errors = new ArrayList<>();
        JsonLines.forEach(in, (number, source) -> {
            try {
                JsonNode line = source.json();
                SearchInput input = LineFields.input(line);
                statistics.add(input, InputAnalysis.of(input, LineFields.optionalInt(line, "label")));
            } catch (Exception e) {
                errors.add("line " + number + ": " + JsonLineMapper.firstLine(e.getMessage()));
            }
        });
        Summary summary = new Summary(in.toString(), statistics.examples(), errors.size(), statistics.lookahead(), statistics.vertices(),
                statistics.edges(), statistics.usefulNext(), ExampleStatistics.mean(statistics.vertices()),
                ExampleStatistics.mean(statistics.edges()), errors.subList(0, Math.min(10, errors.size())));

        String text = Json.pretty(summary);
        Output.write(out, writer -> writer.write(text));
        if (json != null) AtomicFiles.writeString(json, text);
        printTable(statistics, errors);
        return errors.isEmpty() ? 0 : 2;
    }

    /** What {@code stats} prints: the file's histograms (value to count) and means. */
    record Summary(String file, long examples, int errors, Map<Integer, Long> lookahead, Map<Integer, Long> vertices, Map<Integer, Long> edges,
                   Map<Integer, Long> usefulNextCount, double meanVertices, double meanEdges, List<String> firstErrors) {
    }

    private static void printTable(ExampleStatistics statistics, List<String> errors) {
        var err = System.err;
        err.printf("%d examples, %d lines with errors%n", statistics.examples(), errors.size());
        errors.stream().limit(5).forEach(e -> err.println("  " + e));
        err.println("lookahead  count   share");
        statistics.lookahead().forEach((l, c) ->
                err.printf("%9d  %6d  %5.1f%%%n", l, c, 100.0 * c / statistics.examples()));
        err.printf("vertices: mean %.2f, edges: mean %.2f%n", ExampleStatistics.mean(statistics.vertices()),
                ExampleStatistics.mean(statistics.edges()));
    }
}
