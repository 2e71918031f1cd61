package dev.lookahead.cli;

import picocli.CommandLine.Option;

/** The options of every command that runs a model. */
final class ModelOptions {
    @Option(names = "--model", defaultValue = "default", description = "A shipped model (default, ...) or a training folder (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    String device;
}
