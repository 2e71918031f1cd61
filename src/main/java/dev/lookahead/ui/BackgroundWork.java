package dev.lookahead.ui;

import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.ProgressBar;

/**
 * Long work off the UI thread, one job at a time: a progress bar and a Cancel button show while it
 * runs; starting a new job cancels the one before. Results arrive on the UI thread.
 */
public final class BackgroundWork {
    private final ProgressBar bar;
    private final Button cancel;
    private Task<?> running;

    public BackgroundWork(ProgressBar bar, Button cancel) {
        this.bar = bar;
        this.cancel = cancel;
        bar.setVisible(false);
        cancel.setVisible(false);
        cancel.setOnAction(e -> {
            if (running != null) running.cancel();
        });
    }

    /**
     * Starts {@code task} on a daemon thread.
     *
     * @param done      receives the result on success
     * @param failed    receives the failure
     * @param cancelled runs when the user cancelled (or a newer job replaced this one)
     */
    public <T> Task<T> start(Task<T> task, String name, Consumer<T> done, Consumer<Throwable> failed, Runnable cancelled) {
        if (running != null) running.cancel();
        running = task;
        bar.progressProperty().bind(task.progressProperty());
        bar.setVisible(true);
        cancel.setVisible(true);
        task.setOnSucceeded(e -> {
            finish(task);
            done.accept(task.getValue());
        });
        task.setOnFailed(e -> {
            finish(task);
            failed.accept(task.getException());
        });
        task.setOnCancelled(e -> {
            finish(task);
            cancelled.run();
        });
        Thread thread = new Thread(task, name);
        thread.setDaemon(true);
        thread.start();
        return task;
    }

    private void finish(Task<?> task) {
        if (running != task) return;
        running = null;
        bar.progressProperty().unbind();
        bar.setVisible(false);
        cancel.setVisible(false);
    }

    /** The job running now, or null. */
    public Task<?> running() {
        return running;
    }
}
