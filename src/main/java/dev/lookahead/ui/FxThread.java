package dev.lookahead.ui;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import javafx.application.Platform;

/** Running a piece of work on the JavaFX application thread from another thread, and waiting for it. */
public final class FxThread {
    private FxThread() {
    }

    /** Runs {@code action} on the FX thread and waits at most {@code seconds}; its errors are rethrown here. */
    public static void runAndWait(Runnable action, long seconds) throws Exception {
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        try {
            done.get(seconds, TimeUnit.SECONDS);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error;
            if (e.getCause() instanceof Exception exception) throw exception;
            throw e;
        }
    }
}
