package dev.lookahead.cli.bench;

import picocli.CommandLine.Command;

@Command(name = "bench", description = "Benchmarks that print figures measured in one run (medians of repeats).",
        subcommands = {BenchGenerateCommand.class, BenchTrainCommand.class, BenchInferCommand.class, BenchTraceCommand.class, BenchProofsCommand.class, BenchSignalsCommand.class, BenchUiCommand.class})
public final class BenchCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
