package dev.lookahead.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.ExampleGenerator;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.TokenLayout;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Examples per second of the generator on one thread, against the paper's C++ generator.")
final class BenchGenerateCommand implements Callable<Integer> {
    /** The reference generator's single-thread speed on a 2-core machine (search-task.md section 3). */
    private record Case(Distribution distribution, int n, double referencePerSecond) {
    }

    private static final Case[] CASES = {
        new Case(Distribution.BALANCED, 32, 250_000),
        new Case(Distribution.BALANCED, 98, 99_000),
        new Case(Distribution.BALANCED, 128, 72_000),
        new Case(Distribution.NAIVE, 128, 54_000),
        new Case(Distribution.NAIVE, 32, Double.NaN),
        new Case(Distribution.STAR, 32, Double.NaN),
    };

    @Option(names = "--json", description = "Write the figures here as JSON.")
    Path json;

    @Option(names = "--repeats", defaultValue = "7", description = "Measured repeats per case (default ${DEFAULT-VALUE}); the median is reported.")
    int repeats;

    @Option(names = "--examples", defaultValue = "200000", description = "Examples per repeat (default ${DEFAULT-VALUE}).")
    int examples;

    @Override
    public Integer call() throws Exception {
        ArrayNode rows = Json.MAPPER.createArrayNode();
        System.out.println("distribution    n   examples/s (median)   reference/s   ratio");
        long seed = 1;
        for (Case c : CASES) {
            TokenLayout layout = new TokenLayout(c.n());
            GenerationSpec spec = GenerationSpec.training(layout, c.distribution(), layout.defaultMaxLookahead());
            ExampleGenerator generator = new ExampleGenerator(spec, seed++);
            double rate = Repeats.medianRate(2, repeats, () -> {
                for (int i = 0; i < examples; i++) generator.next();
                return examples;
            });
            double ratio = rate / c.referencePerSecond();
            System.out.printf("%-12s %4d   %18.0f   %11s   %5s%n", c.distribution().id(), c.n(), rate,
                    Double.isNaN(c.referencePerSecond()) ? "-" : String.format("%.0f", c.referencePerSecond()),
                    Double.isNaN(ratio) ? "-" : String.format("%.2f", ratio));
            ObjectNode row = rows.addObject();
            row.put("distribution", c.distribution().id());
            row.put("n", c.n());
            row.put("examples_per_second", Math.round(rate));
            if (!Double.isNaN(ratio)) {
                row.put("reference_per_second", c.referencePerSecond());
                row.put("ratio_to_reference", Math.round(ratio * 100) / 100.0);
            }
        }
        ObjectNode summary = Json.MAPPER.createObjectNode();
        summary.put("benchmark", "generate");
        summary.put("threads", 1);
        summary.put("repeats", repeats);
        summary.put("examples_per_repeat", examples);
        summary.put("java", System.getProperty("java.version"));
        summary.set("cases", rows);
        if (json != null) AtomicFiles.writeString(json, Json.pretty(summary));
        return 0;
    }
}
