package dev.lookahead.train;

import java.io.IOException;

/** Reports and logs each time the lookahead curriculum moves on to longer lookaheads. */
final class CurriculumLogging implements TrainingListener {
    private final Trainer.Listener report;
    private final TrainingRun run;
    private int lookahead;

    CurriculumLogging(Trainer.Listener report, TrainingRun run) {
        this.report = report;
        this.run = run;
        this.lookahead = run.trainingLookahead();
    }

    @Override
    public void afterStep(StepRun stepped, StepRun.StepResult result) throws IOException {
        if (run.trainingLookahead() == lookahead) return;
        lookahead = run.trainingLookahead();
        long examples = run.stepsDone() * run.config().batch();
        report.lookaheadRaised(examples, lookahead);
        run.log(new TrainingLog.Curriculum(run.stepsDone(), examples, lookahead));
    }
}
