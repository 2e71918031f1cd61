package dev.lookahead.cli.search;

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
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.TokenRow;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Draw graph-search examples from the paper's distributions, one JSON line each.")
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

    @Option(names = "--reserve", description = "JSONL whose token rows must never be produced (e.g. a test set).")
    Path reserve;

    @Option(names = "--seed", defaultValue = "1", description = "Random seed (default ${DEFAULT-VALUE}).")
    long seed;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Override
    public Integer call() throws Exception {
        TokenLayout layout = new TokenLayout(n);
        if (count < 0) throw new IllegalArgumentException("--count must not be negative (got " + count + ")");
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
