package dev.lookahead.cli;

import dev.lookahead.experiments.JobResult;
import dev.lookahead.experiments.Sweep;
import dev.lookahead.experiments.SweepJob;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.TrainingProgress;
import java.util.Map;

/** Training and sweep progress on standard error: a progress bar, and a line per evaluation, curriculum stage and job. */
public class TrainingPrinter implements Sweep.Listener {
    private final ProgressBar bar;
    private String prefix;

    public TrainingPrinter(ProgressBar bar, String prefix) {
        this.bar = bar;
        this.prefix = prefix;
    }

    @Override
    public void progress(TrainingProgress p) {
        bar.show(p.fraction(), String.format("%sstep %,d/%,d  %,.0f ex/s  loss %.4f  acc %.4f  lr %.2e",
                prefix, p.step(), p.totalSteps(), p.examplesPerSecond(), p.loss(), p.accuracy(), p.learningRate()), p.etaSeconds());
    }

    @Override
    public void lookaheadRaised(long examplesSeen, int lookahead) {
        bar.println(String.format("%scurriculum: the judged batch passed after %,d examples; now lookahead up to %d",
                prefix, examplesSeen, lookahead));
    }

    @Override
    public void evaluated(long examplesSeen, Map<String, Proportion> accuracy) {
        StringBuilder line = new StringBuilder(String.format("%sheld-out accuracy after %,d examples:", prefix, examplesSeen));
        // search buckets are lookaheads (L1..), dfs buckets backtrack distances (b-1, b0..), si buckets (frontier,branch)
        boolean dfs = accuracy.containsKey("-1");
        accuracy.forEach((bucket, p) -> line.append(String.format("  %s %.3f",
                bucket.matches("-?\\d+") ? (dfs ? "b" : "L") + bucket : bucket, p.value())));
        bar.println(line.toString());
    }

    @Override
    public void jobStarted(SweepJob job, int finished, int total) {
        prefix = "[" + (job.index() + 1) + "/" + total + " " + job.id() + "] ";
        bar.println(String.format("job %d of %d: %s (%d finished before)", job.index() + 1, total, job.id(), finished));
    }

    @Override
    public void jobFinished(JobResult r) {
        bar.println(String.format("%sfinished: best training accuracy %.4f (%s), test loss %.4f", prefix, r.bestTrainAccuracy(),
                r.converged() ? "converged" : "not converged", r.testLoss()));
    }
}
