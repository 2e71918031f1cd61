package dev.lookahead.train;

import dev.lookahead.stats.Proportion;
import java.io.IOException;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link TrainingRun} to its end or until cancelled: one optimiser step after another, each followed by the
 * run's {@link TrainingListener}s - the curriculum's log, progress about once a second, held-out evaluation every
 * {@code evalEvery} examples, a checkpoint every few minutes and at the end - so a cancelled or killed run loses at
 * most a few minutes. Used by the command line, the window and sweeps; another training loop can run the same listeners.
 */
public final class Trainer {
    /** What a running training reports to whoever watches it; every method is called on the training thread. */
    public interface Listener {
        default void progress(TrainingProgress progress) {
        }

        default void evaluated(long examplesSeen, Map<String, Proportion> accuracy) {
        }

        default void checkpointed(long step) {
        }

        /** The curriculum moved on: batches now hold lookaheads up to {@code lookahead}. */
        default void lookaheadRaised(long examplesSeen, int lookahead) {
        }
    }

    private Trainer() {
    }

    /** The standard listeners, in the order they run after each step, all reporting to {@code report}. */
    public static List<TrainingListener> standardListeners(TrainingRun run, Listener report) {
        return List.of(new CurriculumLogging(report, run), new ProgressLogging(report), new HeldOutEvaluation(report), new Checkpointing(report));
    }

    /** The listeners every kind of run shares - progress, held-out evaluation, checkpoints - reporting to {@code report}. */
    public static List<TrainingListener> commonListeners(Listener report) {
        return List.of(new ProgressLogging(report), new HeldOutEvaluation(report), new Checkpointing(report));
    }

    /** Trains until the run is finished or {@code cancelled} answers true, with the standard listeners; always ends on a checkpoint. */
    public static void run(TrainingRun run, Listener report, BooleanSupplier cancelled) throws IOException, InterruptedException {
        run(run, standardListeners(run, report), cancelled);
    }

    /** Trains until the run is finished or {@code cancelled} answers true, calling {@code listeners} after each step and at the end. */
    public static void run(StepRun run, List<TrainingListener> listeners, BooleanSupplier cancelled)
            throws IOException, InterruptedException {
        try {
            while (!run.finished() && !cancelled.getAsBoolean()) {
                StepRun.StepResult result = run.trainStep();
                for (TrainingListener listener : listeners) listener.afterStep(run, result);
            }
        } finally {
            for (TrainingListener listener : listeners) listener.atEnd(run);
        }
    }
}
