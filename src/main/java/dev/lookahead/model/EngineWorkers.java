package dev.lookahead.model;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.DoubleConsumer;

/**
 * Independent pieces of engine work run on several threads at once, each thread with one libtorch
 * intra-op thread. For the small batches of circuit tracing, two such threads on two cores do about
 * twice the work of one, where one piece at a time on two intra-op threads does about 1.6 times
 * (docs/benchmarks.md). Each piece must write only its own results.
 */
public final class EngineWorkers {
    private EngineWorkers() {
    }

    /**
     * Runs every piece, on {@code threads} threads when that is more than one, else on the calling
     * thread; returns when all are done, reporting the share done to {@code progress} from the calling
     * thread. A piece that throws stops the rest from starting and its exception is rethrown here.
     */
    public static void runAll(int threads, List<Runnable> pieces, DoubleConsumer progress) {
        if (threads <= 1) {
            for (int i = 0; i < pieces.size(); i++) {
                pieces.get(i).run();
                progress.accept((i + 1.0) / pieces.size());
            }
            return;
        }
        ExecutorService pool = Executors.newFixedThreadPool(threads, work -> {
            // one engine thread each, set once and never put back: putting back a fresh thread's default (one per core)
            // would also raise MKL's process-wide count, which NativeSetup keeps at one for reproducible training
            Thread thread = new Thread(() -> {
                TorchCalls.setThreads(1);
                work.run();
            }, "engine-worker");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<?>> futures = new ArrayList<>();
            for (Runnable piece : pieces) futures.add(pool.submit(piece));
            for (int i = 0; i < futures.size(); i++) {
                await(futures.get(i));
                progress.accept((i + 1.0) / futures.size());
            }
        } finally {
            pool.shutdownNow();
        }
    }

    private static void await(Future<?> future) {
        try {
            future.get();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while waiting for the engine's workers", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof RuntimeException runtime) throw runtime;
            if (e.getCause() instanceof Error error) throw error;
            throw new IllegalStateException(e.getCause());
        }
    }
}
