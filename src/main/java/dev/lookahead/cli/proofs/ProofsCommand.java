package dev.lookahead.cli.proofs;

import picocli.CommandLine.Command;

/** Deduction problems and proofs (PrOntoQA-OOD): generate, check, report. */
@Command(name = "proofs", description = "Generate deduction problems, check proofs step by step, and summarise the checks.",
        subcommands = {ProofsGenerateCommand.class, ProofsCheckCommand.class, ProofsReportCommand.class})
public final class ProofsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
