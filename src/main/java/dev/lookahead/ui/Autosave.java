package dev.lookahead.ui;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Comparator;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * The running window's session, written after every change to {@code autosave-<pid>.json} in the
 * workbench's home folder and deleted on a clean exit. A file left by a process that is gone is a
 * crashed window's work: the next window restores it. Several windows each keep their own file.
 */
public final class Autosave {
    private static final String PREFIX = "autosave-";
    private final Path home;
    private final Path file;

    public Autosave(Path home) {
        this.home = home;
        this.file = home.resolve(PREFIX + ProcessHandle.current().pid() + ".json");
    }

    /** The workbench's home folder: the {@code lookahead.home} property, else {@code ~/.lookahead}. */
    public static Path defaultHome() {
        String configured = System.getProperty("lookahead.home");
        return configured != null ? Path.of(configured) : Path.of(System.getProperty("user.home"), ".lookahead");
    }

    public Path file() {
        return file;
    }

    public void save(Session session) throws IOException {
        Files.createDirectories(home);
        session.write(file);
    }

    /** The newest autosave of a window that did not close cleanly (its process is gone), if any. */
    public Optional<Path> orphan() throws IOException {
        if (!Files.isDirectory(home)) return Optional.empty();
        try (Stream<Path> files = Files.list(home)) {
            return files.filter(f -> f.getFileName().toString().startsWith(PREFIX) && f.getFileName().toString().endsWith(".json"))
                    .filter(f -> !f.equals(file) && !alive(f))
                    .max(Comparator.comparing(Autosave::modified));
        }
    }

    /** Deletes this window's autosave (a clean exit), or an orphan once restored. */
    public static void discard(Path autosave) {
        try {
            Files.deleteIfExists(autosave);
        } catch (IOException e) {
            // a left-over autosave is only restored once more; nothing is lost
        }
    }

    private static boolean alive(Path autosave) {
        String name = autosave.getFileName().toString();
        try {
            long pid = Long.parseLong(name.substring(PREFIX.length(), name.length() - ".json".length()));
            return ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
        } catch (NumberFormatException e) {
            return false;
        }
    }

    private static FileTime modified(Path file) {
        try {
            return Files.getLastModifiedTime(file);
        } catch (IOException e) {
            return FileTime.fromMillis(0);
        }
    }
}
