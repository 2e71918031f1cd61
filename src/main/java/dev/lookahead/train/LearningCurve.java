package dev.lookahead.train;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's learning curve as its {@code log.jsonl} records it. A run resumed from a checkpoint logs
 * again the steps after that checkpoint; the later lines win, so the curve is the run that the
 * weights actually went through.
 *
 * @param training  one point per progress line: loss and accuracy averaged over the last steps
 * @param heldOut   one point per held-out evaluation
 */
public record LearningCurve(List<TrainingPoint> training, List<HeldOutPoint> heldOut) {

    /**
     * @param accuracy      averaged over the recent steps
     * @param batchAccuracy the logged batch's own accuracy; the recent steps' mean where the log predates it
     */
    public record TrainingPoint(long examples, double loss, double accuracy, double batchAccuracy) {
        public TrainingPoint(long examples, double loss, double accuracy) {
            this(examples, loss, accuracy, accuracy);
        }
    }

    /** The paper's convergence threshold on training accuracy (Saparov et al. 2025, train.py's logs as make_figures.py reads them). */
    public static final double CONVERGED = 0.995;

    /** @param accuracy by bucket: "1".."L", "naive" */
    public record HeldOutPoint(long examples, Map<String, Double> accuracy) {
    }

    public LearningCurve {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
    }

    /** The curve of the run in {@code runFolder} (empty when it has no log yet). */
    public static LearningCurve read(Path runFolder) throws IOException {
        List<TrainingPoint> training = new ArrayList<>();
        List<HeldOutPoint> heldOut = new ArrayList<>();
        for (TrainingLog.Entry entry : TrainingLog.read(runFolder)) {
            long examples = entry.examples();
            training.removeIf(p -> p.examples() > examples);
            heldOut.removeIf(p -> p.examples() > examples);
            if (entry instanceof TrainingLog.Progress p) {
                training.add(new TrainingPoint(examples, p.loss(), p.trainAccuracy(), p.batchAccuracy() != null ? p.batchAccuracy() : p.trainAccuracy()));
            }
            if (entry instanceof TrainingLog.HeldOut h) heldOut.add(new HeldOutPoint(examples, h.heldOutAccuracy()));
        }
        return new LearningCurve(training, heldOut);
    }

    /**
     * Converged as the paper reads its training logs: some logged training batch reached {@value #CONVERGED} (a log that
     * predates per-batch accuracy is read at its recent-steps means, which the paper's rule then equals
     * {@link #convergedMean50} on).
     */
    public boolean converged() {
        return training.stream().anyMatch(p -> p.batchAccuracy() >= CONVERGED);
    }

    /** The workbench's first, stricter rule: a logged mean over the recent (up to 50) steps reached {@value #CONVERGED}. */
    public boolean convergedMean50() {
        return bestTrainingAccuracy() >= CONVERGED;
    }

    /** The highest training accuracy the run reached (each point already averages many steps); 0 for an empty log. */
    public double bestTrainingAccuracy() {
        return training.stream().mapToDouble(TrainingPoint::accuracy).max().orElse(0);
    }

    /** The lowest training loss reached; NaN for an empty log. */
    /** The loss of the last progress entry, or null when none was logged. */
    public Double lastLoss() {
        return training.isEmpty() ? null : training.get(training.size() - 1).loss();
    }

    public double lowestTrainingLoss() {
        return training.stream().mapToDouble(TrainingPoint::loss).min().orElse(Double.NaN);
    }
}
