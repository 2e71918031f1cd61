package dev.lookahead.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.inspect.Rollout;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.Task;
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
            JobResult result = measure(job, training.config(), training.model(), training.folder(), training.elapsedSeconds());
            AtomicFiles.writeString(run.resolve(RESULT), Json.pretty(result.toJson()));
            return result;
        }
    }

    private static JobResult measure(SweepJob job, TrainingConfig config, SearchModel model, Path folder, double seconds) throws IOException {
        if (config.task().inContext()) return measureInContext(job, config, model, folder, seconds);
        Map<String, List<Example>> sets = EvaluationSets.standard(config.model().layout(), config.maxLookahead(),
                config.evalPerLookahead(), EvaluationSets.STANDARD_SEED);
        Map<String, Double> accuracy = new LinkedHashMap<>();
        double lossSum = 0;
        long balanced = 0;
        for (var bucket : sets.entrySet()) {
            Evaluation.Score score = Evaluation.score(model, bucket.getValue());
            accuracy.put(bucket.getKey(), score.accuracy().value());
            if (bucket.getKey().equals(EvaluationSets.NAIVE) || bucket.getValue().isEmpty()) continue;
            lossSum += score.loss() * bucket.getValue().size();
            balanced += bucket.getValue().size();
        }
        LearningCurve curve = LearningCurve.read(folder);
        double best = curve.bestTrainingAccuracy();
        long parameters = config.model().parameterCount();
        return new JobResult(job.id(), config.model().n(), config.model().layers(), config.model().hidden(), job.distribution(),
                config.seed(), config.maxLookahead(), config.examples(), parameters, 6.0 * config.examples() * parameters, best,
                curve.converged(), curve.convergedMean50(), balanced == 0 ? Double.NaN : lossSum / balanced, accuracy, seconds,
                Map.of(), null, null);
    }

    /** Graphs rolled out whole to measure an in-context job's rollout accuracy. */
    static final int ROLLOUTS = 200;

    /**
     * An in-context job: per-step accuracy on the standard buckets (backtrack, or frontier and branch), the loss over all
     * of them, and under {@code "rollout"} the share of {@value #ROLLOUTS} graphs the model searches whole.
     */
    private static JobResult measureInContext(SweepJob job, TrainingConfig config, SearchModel model, Path folder, double seconds) throws IOException {
        TokenLayout layout = config.model().layout();
        Map<String, Double> accuracy = new LinkedHashMap<>();
        Map<String, Double> multiHot = new LinkedHashMap<>();
        double lossSum = 0;
        long count = 0;
        for (var bucket : InContextSets.standard(layout, config.task(), config.evalPerLookahead()).entrySet()) {
            Evaluation.Rows rows = Evaluation.Rows.ofInContext(bucket.getValue());
            Evaluation.Score score = Evaluation.score(model, rows);
            accuracy.put(bucket.getKey(), score.accuracy().value());
            multiHot.put(bucket.getKey(), Evaluation.multiHotLoss(model, rows));
            lossSum += score.loss() * bucket.getValue().size();
            count += bucket.getValue().size();
        }
        accuracy.put("rollout", Rollout.solvedShare(model, config.task(), ROLLOUTS, EvaluationSets.STANDARD_SEED));
        LearningCurve curve = LearningCurve.read(folder);
        double best = curve.bestTrainingAccuracy();
        long parameters = config.model().parameterCount();
        return new JobResult(job.id(), config.model().n(), config.model().layers(), config.model().hidden(), job.distribution(),
                config.seed(), config.maxLookahead(), config.examples(), parameters, 6.0 * config.examples() * parameters, best,
                curve.converged(), curve.convergedMean50(), papersTestLoss(config.task(), multiHot), accuracy, seconds, multiHot,
                multiHot.containsKey(papersTestBucket(config.task())) ? "the paper's bucket " + papersTestBucket(config.task())
                        : "mean over the buckets (this size has not the paper's bucket " + papersTestBucket(config.task()) + ")",
                count == 0 ? Double.NaN : lossSum / count);
    }

    /** The bucket the paper's train.py evaluates an in-context task on (backtrack 8; frontier 4 and branch 4). */
    static String papersTestBucket(Task task) {
        return task == Task.DFS ? "8" : "4,4";
    }

    /** The paper's test loss from the per-bucket losses: its bucket's when the size has it, else their mean. */
    static double papersTestLoss(Task task, Map<String, Double> byBucket) {
        Double designated = byBucket.get(papersTestBucket(task));
        if (designated != null) return designated;
        return byBucket.values().stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Every job's learning curve so far, by job id (empty for a job not started). */
    public Map<String, LearningCurve> curves() throws IOException {
        Map<String, LearningCurve> curves = new LinkedHashMap<>();
        for (SweepJob job : jobs()) curves.put(job.id(), LearningCurve.read(jobFolder(job)));
        return curves;
    }

    /**
     * Measures every finished job again from its weights (as {@link #runJob} measured it when the job finished, with
     * this build's quantities), keeping its training time; a job whose weights are not in the folder keeps its result.
     * Then {@link #collect}.
     */
    public static List<JobResult> remeasure(Path folder) throws IOException {
        Sweep sweep = open(folder);
        for (SweepJob job : sweep.jobs()) {
            Path run = sweep.jobFolder(job);
            Path file = run.resolve(RESULT);
            if (!Files.isRegularFile(file) || !Files.isRegularFile(run.resolve(dev.lookahead.model.ModelFiles.WEIGHTS))) continue;
            JobResult old = JobResult.fromJson(Json.MAPPER.readTree(file.toFile()));
            try (SearchModel model = SearchModel.open(run.toString(), "cpu")) {
                AtomicFiles.writeString(file, Json.pretty(measure(job, job.config(), model, run, old.seconds()).toJson()));
            }
        }
        return collect(folder);
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
