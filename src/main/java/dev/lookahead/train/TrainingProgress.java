package dev.lookahead.train;

/**
 * Where a training run stands; sent to listeners about once a second.
 *
 * @param loss     mean cross-entropy over the recent steps
 * @param accuracy share of recent training examples whose arg-max is a useful next step
 */
public record TrainingProgress(long step, long totalSteps, long examplesSeen, double loss, double accuracy,
                               double examplesPerSecond, float learningRate, double elapsedSeconds) {

    public double fraction() {
        return totalSteps == 0 ? 1 : (double) step / totalSteps;
    }

    /** Seconds left at the current speed. */
    public double etaSeconds() {
        return examplesPerSecond <= 0 ? Double.NaN : (totalSteps - step) * (examplesSeen / Math.max(1.0, step)) / examplesPerSecond;
    }
}
