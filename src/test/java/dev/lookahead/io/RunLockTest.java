package dev.lookahead.io;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunLockTest {
    @TempDir
    Path dir;

    @Test
    void aHeldFolderIsRefusedUntilItsLockIsReleased() throws Exception {
        try (RunLock held = RunLock.take(dir)) {
            assertThatThrownBy(() -> RunLock.take(dir)).hasMessageContaining("in use by another run")
                    .hasMessageContaining(Long.toString(ProcessHandle.current().pid()));
        }
        assertThat(dir.resolve(RunLock.FILE)).doesNotExist();
        RunLock.take(dir).close();
    }

    @Test
    void aLockLeftByAProcessThatHasEndedIsTakenOver() throws Exception {
        Process ended = new ProcessBuilder("true").start();
        ended.waitFor();
        Files.writeString(dir.resolve(RunLock.FILE), ended.pid() + " 2026-01-01T00:00:00Z\n");
        try (RunLock taken = RunLock.take(dir)) {
            assertThat(Files.readString(dir.resolve(RunLock.FILE))).startsWith(ProcessHandle.current().pid() + " ");
        }
    }

    @Test
    void aLockWhosePidWasReusedByAnotherProcessIsStale() throws Exception {
        long self = ProcessHandle.current().pid();
        Files.writeString(dir.resolve(RunLock.FILE), self + " 1999-01-01T00:00:00Z\n");
        RunLock.take(dir).close();
    }
}
