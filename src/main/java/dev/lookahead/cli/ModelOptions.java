package dev.lookahead.cli;

import picocli.CommandLine.Option;

/** The options of every command that runs a model. */
public final class ModelOptions {
    @Option(names = "--model", defaultValue = "default", description = "A shipped model (default, ...) or a training folder (default ${DEFAULT-VALUE}).")
    public String model;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    public String device;
}
