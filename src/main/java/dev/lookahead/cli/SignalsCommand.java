package dev.lookahead.cli;

import picocli.CommandLine.Command;

/** Implicit feedback signals from deployment dialogue; for now the sentiment scorer they build on. */
@Command(name = "signals", description = "Conversation-feedback signals. So far: the sentiment scorer (signals sentiment).",
        subcommands = {SignalsSentimentCommand.class})
final class SignalsCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
