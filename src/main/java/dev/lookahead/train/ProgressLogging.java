package dev.lookahead.train;

import java.io.IOException;

/**
 * About once a second (and at the last step): the loss and training accuracy averaged over the recent steps, the
 * speed and the learning rate, reported and written to the run's log.
 */
final class ProgressLogging implements TrainingListener {
    private static final double SECONDS = 1;
    /** Steps averaged for the loss and accuracy shown. */
    private static final int RECENT = 50;

    private final Trainer.Listener report;
    private final double[] recentLoss = new double[RECENT];
    private final double[] recentAccuracy = new double[RECENT];
    private int recorded;
    private long lastReport = System.nanoTime();
    private long windowStart = System.nanoTime();
    private long windowExamples;

    ProgressLogging(Trainer.Listener report) {
        this.report = report;
    }

    @Override
    public void afterStep(StepRun run, StepRun.StepResult result) throws IOException {
        recentLoss[recorded % RECENT] = result.loss();
        recentAccuracy[recorded % RECENT] = (double) result.correct() / result.size();
        recorded++;
        windowExamples += result.size();
        long now = System.nanoTime();
        if ((now - lastReport) / 1e9 < SECONDS && !run.finished()) return;
        double speed = windowExamples / ((now - windowStart) / 1e9);
        windowStart = now;
        windowExamples = 0;
        lastReport = now;
        int window = Math.min(recorded, RECENT);
        TrainingProgress progress = new TrainingProgress(run.stepsDone(), run.totalSteps(), run.stepsDone() * run.batch(),
                mean(recentLoss, window), mean(recentAccuracy, window), speed, run.learningRateAt(run.stepsDone()), run.elapsedSeconds());
        report.progress(progress);
        run.log(new TrainingLog.Progress(progress.step(), progress.examplesSeen(), progress.loss(), progress.accuracy(),
                progress.learningRate(), Math.round(speed), Math.round(run.elapsedSeconds()), (double) result.correct() / result.size()));
    }

    private static double mean(double[] values, int count) {
        double sum = 0;
        for (int i = 0; i < count; i++) sum += values[i];
        return count == 0 ? Double.NaN : sum / count;
    }
}
