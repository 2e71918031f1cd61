package dev.lookahead.cli;

import java.io.IOException;
import java.lang.annotation.Annotation;
import java.lang.reflect.Field;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import picocli.CommandLine.Model.ArgSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.ParseResult;

/**
 * Refuses a command line whose output (an option marked {@link OutputFile}) is the same file as one of its inputs
 * (marked {@link InputFile}), before anything is read: writing it would destroy the input. Files are compared as
 * files (links and relative paths resolved), not as strings.
 */
public final class InputOutputClash {
    private InputOutputClash() {
    }

    /** The message naming the clash on the deepest subcommand's options, if there is one. */
    static Optional<String> find(ParseResult parsed) {
        ParseResult command = parsed;
        while (command.hasSubcommand()) command = command.subcommand();
        List<Path> inputs = paths(command, InputFile.class);
        for (OptionSpec option : command.matchedOptions()) {
            if (!marked(option, OutputFile.class)) continue;
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

    private static List<Path> paths(ParseResult command, Class<? extends Annotation> role) {
        List<Path> found = new ArrayList<>();
        for (ArgSpec arg : command.matchedArgs()) if (marked(arg, role)) found.addAll(paths(arg));
        return found;
    }

    /** Whether the option or parameter's field carries the given mark. */
    private static boolean marked(ArgSpec arg, Class<? extends Annotation> role) {
        return arg.userObject() instanceof Field field && field.isAnnotationPresent(role);
    }

    private static List<Path> paths(ArgSpec option) {
        Object value = option.getValue();
        List<Path> found = new ArrayList<>();
        if (value instanceof Path path) found.add(path);
        if (value instanceof String name) existing(name).ifPresent(found::add);
        if (value instanceof Collection<?> many) for (Object item : many) if (item instanceof Path path) found.add(path);
        return found;
    }

    /** A text option naming a file (a template, say) counts when it names one that exists; a built-in name does not. */
    private static Optional<Path> existing(String name) {
        try {
            Path path = Path.of(name);
            return !name.isBlank() && Files.exists(path) ? Optional.of(path) : Optional.empty();
        } catch (java.nio.file.InvalidPathException e) {
            return Optional.empty();
        }
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
