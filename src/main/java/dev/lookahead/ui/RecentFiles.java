package dev.lookahead.ui;

import dev.lookahead.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The graphs and sessions opened or saved lately, newest first, kept in {@code recent.txt} in the workbench's home folder. */
public final class RecentFiles {
    private static final int KEEP = 8;
    private final Path file;

    public RecentFiles(Path home) {
        this.file = home.resolve("recent.txt");
    }

    public List<Path> list() {
        List<Path> files = new ArrayList<>();
        try {
            if (Files.isRegularFile(file)) for (String line : Files.readAllLines(file)) if (!line.isBlank()) files.add(Path.of(line));
        } catch (IOException | RuntimeException e) {
            // an unreadable list is an empty one: it only offers shortcuts
        }
        return files;
    }

    public void add(Path opened) {
        List<Path> files = list();
        Path absolute = opened.toAbsolutePath().normalize();
        files.remove(absolute);
        files.addFirst(absolute);
        while (files.size() > KEEP) files.removeLast();
        try {
            Files.createDirectories(file.getParent());
            AtomicFiles.writeString(file, String.join("\n", files.stream().map(Path::toString).toList()) + "\n");
        } catch (IOException e) {
            // not remembering a file is no reason to fail opening it
        }
    }
}
