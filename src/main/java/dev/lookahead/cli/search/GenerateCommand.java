package dev.lookahead.cli.search;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationMode;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.InContextExample;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.Task;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.TokenRow;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Spec;

@Command(name = "generate", description = "Draw examples of the paper's tasks (graph search from its distributions, or the in-context dfs and si tasks),"
        + " one JSON line each.")
public final class GenerateCommand implements Callable<Integer> {
    @Option(names = "--n", required = true, description = "Sequence length the examples are built for (vertex ids 1..(n-5)/3).")
    int n;

    @Option(names = "--distribution", defaultValue = "balanced", description = "balanced, naive or star (default ${DEFAULT-VALUE}).")
    String distribution;

    @Option(names = "--max-lookahead", description = "Largest lookahead (default ((n-5)/3 - 1)/2, i.e. 4 at n=32).")
    Integer maxLookahead;

    @Option(names = "--count", defaultValue = "1000", description = "Number of examples in all (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--mode", defaultValue = "first-step", description = "first-step or all-prefixes (default ${DEFAULT-VALUE}).")
    String mode;

    @Option(names = "--test-set", description = "Apply the test-set rules; a balanced test set spreads --count evenly over lookahead 1..L.")
    boolean testSet;

    @Option(names = "--independent-buckets", description = "With --task dfs|si --test-set: draw each bucket on its own instead of excluding"
            + " the inputs of the buckets before it (the paper's order, the default).")
    boolean independentBuckets;

    @InputFile
    @Option(names = "--reserve", description = "JSONL whose token rows must never be produced (e.g. a test set).")
    Path reserve;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--task", defaultValue = "search", paramLabel = "search|dfs|si",
            description = "search (default), dfs (depth-first-search traces) or si (selection-inference steps): the paper's in-context tasks;"
                    + " --test-set spreads --count over their buckets (backtrack -1, 0..T-1; or every allowed (frontier, branch)).")
    String task;

    @Option(names = "--backtrack", description = "dfs: only this backtrack distance (-1: any point of the search).")
    Integer backtrack;

    @Option(names = "--max-backtrack", description = "dfs: training draws take the backtrack uniformly in 0..this (default T-1, T = (n-4)/4).")
    Integer maxBacktrack;

    @Option(names = "--random-padding", description = "dfs: scatter the trace's P padding among the visited vertices, as the paper's padded runs do.")
    boolean randomPadding;

    @Option(names = "--frontier", description = "si: only this frontier size (with --branch).")
    Integer frontier;

    @Option(names = "--branch", description = "si: only this branch size (with --frontier).")
    Integer branch;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public Integer call() throws Exception {
        TokenLayout layout = new TokenLayout(n);
        if (count < 0) throw new IllegalArgumentException("--count must not be negative (got " + count + ")");
        Task chosen = Task.parse(task);
        if (chosen.inContext()) {
            refuseOptionsOfOtherTasks(chosen, "--distribution", "--mode", "--max-lookahead");
            if (chosen == Task.DFS) refuseOptionsOfOtherTasks(chosen, "--frontier", "--branch");
            else refuseOptionsOfOtherTasks(chosen, "--backtrack", "--max-backtrack", "--random-padding");
            return generateInContext(layout, chosen);
        }
        refuseOptionsOfOtherTasks(chosen, "--backtrack", "--max-backtrack", "--random-padding", "--frontier", "--branch", "--independent-buckets");
        int largest = maxLookahead != null ? maxLookahead : layout.defaultMaxLookahead();
        GenerationSpec spec = new GenerationSpec(layout, Distribution.parse(distribution), largest,
                GenerationMode.parse(mode), -1, testSet, reserve == null ? Set.of() : readReserved(layout, reserve));
        long started = System.nanoTime();
        Output.write(output.path(), writer -> ExampleSets.generate(spec, count, seed, example -> {
            try {
                writer.write(Json.line(LineFields.example(example)));
                writer.write('\n');
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        }));
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("generated %d %s examples at n=%d in %.2f s%n", count, spec.distribution().id(), n, seconds);
        return 0;
    }

    /** An option given that the chosen task does not read is refused rather than silently ignored. */
    private void refuseOptionsOfOtherTasks(Task chosen, String... options) {
        var parsed = spec.commandLine().getParseResult();
        for (String option : options) {
            if (parsed.hasMatchedOption(option)) {
                throw new IllegalArgumentException(option + " does not apply to --task " + chosen.id() + "; leave it out (docs/user-guide.md lists each"
                        + " task's options)");
            }
        }
    }

    private int generateInContext(TokenLayout layout, Task chosen) throws Exception {
        Set<TokenRow> reserved = reserve == null ? Set.of() : readReserved(layout, reserve);
        long started = System.nanoTime();
        long[] collisions = new long[1];
        Output.write(output.path(), writer -> {
            java.util.function.Consumer<InContextExample> sink = example -> {
                try {
                    writer.write(Json.line(InContextLines.of(example)));
                    writer.write('\n');
                } catch (java.io.IOException e) {
                    throw new java.io.UncheckedIOException(e);
                }
            };
            if (testSet) {
                InContextSets.testSet(layout, chosen, count, 0, seed, reserved, independentBuckets).values().forEach(list -> list.forEach(sink));
            } else {
                var choice = new InContextSets.Choice(chosen, backtrack, maxBacktrack, randomPadding, frontier, branch);
                var source = InContextSets.source(layout, choice, reserved, seed);
                for (int i = 0; i < count; i++) sink.accept(source.next());
                collisions[0] = source.collisions();
            }
        });
        double seconds = (System.nanoTime() - started) / 1e9;
        System.err.printf("generated %d %s examples at n=%d in %.2f s%s%n", count, chosen.id(), n, seconds,
                collisions[0] > 0 ? " (" + collisions[0] + " reserved inputs drawn and rejected)" : "");
        return 0;
    }

    static Set<TokenRow> readReserved(TokenLayout layout, Path file) throws java.io.IOException {
        Set<TokenRow> rows = new HashSet<>();
        JsonLines.forEach(file, (number, source) -> {
            try {
                rows.add(TokenRow.of(layout, LineFields.requireIntArray(source.json(), "tokens")));
            } catch (Exception e) {
                throw new IllegalArgumentException(file + " line " + number + ": " + JsonLineMapper.firstLine(e.getMessage()), e);
            }
        });
        return rows;
    }
}
