package dev.lookahead.io;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.Optional;

/**
 * One run per folder: a lock file, {@value #FILE}, naming the process that holds the folder (its id and start time).
 * A second process that asks for the folder is refused while the holder lives; a lock left by a process that has
 * ended (killed, crashed) is stale and taken over. Released on {@link #close()}.
 */
public final class RunLock implements AutoCloseable {
    public static final String FILE = "run.lock";

    private final Path file;
    private boolean released;

    private RunLock(Path file) {
        this.file = file;
    }

    /**
     * Takes the folder's lock, creating the folder if needed.
     *
     * @throws IOException naming the living process that holds it
     */
    public static RunLock take(Path folder) throws IOException {
        Files.createDirectories(folder);
        Path file = folder.resolve(FILE);
        ProcessHandle self = ProcessHandle.current();
        String owner = self.pid() + " " + started(self).map(Instant::toString).orElse("?") + "\n";
        for (int attempt = 0; attempt < 3; attempt++) {
            try {
                Files.writeString(Files.createFile(file), owner, StandardCharsets.UTF_8);
                return new RunLock(file);
            } catch (FileAlreadyExistsException held) {
                Optional<String> holder = livingHolder(file);
                if (holder.isPresent()) {
                    throw new IOException(folder + " is in use by another run (process " + holder.get() + ", " + file
                            + "); wait for it to finish or stop it, then try again");
                }
                Files.deleteIfExists(file);
            }
        }
        throw new IOException(folder + ": could not take its lock " + file + "; another run keeps taking it");
    }

    /** The process id in the lock, when that process still runs (and is the one that wrote it). */
    private static Optional<String> livingHolder(Path file) throws IOException {
        String[] fields;
        try {
            fields = Files.readString(file, StandardCharsets.UTF_8).trim().split(" ");
        } catch (java.nio.file.NoSuchFileException gone) {
            return Optional.empty();
        }
        long pid;
        try {
            pid = Long.parseLong(fields[0]);
        } catch (NumberFormatException unreadable) {
            return Optional.empty();
        }
        Optional<ProcessHandle> process = ProcessHandle.of(pid).filter(ProcessHandle::isAlive);
        if (process.isEmpty()) return Optional.empty();
        String recorded = fields.length > 1 ? fields[1] : "?";
        String actual = started(process.get()).map(Instant::toString).orElse("?");
        boolean sameProcess = recorded.equals("?") || actual.equals("?") || recorded.equals(actual);
        return sameProcess ? Optional.of(Long.toString(pid)) : Optional.empty();
    }

    private static Optional<Instant> started(ProcessHandle process) {
        return process.info().startInstant();
    }

    @Override
    public void close() throws IOException {
        if (released) return;
        released = true;
        Files.deleteIfExists(file);
    }
}
