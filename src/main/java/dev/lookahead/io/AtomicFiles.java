package dev.lookahead.io;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Set;

/**
 * Writes files so that a reader never sees half of one: the content goes to a temporary file beside
 * the target, which then replaces the target in one rename. A failure leaves the old file intact.
 */
public final class AtomicFiles {
    private AtomicFiles() {
    }

    /** Something that writes a file's content. */
    @FunctionalInterface
    public interface Content<W> {
        void writeTo(W out) throws IOException;
    }

    public static void writeBytes(Path target, Content<OutputStream> content) throws IOException {
        Path absolute = target.toAbsolutePath();
        Path directory = absolute.getParent();
        Files.createDirectories(directory);
        Path temporary = Files.createTempFile(directory, "." + absolute.getFileName(), ".part");
        try {
            try (OutputStream out = Files.newOutputStream(temporary)) {
                content.writeTo(out);
            }
            keepPermissions(temporary, absolute);
            try {
                Files.move(temporary, absolute, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
            } catch (AtomicMoveNotSupportedException e) {
                Files.move(temporary, absolute, StandardCopyOption.REPLACE_EXISTING);
            }
        } finally {
            Files.deleteIfExists(temporary);
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
