package dev.lookahead.cli.bench;

import dev.lookahead.cli.InputFile;
import dev.lookahead.io.Json;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.ExampleGenerator;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.Task;
import dev.lookahead.search.TokenLayout;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Examples per second of the generator on one thread; with --peer, beside the paper's"
        + " C++ generator measured in the same sitting (docs/benchmarks.md).")
public final class BenchGenerateCommand implements Callable<Integer> {
    private record Case(Distribution distribution, int n) {
    }

    private static final Case[] CASES = {
        new Case(Distribution.BALANCED, 32),
        new Case(Distribution.BALANCED, 98),
        new Case(Distribution.BALANCED, 128),
        new Case(Distribution.NAIVE, 128),
        new Case(Distribution.NAIVE, 32),
        new Case(Distribution.STAR, 32),
    };

    @picocli.CommandLine.Mixin
    BenchJson json;

    @Option(names = "--repeats", defaultValue = "7", description = "Measured repeats per case (default ${DEFAULT-VALUE}); the median is reported.")
    int repeats;

    @Option(names = "--examples", defaultValue = "200000", description = "Examples per repeat (default ${DEFAULT-VALUE}).")
    int examples;

    @InputFile
    @Option(names = "--peer", description = "The paper's generator's speeds, measured on this machine just before (JSON:"
            + " {\"cases\": [{\"distribution\", \"n\", \"examples_per_second\"}]}, as docs/experiments/generator-peer/bench_peer.py"
            + " writes it): adds the peer's speed and the ratio per case.")
    Path peer;

    @Option(names = "--task", defaultValue = "search", paramLabel = "search|dfs|si",
            description = "search (default: the graph distributions), or dfs or si: their training draws at n = 32, 48 and 128.")
    String task;

    private static final int[] IN_CONTEXT_SIZES = {32, 48, 128};

    /** One case to time: its name in the table ("balanced", "dfs", ...), n, and a way to draw one example. */
    private record Timed(String name, int n, Runnable draw) {
    }

    private List<Timed> cases(Task chosen) {
        List<Timed> timed = new java.util.ArrayList<>();
        long seed = 1;
        if (chosen.inContext()) {
            for (int n : IN_CONTEXT_SIZES) {
                var source = InContextSets.source(new TokenLayout(n), InContextSets.Choice.training(chosen), java.util.Set.of(), seed++);
                timed.add(new Timed(chosen.id(), n, source::next));
            }
            return timed;
        }
        for (Case c : CASES) {
            TokenLayout layout = new TokenLayout(c.n());
            ExampleGenerator generator = new ExampleGenerator(GenerationSpec.training(layout, c.distribution(), layout.defaultMaxLookahead()), seed++);
            timed.add(new Timed(c.distribution().id(), c.n(), generator::next));
        }
        return timed;
    }

    @Override
    public Integer call() throws Exception {
        java.util.Map<String, Double> peerRates = peer == null ? java.util.Map.of() : readPeer(peer);
        List<Measured> rows = new java.util.ArrayList<>();
        System.out.println("distribution    n   examples/s (median)   peer/s   ratio");
        for (Timed c : cases(Task.parse(task))) {
            double rate = Repeats.medianRate(2, repeats, () -> {
                for (int i = 0; i < examples; i++) c.draw().run();
                return examples;
            });
            Double peerRate = peerRates.get(c.name() + " " + c.n());
            double ratio = peerRate == null ? Double.NaN : rate / peerRate;
            System.out.printf("%-12s %4d   %18.0f   %6s   %5s%n", c.name(), c.n(), rate,
                    peerRate == null ? "-" : String.format("%.0f", peerRate), Double.isNaN(ratio) ? "-" : String.format("%.2f", ratio));
            rows.add(new Measured(c.name(), c.n(), Math.round(rate), peerRate == null ? null : Math.round(peerRate),
                    peerRate == null ? null : Math.round(ratio * 100) / 100.0));
        }
        json.write(new Summary("generate", 1, repeats, examples, System.getProperty("java.version"), peer == null ? null : peer.toString(), rows));
        return 0;
    }

    /** The peer's examples per second by "distribution n", from the file its harness wrote. */
    private static java.util.Map<String, Double> readPeer(Path file) throws java.io.IOException {
        com.fasterxml.jackson.databind.JsonNode root;
        try {
            root = Json.MAPPER.readTree(file.toFile());
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IllegalArgumentException("--peer " + file + ": not JSON (" + e.getOriginalMessage() + ")", e);
        }
        if (root == null || !root.path("cases").isArray()) {
            throw new IllegalArgumentException("--peer " + file + ": expected {\"cases\": [...]} as bench_peer.py writes it");
        }
        java.util.Map<String, Double> rates = new java.util.HashMap<>();
        int index = 0;
        for (com.fasterxml.jackson.databind.JsonNode c : root.get("cases")) {
            if (!c.path("distribution").isTextual() || !c.path("n").isInt() || !c.path("examples_per_second").isNumber()) {
                throw new IllegalArgumentException("--peer " + file + ": case " + index + " needs distribution, n and examples_per_second");
            }
            rates.put(c.get("distribution").asText() + " " + c.get("n").asInt(), c.get("examples_per_second").asDouble());
            index++;
        }
        return rates;
    }

    /** What {@code --json} holds. */
    record Summary(String benchmark, int threads, int repeats, int examplesPerRepeat, String java,
                   @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) String peer,
                   List<Measured> cases) {
    }

    /** One distribution and size: the generator's speed, and the peer's beside it when measured. */
    record Measured(String distribution, int n, long examplesPerSecond,
                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Long peerPerSecond,
                @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Double ratioToPeer) {
    }
}
