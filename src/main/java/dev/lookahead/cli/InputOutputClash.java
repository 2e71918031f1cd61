package dev.lookahead.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses a command line whose output ({@code --out}, {@code --json}, {@code --figure}) is the same file
 * as one of its inputs, before anything is read: writing it would destroy the input. Files are compared
 * as files (links and relative paths resolved), not as strings.
 */
public final class InputOutputClash {
    private static final Set<String> INPUTS = Set.of("--in", "--graph", "--reserve", "--spec", "--key");
    private static final Set<String> OUTPUTS = Set.of("--out", "--json", "--figure");

    private InputOutputClash() {
    }

    /** The message naming the clash on the deepest subcommand's options, if there is one. */
    static Optional<String> find(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) command = command.subcommand();
        List<Path> inputs = paths(command, INPUTS);
        for (OptionSpec option : command.matchedOptions()) {
            if (!OUTPUTS.contains(option.longestName())) continue;
            for (Path output : paths(option)) {
                for (Path input : inputs) {
                    if (same(input, output)) {
                        return Optional.of(option.longestName() + " " + output + " is the input file " + input
                                + "; writing it would destroy the input - choose another path");
                    }
                }
            }
        }
        return Optional.empty();
    }

    private static List<Path> paths(ParseResult command, Set<String> names) {
        List<Path> found = new ArrayList<>();
        for (OptionSpec option : command.matchedOptions()) if (names.contains(option.longestName())) found.addAll(paths(option));
        return found;
    }

    private static List<Path> paths(OptionSpec option) {
        Object value = option.getValue();
        List<Path> found = new ArrayList<>();
        if (value instanceof Path path) found.add(path);
        if (value instanceof Collection<?> many) for (Object item : many) if (item instanceof Path path) found.add(path);
        return found;
    }

    private static boolean same(Path input, Path output) {
        try {
            if (Files.exists(input) && Files.exists(output)) return Files.isSameFile(input, output);
        } catch (IOException e) {
            // unreadable: compare by name below
        }
        return input.toAbsolutePath().normalize().equals(output.toAbsolutePath().normalize());
    }
}
