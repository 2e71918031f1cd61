package dev.lookahead.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
    @TempDir
    Path dir;

    @Test
    void aNewFileIsReadableByOthersAndAReplacedOneKeepsItsPermissions() throws IOException {
        org.junit.jupiter.api.Assumptions.assumeTrue(dir.getFileSystem().supportedFileAttributeViews().contains("posix"));
        Path file = dir.resolve("figure.svg");
        AtomicFiles.writeString(file, "first");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-r--r--");
        Files.setPosixFilePermissions(file, java.nio.file.attribute.PosixFilePermissions.fromString("rw-rw----"));
        AtomicFiles.writeString(file, "second");
        assertThat(java.nio.file.attribute.PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-rw----");
    }

    @Test
    void aFailedWriteLeavesThePreviousFileAndNoLeftovers() throws IOException {
        Path file = dir.resolve("saved.json");
        AtomicFiles.writeString(file, "the first version");
        assertThatThrownBy(() -> AtomicFiles.writeText(file, out -> {
            out.write("half of a new ver");
            throw new IOException("disk full");
        })).hasMessage("disk full");
        assertThat(Files.readString(file)).isEqualTo("the first version");
        try (var listing = Files.list(dir)) {
            assertThat(listing).containsExactly(file);
        }
    }

    @Test
    void aSuccessfulWriteReplacesTheFile() throws IOException {
        Path file = dir.resolve("nested/saved.txt");
        AtomicFiles.writeString(file, "one");
        AtomicFiles.writeString(file, "two");
        assertThat(Files.readString(file)).isEqualTo("two");
    }
}
