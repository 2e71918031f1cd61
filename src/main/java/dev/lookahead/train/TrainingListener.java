package dev.lookahead.train;

import java.io.IOException;

/**
 * One concern of a training loop - logging progress, held-out evaluation, checkpoints, the curriculum - as DJL's
 * trainer separates them: the loop calls every listener after each step and once at the end, and knows nothing else.
 * Every method is called on the training thread.
 */
public interface TrainingListener {
    /** After each optimiser step. */
    default void afterStep(StepRun run, StepRun.StepResult result) throws IOException {
    }

    /** Once, when the loop ends - finished, cancelled or failed. */
    default void atEnd(StepRun run) throws IOException {
    }
}
