package dev.lookahead.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file beside
 * the target, which then replaces the target in one rename. A failure leaves the old file intact.
 */
public final class AtomicFiles {
    /** A temporary file nobody has written to for this long is left over from a killed writer. */
    static final Duration STALE_AFTER = Duration.ofMinutes(10);
    private static final Set<Path> IN_PROGRESS = ConcurrentHashMap.newKeySet();
    private static volatile boolean finishWritesOnShutdown;

    static {
        // Ctrl-C or SIGTERM ends a writer mid-file: its temporary file goes with it, unless the job asked
        // to finish its writes first (a training run saving its last checkpoint)
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            if (finishWritesOnShutdown) return;
            for (Path temporary : IN_PROGRESS) deleteQuietly(temporary);
        }, "remove-partial-files"));
    }

    private AtomicFiles() {
    }

    /**
     * While true, a shutdown leaves writes in progress alone: a job that stops at a checkpoint on
     * Ctrl-C finishes them itself. Otherwise a shutdown removes every temporary file being written.
     */
    public static void finishWritesOnShutdown(boolean finish) {
        finishWritesOnShutdown = finish;
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content<W> {
        void writeTo(W out) throws IOException;
    }

    public static void writeBytes(Path target, Content<OutputStream> content) throws IOException {
        try {
            write(target.toAbsolutePath(), content);
        } catch (ContentFailed e) {
            throw e.getCause(); // the producer's own error, as it was
        } catch (IOException e) {
            // a file-system error names the file the user asked for, never the hidden temporary one
            String message = e.getMessage() == null || e.getMessage().contains(".part")
                    ? e.getClass().getSimpleName().replace("Exception", "").replaceAll("([a-z])([A-Z])", "$1 $2").toLowerCase()
                    : e.getMessage();
            throw new IOException("cannot write " + target + ": " + message, e);
        }
    }

    /** An error of the content's producer, carried past the file-system error handling unchanged. */
    private static final class ContentFailed extends IOException {
        ContentFailed(IOException cause) {
            super(cause);
        }

        @Override
        public synchronized IOException getCause() {
            return (IOException) super.getCause();
        }
    }

    private static void write(Path absolute, Content<OutputStream> content) throws IOException {
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        removeStaleParts(absolute);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        IN_PROGRESS.add(temporary);
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                try {
                    content.writeTo(out);
                } catch (IOException e) {
                    throw new ContentFailed(e);
                }
            }
            keepPermissions(temporary, absolute);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
            IN_PROGRESS.remove(temporary);
        }
    }

    /** Removes temporary files of {@code target} left by writers that were killed (untouched for {@link #STALE_AFTER}). */
    static void removeStaleParts(Path target) throws IOException {
        Instant before = Instant.now().minus(STALE_AFTER);
        try (DirectoryStream<Path> parts = Files.newDirectoryStream(target.getParent(), "." + target.getFileName() + "*.part")) {
            for (Path part : parts) {
                if (!IN_PROGRESS.contains(part) && Files.getLastModifiedTime(part).toInstant().isBefore(before)) deleteQuietly(part);
            }
        }
    }

    private static void deleteQuietly(Path file) {
        try {
            Files.deleteIfExists(file);
        } catch (IOException e) {
            // best effort: a file that cannot be removed now is removed as stale by the next write
        }
    }

    /**
     * A temporary file is private to its owner; the file it becomes keeps the permissions of the one it
     * replaces, or gets the usual rw-r--r-- when new.
     */
    private static void keepPermissions(Path temporary, Path target) throws IOException {
        if (!temporary.getFileSystem().supportedFileAttributeViews().contains("posix")) return;
        Set<PosixFilePermission> permissions = Files.exists(target) ? Files.getPosixFilePermissions(target)
                : PosixFilePermissions.fromString("rw-r--r--");
        Files.setPosixFilePermissions(temporary, permissions);
    }

    public static void writeText(Path target, Content<Writer> content) throws IOException {
        writeBytes(target, out -> {
            Writer writer = new BufferedWriter(new OutputStreamWriter(out, StandardCharsets.UTF_8), 1 << 16);
            content.writeTo(writer);
            writer.flush();
        });
    }

    public static void writeString(Path target, String text) throws IOException {
        writeText(target, out -> out.write(text));
    }
}
