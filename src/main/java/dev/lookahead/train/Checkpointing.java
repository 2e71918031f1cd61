package dev.lookahead.train;

import java.io.IOException;

/** A checkpoint every few minutes and always at the end, so a cancelled or killed run loses at most a few minutes. */
final class Checkpointing implements TrainingListener {
    private static final double SECONDS = 180;

    private final Trainer.Listener report;
    private long last = System.nanoTime();

    Checkpointing(Trainer.Listener report) {
        this.report = report;
    }

    @Override
    public void afterStep(StepRun run, StepRun.StepResult result) throws IOException {
        if ((System.nanoTime() - last) / 1e9 >= SECONDS) save(run);
    }

    @Override
    public void atEnd(StepRun run) throws IOException {
        save(run);
    }

    private void save(StepRun run) throws IOException {
        run.checkpoint();
        report.checkpointed(run.stepsDone());
        last = System.nanoTime();
    }
}
