package dev.lookahead.train;

import dev.lookahead.stats.Proportion;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.Map;

/** Every {@code evalEvery} examples (and at the last step): accuracy on the held-out test sets, reported and logged. */
final class HeldOutEvaluation implements TrainingListener {
    private final Trainer.Listener report;

    HeldOutEvaluation(Trainer.Listener report) {
        this.report = report;
    }

    @Override
    public void afterStep(StepRun run, StepRun.StepResult result) throws IOException {
        long everySteps = Math.max(1, run.evalEvery() / run.batch());
        if (run.stepsDone() % everySteps != 0 && !run.finished()) return;
        Map<String, Proportion> accuracy = run.evaluate();
        report.evaluated(run.stepsDone() * run.batch(), accuracy);
        Map<String, Double> held = new LinkedHashMap<>();
        accuracy.forEach((bucket, p) -> held.put(bucket, p.value()));
        run.log(new TrainingLog.HeldOut(run.stepsDone(), run.stepsDone() * run.batch(), held));
    }
}
