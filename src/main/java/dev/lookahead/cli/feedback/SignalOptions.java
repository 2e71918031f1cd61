package dev.lookahead.cli.feedback;

import dev.lookahead.feedback.BotTurnSignals;
import java.util.List;
import java.util.Locale;
import picocli.CommandLine.Option;

/** The labelling settings shared by the signals commands. */
public final class SignalOptions {
    @Option(names = "--k", split = ",", defaultValue = "5,20", description = "Word counts for the length signals (default ${DEFAULT-VALUE}).")
    public List<Integer> ks;

    @Option(names = "--no-reply", defaultValue = "excluded", description = "Turns without a reply: excluded (signals null) or bad (default ${DEFAULT-VALUE}).")
    public String noReply;

    BotTurnSignals.NoReply policy() {
        return switch (noReply.toLowerCase(Locale.ROOT)) {
            case "excluded" -> BotTurnSignals.NoReply.EXCLUDED;
            case "bad" -> BotTurnSignals.NoReply.BAD;
            default -> throw new IllegalArgumentException("--no-reply must be excluded or bad (got " + noReply + ")");
        };
    }
}
