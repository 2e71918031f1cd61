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

    @Test
    void aStalePartialFileOfAKilledWriterIsRemovedByTheNextWriteAndAFreshOneIsKept() throws IOException {
        Path target = dir.resolve("out.jsonl");
        Path stale = Files.writeString(dir.resolve(".out.jsonl123.part"), "half");
        Files.setLastModifiedTime(stale, java.nio.file.attribute.FileTime.from(
                java.time.Instant.now().minus(AtomicFiles.STALE_AFTER).minusSeconds(60)));
        Path fresh = Files.writeString(dir.resolve(".out.jsonl456.part"), "another writer, still going");
        AtomicFiles.writeString(target, "whole");
        assertThat(stale).doesNotExist();
        assertThat(fresh).exists();
        assertThat(target).hasContent("whole");
    }

    @Test
    void aWriterStoppedBySigtermLeavesNoPartialFile() throws Exception {
        Path target = dir.resolve("big.jsonl");
        String javaBinary = Path.of(System.getProperty("java.home"), "bin", "java").toString();
        Process process = new ProcessBuilder(javaBinary, "-cp", System.getProperty("java.class.path"), "dev.lookahead.Main",
                "generate", "--n", "32", "--count", "100000000", "--out", target.toString())
                .redirectErrorStream(true).redirectOutput(dir.resolve("log.txt").toFile()).start();
        try {
            long deadline = System.nanoTime() + 60_000_000_000L;
            while (partials(dir).isEmpty() && System.nanoTime() < deadline) Thread.sleep(100);
            assertThat(partials(dir)).as("the writer's temporary file, while it writes").isNotEmpty();
            process.destroy(); // SIGTERM
            assertThat(process.waitFor(30, java.util.concurrent.TimeUnit.SECONDS)).isTrue();
        } finally {
            process.destroyForcibly();
        }
        assertThat(partials(dir)).as("temporary files after SIGTERM").isEmpty();
        assertThat(target).doesNotExist();
    }

    private static java.util.List<Path> partials(Path dir) throws IOException {
        try (var files = Files.list(dir)) {
            return files.filter(f -> f.getFileName().toString().endsWith(".part")).toList();
        }
    }
}
