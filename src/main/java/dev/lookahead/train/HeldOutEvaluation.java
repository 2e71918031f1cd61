package dev.lookahead.train;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.stats.Proportion;
import java.io.IOException;
import java.util.Map;

/** Every {@code evalEvery} examples (and at the last step): accuracy on the held-out test sets, reported and logged. */
final class HeldOutEvaluation implements TrainingListener {
    private final Trainer.Listener report;

    HeldOutEvaluation(Trainer.Listener report) {
        this.report = report;
    }

    @Override
    public void afterStep(TrainingRun run, TrainingRun.StepResult result) throws IOException {
        TrainingConfig config = run.config();
        long everySteps = Math.max(1, config.evalEvery() / config.batch());
        if (run.stepsDone() % everySteps != 0 && !run.finished()) return;
        Map<String, Proportion> accuracy = run.evaluate();
        report.evaluated(run.stepsDone() * config.batch(), accuracy);
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("step", run.stepsDone());
        line.put("examples", run.stepsDone() * config.batch());
        ObjectNode held = line.putObject("held_out_accuracy");
        accuracy.forEach((bucket, p) -> held.put(bucket, p.value()));
        run.log(line);
    }
}
