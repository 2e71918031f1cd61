package dev.lookahead.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.stats.Proportion;
import java.io.IOException;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * Drives a {@link TrainingRun} to its end or until cancelled: progress about once a second,
 * held-out evaluation every {@code evalEvery} examples, and a checkpoint every few minutes and at the
 * end, so a cancelled or killed run loses at most a few minutes. Used by the command line and the GUI.
 */
public final class Trainer {
    private static final double CHECKPOINT_SECONDS = 180;
    private static final double PROGRESS_SECONDS = 1;
    /** Steps averaged for the loss and accuracy shown in progress. */
    private static final int RECENT = 50;

    /** What a running training reports; every method is called on the training thread. */
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

    /** Trains until the run is finished or {@code cancelled} answers true; always ends on a checkpoint. */
    public static void run(TrainingRun run, Listener listener, BooleanSupplier cancelled) throws IOException, InterruptedException {
        TrainingConfig config = run.config();
        double[] recentLoss = new double[RECENT];
        double[] recentAccuracy = new double[RECENT];
        int recorded = 0;
        long lastReport = System.nanoTime();
        long lastCheckpoint = System.nanoTime();
        long windowStart = System.nanoTime();
        long windowExamples = 0;
        double speed = 0;
        long evalEverySteps = Math.max(1, config.evalEvery() / config.batch());
        try {
            while (!run.finished() && !cancelled.getAsBoolean()) {
                int lookaheadBefore = run.trainingLookahead();
                TrainingRun.StepResult result = run.trainStep();
                if (run.trainingLookahead() != lookaheadBefore) {
                    listener.lookaheadRaised(run.stepsDone() * config.batch(), run.trainingLookahead());
                    ObjectNode line = Json.MAPPER.createObjectNode();
                    line.put("step", run.stepsDone());
                    line.put("examples", run.stepsDone() * config.batch());
                    line.put("curriculum_lookahead", run.trainingLookahead());
                    run.log(line);
                }
                recentLoss[recorded % RECENT] = result.loss();
                recentAccuracy[recorded % RECENT] = (double) result.correct() / result.size();
                recorded++;
                windowExamples += result.size();
                long now = System.nanoTime();
                if ((now - lastReport) / 1e9 >= PROGRESS_SECONDS || run.finished()) {
                    speed = windowExamples / ((now - windowStart) / 1e9);
                    windowStart = now;
                    windowExamples = 0;
                    lastReport = now;
                    int window = Math.min(recorded, RECENT);
                    TrainingProgress progress = new TrainingProgress(run.stepsDone(), config.totalSteps(), run.stepsDone() * config.batch(),
                            mean(recentLoss, window), mean(recentAccuracy, window), speed, config.learningRateAt(run.stepsDone()),
                            run.elapsedSeconds());
                    listener.progress(progress);
                    ObjectNode line = Json.MAPPER.createObjectNode();
                    line.put("step", progress.step());
                    line.put("examples", progress.examplesSeen());
                    line.put("loss", progress.loss());
                    line.put("train_accuracy", progress.accuracy());
                    line.put("lr", progress.learningRate());
                    line.put("examples_per_second", Math.round(speed));
                    line.put("elapsed_seconds", Math.round(run.elapsedSeconds()));
                    run.log(line);
                }
                if (run.stepsDone() % evalEverySteps == 0 || run.finished()) {
                    Map<String, Proportion> accuracy = run.evaluate();
                    listener.evaluated(run.stepsDone() * config.batch(), accuracy);
                    ObjectNode line = Json.MAPPER.createObjectNode();
                    line.put("step", run.stepsDone());
                    line.put("examples", run.stepsDone() * config.batch());
                    ObjectNode held = line.putObject("held_out_accuracy");
                    accuracy.forEach((bucket, p) -> held.put(bucket, p.value()));
                    run.log(line);
                }
                if ((System.nanoTime() - lastCheckpoint) / 1e9 >= CHECKPOINT_SECONDS) {
                    run.checkpoint();
                    listener.checkpointed(run.stepsDone());
                    lastCheckpoint = System.nanoTime();
                }
            }
        } finally {
            run.checkpoint();
            listener.checkpointed(run.stepsDone());
        }
    }

    private static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += values[i];
        return count == 0 ? Double.NaN : sum / count;
    }
}
