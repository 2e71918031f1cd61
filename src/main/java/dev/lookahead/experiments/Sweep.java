package dev.lookahead.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.inspect.Rollout;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.train.Evaluation;
import dev.lookahead.train.LearningCurve;
import dev.lookahead.train.Trainer;
import dev.lookahead.train.TrainingConfig;
import dev.lookahead.train.TrainingRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * A sweep in a folder: {@code sweep.json} (its spec), {@code jobs/<id>/} (one training run each, with
 * {@code result.json} once finished), and the gathered {@code results.jsonl} and {@code results.md}.
 * Jobs run one after another; a job interrupted by a cancel, a crash or a closed window resumes from
 * its last checkpoint, and finished jobs are never run again. The same folder layout is what the
 * SLURM array writes, one job per task, so {@link #collect} reads either.
 */
public final class Sweep {
    public static final String SPEC = "sweep.json";
    public static final String JOBS = "jobs";
    public static final String RESULT = "result.json";
    public static final String RESULTS = "results.jsonl";
    /** The paper's scaling fit per model shape ({@link ScalingFit}), written by {@link #collect}. */
    public static final String FITS = "fits.json";
    public static final String TABLE = "results.md";

    /** What a running sweep reports; called on the sweep's thread. */
    public interface Listener extends Trainer.Listener {
        default void jobStarted(SweepJob job, int finished, int total) {
        }

        default void jobFinished(JobResult result) {
        }
    }

    private final Path folder;
    private final SweepSpec spec;

    private Sweep(Path folder, SweepSpec spec) {
        this.folder = folder;
        this.spec = spec;
    }

    /**
     * A new sweep in {@code folder}, or, with {@code resume}, the one already there (whose spec must
     * then equal {@code spec} when one is given).
     */
    public static Sweep create(SweepSpec spec, Path folder, boolean resume) throws IOException {
        Path saved = folder.resolve(SPEC);
        if (Files.exists(saved)) {
            if (!resume) throw new IOException(folder + " already holds a sweep; pass --resume to continue it or choose another --out");
            Sweep existing = open(folder);
            if (spec != null && !existing.spec.toJson().equals(spec.toJson())) {
                throw new IOException("the spec differs from the one in " + saved + "; a resumed sweep keeps its spec (choose another --out for a new one)");
            }
            return existing;
        }
        if (spec == null) throw new IOException(folder + " holds no sweep to resume (" + SPEC + " is missing); give a spec to start one");
        spec.jobs(); // a setting no job can train with is refused before anything is written
        Files.createDirectories(folder.resolve(JOBS));
        AtomicFiles.writeString(saved, Json.pretty(spec.toJson()));
        return new Sweep(folder, spec);
    }

    public static Sweep open(Path folder) throws IOException {
        Path saved = folder.resolve(SPEC);
        if (!Files.isRegularFile(saved)) throw new IOException(folder + " is not a sweep folder (" + SPEC + " is missing)");
        return new Sweep(folder, SweepSpec.read(saved));
    }

    public Path folder() {
        return folder;
    }

    public SweepSpec spec() {
        return spec;
    }

    public List<SweepJob> jobs() {
        return spec.jobs();
    }

    public Path jobFolder(SweepJob job) {
        return folder.resolve(JOBS).resolve(job.id());
    }

    public boolean finished(SweepJob job) {
        return Files.isRegularFile(jobFolder(job).resolve(RESULT));
    }

    /** Runs every unfinished job in order until all are done or {@code cancelled}; the results table is rewritten after each. */
    public void run(Listener listener, BooleanSupplier cancelled) throws IOException, InterruptedException {
        List<SweepJob> jobs = jobs();
        for (SweepJob job : jobs) {
            if (cancelled.getAsBoolean()) return;
            if (finished(job)) continue;
            listener.jobStarted(job, (int) jobs.stream().filter(this::finished).count(), jobs.size());
            JobResult result = runJob(job, listener, cancelled);
            if (result == null) return;
            listener.jobFinished(result);
            collect(folder);
        }
    }

    /**
     * Trains one job to its end (resuming its checkpoint if it has one) and measures it.
     *
     * @return the result, or null when cancelled first (the job then resumes next time)
     */
    public JobResult runJob(SweepJob job, Trainer.Listener listener, BooleanSupplier cancelled) throws IOException, InterruptedException {
        Path run = jobFolder(job);
        if (finished(job)) return JobResult.fromJson(Json.MAPPER.readTree(run.resolve(RESULT).toFile()));
        boolean started = Files.exists(run.resolve(TrainingRun.CHECKPOINT));
        try (TrainingRun training = started ? TrainingRun.resume(run, null) : TrainingRun.start(job.config(), run)) {
            Trainer.run(training, listener, cancelled);
            if (!training.finished()) return null;
            JobResult result = measure(job, training);
            AtomicFiles.writeString(run.resolve(RESULT), Json.pretty(result.toJson()));
            return result;
        }
    }

    private static JobResult measure(SweepJob job, TrainingRun training) throws IOException {
        TrainingConfig config = training.config();
        if (config.task().inContext()) return measureInContext(job, training);
        Map<String, List<Example>> sets = EvaluationSets.standard(config.model().layout(), config.maxLookahead(),
                config.evalPerLookahead(), EvaluationSets.STANDARD_SEED);
        Map<String, Double> accuracy = new LinkedHashMap<>();
        double lossSum = 0;
        long balanced = 0;
        for (var bucket : sets.entrySet()) {
            Evaluation.Score score = Evaluation.score(training.model(), bucket.getValue());
            accuracy.put(bucket.getKey(), score.accuracy().value());
            if (bucket.getKey().equals(EvaluationSets.NAIVE) || bucket.getValue().isEmpty()) continue;
            lossSum += score.loss() * bucket.getValue().size();
            balanced += bucket.getValue().size();
        }
        LearningCurve curve = LearningCurve.read(training.folder());
        double best = curve.bestTrainingAccuracy();
        long parameters = config.model().parameterCount();
        return new JobResult(job.id(), config.model().n(), config.model().layers(), config.model().hidden(), job.distribution(),
                config.seed(), config.maxLookahead(), config.examples(), parameters, 6.0 * config.examples() * parameters, best,
                curve.converged(), curve.convergedMean50(), balanced == 0 ? Double.NaN : lossSum / balanced, accuracy, training.elapsedSeconds());
    }

    /** Graphs rolled out whole to measure an in-context job's rollout accuracy. */
    static final int ROLLOUTS = 200;

    /**
     * An in-context job: per-step accuracy on the standard buckets (backtrack, or frontier and branch), the loss over all
     * of them, and under {@code "rollout"} the share of {@value #ROLLOUTS} graphs the model searches whole.
     */
    private static JobResult measureInContext(SweepJob job, TrainingRun training) throws IOException {
        TrainingConfig config = training.config();
        TokenLayout layout = config.model().layout();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        double lossSum = 0;
        long count = 0;
        for (var bucket : InContextSets.standard(layout, config.task(), config.evalPerLookahead()).entrySet()) {
            Evaluation.Score score = Evaluation.score(training.model(), Evaluation.Rows.ofInContext(bucket.getValue()));
            accuracy.put(bucket.getKey(), score.accuracy().value());
            lossSum += score.loss() * bucket.getValue().size();
            count += bucket.getValue().size();
        }
        accuracy.put("rollout", Rollout.solvedShare(training.model(), config.task(), ROLLOUTS, EvaluationSets.STANDARD_SEED));
        LearningCurve curve = LearningCurve.read(training.folder());
        double best = curve.bestTrainingAccuracy();
        long parameters = config.model().parameterCount();
        return new JobResult(job.id(), config.model().n(), config.model().layers(), config.model().hidden(), job.distribution(),
                config.seed(), config.maxLookahead(), config.examples(), parameters, 6.0 * config.examples() * parameters, best,
                curve.converged(), curve.convergedMean50(), count == 0 ? Double.NaN : lossSum / count, accuracy, training.elapsedSeconds());
    }

    /** Every job's learning curve so far, by job id (empty for a job not started). */
    public Map<String, LearningCurve> curves() throws IOException {
        Map<String, LearningCurve> curves = new LinkedHashMap<>();
        for (SweepJob job : jobs()) curves.put(job.id(), LearningCurve.read(jobFolder(job)));
        return curves;
    }

    /**
     * Gathers the results of every finished job in {@code folder} (run here or by a cluster), in the
     * spec's job order, and rewrites {@code results.jsonl} and {@code results.md}. Both convergence rules are read
     * again from each job's {@code log.jsonl}, never copied from its {@code result.json}.
     */
    public static List<JobResult> collect(Path folder) throws IOException {
        Sweep sweep = open(folder);
        List<JobResult> results = new ArrayList<>();
        for (SweepJob job : sweep.jobs()) {
            Path file = sweep.jobFolder(job).resolve(RESULT);
            if (!Files.isRegularFile(file)) continue;
            JsonNode json;
            try {
                json = Json.MAPPER.readTree(file.toFile());
                results.add(JobResult.fromJson(json).withConvergenceFrom(LearningCurve.read(sweep.jobFolder(job))));
            } catch (IOException | RuntimeException e) {
                throw new IOException(file + ": not a job result (" + e.getMessage() + ")", e);
            }
        }
        StringBuilder lines = new StringBuilder();
        for (JobResult r : results) lines.append(Json.MAPPER.writeValueAsString(r.toJson())).append('\n');
        AtomicFiles.writeString(folder.resolve(RESULTS), lines.toString());
        AtomicFiles.writeString(folder.resolve(TABLE), SweepTable.markdown(sweep.jobs().size(), results));
        AtomicFiles.writeString(folder.resolve(FITS), Json.pretty(ScalingFit.of(results)));
        return results;
    }
}
