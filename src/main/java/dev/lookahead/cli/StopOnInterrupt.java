package dev.lookahead.cli;

import dev.lookahead.io.AtomicFiles;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Ctrl-C (or a SLURM pre-emption's SIGTERM) asks a long job to stop at its next checkpoint, and the
 * JVM waits up to two minutes for it to get there instead of dying mid-write.
 */
public final class StopOnInterrupt implements AutoCloseable {
    private final AtomicBoolean requested = new AtomicBoolean();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private final Thread hook = new Thread(() -> {
        requested.set(true);
        try {
            stopped.await(120, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    });

    public StopOnInterrupt() {
        Runtime.getRuntime().addShutdownHook(hook);
        AtomicFiles.finishWritesOnShutdown(true);
    }

    public boolean requested() {
        return requested.get();
    }

    /** The job has stopped: let a pending exit go on, or, if none is pending, stop listening. */
    @Override
    public void close() {
        stopped.countDown();
        AtomicFiles.finishWritesOnShutdown(false);
        if (!requested.get()) Runtime.getRuntime().removeShutdownHook(hook);
    }
}
