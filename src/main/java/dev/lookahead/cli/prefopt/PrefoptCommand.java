package dev.lookahead.cli.prefopt;

import picocli.CommandLine.Command;

/** The Preference Lab on the command line: sample whole paths from a model, then turn the samples into preference pairs. */
@Command(name = "prefopt", description = "Preference optimisation on the workbench's own models: sample whole paths, make ScPO, IRPO or DPO pairs, train iterations.",
        subcommands = {PrefoptSampleCommand.class, PrefoptPairsCommand.class, PrefoptTrainCommand.class, PrefoptRewardCommand.class})
public final class PrefoptCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }
}
