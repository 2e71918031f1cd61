package dev.lookahead.train;

import dev.lookahead.stats.Proportion;
import java.io.IOException;
import java.util.Map;

/**
 * What {@link Trainer}'s loop and its listeners need of a run: take a step, say where it stands, evaluate, checkpoint
 * and log. {@link TrainingRun} (next-vertex cross-entropy) is one; the Preference Lab's runs (DPO and its relatives) are
 * others, so every kind of training shares the same loop, progress, held-out evaluation and checkpoints.
 */
public interface StepRun {
    /** What one optimiser step did: its loss, and how many of its {@code size} items it got right (the run says what counts). */
    record StepResult(double loss, int correct, int size, double gradientNorm) {
    }

    /** One optimiser step on the next batch. */
    StepResult trainStep() throws InterruptedException;

    long stepsDone();

    long totalSteps();

    /** Items per step (examples, or preference pairs). */
    int batch();

    float learningRateAt(long step);

    /** Held-out evaluation every this many items. */
    long evalEvery();

    double elapsedSeconds();

    default boolean finished() {
        return stepsDone() >= totalSteps();
    }

    /** Accuracy on the run's held-out sets, by name. */
    Map<String, Proportion> evaluate();

    /** Writes everything needed to resume, atomically. */
    void checkpoint() throws IOException;

    /** Appends one entry to the run's learning-curve log. */
    void log(TrainingLog.Entry entry) throws IOException;
}
