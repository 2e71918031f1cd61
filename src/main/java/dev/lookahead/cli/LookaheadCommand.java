package dev.lookahead.cli;

import dev.lookahead.cli.bench.BenchCommand;
import dev.lookahead.cli.experiments.SensitivityCommand;
import dev.lookahead.cli.experiments.SweepCommand;
import dev.lookahead.cli.feedback.SignalsCommand;
import dev.lookahead.cli.interp.ExportCommand;
import dev.lookahead.cli.interp.TraceCommand;
import dev.lookahead.cli.interp.TraceStatsCommand;
import dev.lookahead.cli.model.ActivationsCommand;
import dev.lookahead.cli.model.EvalCommand;
import dev.lookahead.cli.model.PredictCommand;
import dev.lookahead.cli.model.ProbeCommand;
import dev.lookahead.cli.model.TrainCommand;
import dev.lookahead.cli.proofs.ProofsCommand;
import dev.lookahead.cli.search.AnalyzeCommand;
import dev.lookahead.cli.search.GenerateCommand;
import dev.lookahead.cli.search.StatsCommand;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/** The root of the command line: {@code java -jar lookahead.jar <command> [options]}. */
@Command(name = "lookahead", mixinStandardHelpOptions = true, scope = CommandLine.ScopeType.INHERIT, version = "lookahead 0.1.0",
        description = "Headless jobs of the lookahead workbench. With no command, the workbench window opens.",
        subcommands = {GenerateCommand.class, dev.lookahead.cli.interp.InterveneCommand.class, AnalyzeCommand.class, StatsCommand.class, TrainCommand.class, EvalCommand.class, PredictCommand.class, dev.lookahead.cli.model.RolloutCommand.class, ActivationsCommand.class,
            SignalsCommand.class, ProofsCommand.class, dev.lookahead.cli.prefopt.PrefoptCommand.class, dev.lookahead.cli.vlm.VlmCommand.class, dev.lookahead.cli.judges.JudgesCommand.class, dev.lookahead.cli.gpqa.GpqaCommand.class, TraceCommand.class, TraceStatsCommand.class, ProbeCommand.class, ExportCommand.class, SweepCommand.class, SensitivityCommand.class, BenchCommand.class})
public final class LookaheadCommand implements Runnable {
    @CommandLine.Spec
    CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** Runs the command line and returns its exit code: 0 ok, 1 failure, 2 bad lines or bad usage. */
    public static int execute(String... args) {
        CommandLine commandLine = new CommandLine(new LookaheadCommand());
        commandLine.setExecutionExceptionHandler((e, cmd, parsed) -> {
            cmd.getErr().println("error: " + describe(e));
            if (Boolean.getBoolean("lookahead.debug")) e.printStackTrace(cmd.getErr());
            return usageOrInput(e) ? 2 : 1;
        });
        commandLine.setExecutionStrategy(parsed -> {
            var clash = InputOutputClash.find(parsed);
            if (clash.isPresent()) {
                parsed.commandSpec().commandLine().getErr().println("error: " + clash.get());
                return 2;
            }
            return new CommandLine.RunLast().execute(parsed);
        });
        return commandLine.execute(args);
    }

    /**
     * Whether the command refused what it was given - a file of the wrong shape (nothing was scored), a graph file it
     * cannot read, or a value it cannot take (the core's settings check their values before any file is read or
     * written) - rather than failed.
     */
    private static boolean usageOrInput(Exception e) {
        return e instanceof IllegalArgumentException || e instanceof dev.lookahead.search.GraphFileException;
    }

    private static String describe(Throwable e) {
        if (e instanceof java.nio.file.NoSuchFileException missing) return "no such file: " + missing.getFile();
        if (e instanceof java.io.UncheckedIOException unchecked) return describe(unchecked.getCause());
        String message = e.getMessage();
        return message == null ? e.getClass().getSimpleName() : message;
    }
}
