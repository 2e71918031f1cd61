package dev.lookahead.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.RunLock;
import dev.lookahead.model.Devices;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.TorchCalls;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.TokenRow;
import dev.lookahead.stats.Proportion;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * One training run in a folder: the model, its optimiser, the batch stream and the step count, with
 * atomic checkpoints. The folder holds {@code training.json} (the run's settings), {@code model.json}
 * and {@code weights.bin} (a loadable model), {@code checkpoint.bin} (everything needed to resume) and
 * {@code log.jsonl} (the learning curve).
 */
public final class TrainingRun implements StepRun, AutoCloseable {
    private final RunLock lock;
    public static final String SETTINGS = "training.json";
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String LOG = TrainingLog.FILE;
    private static final int CHECKPOINT_MAGIC = 0x4c4b4350; // "LKCP"
    private static final int CHECKPOINT_VERSION = 1;

    private final TrainingConfig config;
    private final Path folder;
    private final SearchModel model;
    /** Data-parallel copies of the model (index 0 is the model itself), one per core, each on its own thread. */
    private final SearchModel[] replicas;
    /** The trainable parameters of each replica, in the order of {@link #trainable}. */
    private final List<List<Parameter>> replicaParameters = new ArrayList<>();
    private final ExecutorService workers;
    private final NDManager optimizerState;
    private final AdamW optimizer;
    private final List<Pair<String, Parameter>> trainable = new ArrayList<>();
    private final Map<String, Evaluation.Rows> heldOut;
    private final Set<TokenRow> reserved;
    private BatchSource batches;
    private long step;
    private double elapsedSeconds;
    private Curriculum curriculum;

    /**
     * Where the lookahead curriculum stands: the largest lookahead now trained on, and the training
     * examples seen and answered correctly in the current window (the count is kept for the log's sake).
     */
    record Curriculum(int lookahead, long seen, long correct) {
        static Curriculum from(CheckpointState state, TrainingConfig config) {
            return new Curriculum(state.curriculumLookahead() == null ? config.firstLookahead() : state.curriculumLookahead(),
                    state.curriculumSeen() == null ? 0 : state.curriculumSeen(), state.curriculumCorrect() == null ? 0 : state.curriculumCorrect());
        }

        Curriculum counted(int stepCorrect, int stepSize) {
            return new Curriculum(lookahead, seen + stepSize, correct + stepCorrect);
        }

        /** Whether this window of {@link CurriculumRule#WINDOW} examples is complete, so its last batch is judged. */
        boolean windowFull() {
            return seen >= CurriculumRule.WINDOW;
        }

        /** A new window, one lookahead more if the last batch was learned (never above the maximum). */
        Curriculum judged(boolean learned, int maxLookahead) {
            return new Curriculum(learned && lookahead < maxLookahead ? lookahead + 1 : lookahead, 0, 0);
        }
    }

    private TrainingRun(TrainingConfig config, Path folder, SearchModel model, long step, double elapsedSeconds,
                        Curriculum curriculum, DataInputStream optimizerIn, RunLock lock) throws IOException {
        this.lock = lock;
        this.config = config;
        this.folder = folder;
        this.model = model;
        this.step = step;
        this.elapsedSeconds = elapsedSeconds;
        this.curriculum = curriculum;
        replicas = new SearchModel[replicaCount(model)];
        replicas[0] = model;
        for (int r = 0; r < replicas.length; r++) {
            if (r > 0) replicas[r] = SearchModel.create(config.model(), model.device(), config.seed());
            replicaParameters.add(replicas[r].network().getParameters().stream()
                    .map(Pair::getValue).filter(Parameter::requiresGradient).toList());
        }
        workers = Executors.newFixedThreadPool(Math.max(1, replicas.length - 1), runnable -> {
            // libtorch's thread count belongs to each thread (OpenMP's), so a replica's thread takes the trainer's one
            // instead of the default of one per core; MKL's own settings are NativeSetup's
            int threads = TorchCalls.threads();
            Thread thread = new Thread(() -> {
                TorchCalls.setThreads(threads);
                runnable.run();
            }, "training-replica");
            thread.setDaemon(true);
            return thread;
        });
        optimizerState = model.manager().newSubManager();
        optimizer = new AdamW(0.9f, 0.99f, 1e-8f, config.weightDecay());
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            if (!p.getValue().requiresGradient()) continue;
            trainable.add(p);
            // loaded weights arrive without an attached gradient
            if (!p.getValue().getArray().hasGradient()) p.getValue().getArray().setRequiresGradient(true);
        }
        if (optimizerIn != null) optimizer.load(optimizerIn, optimizerState, trainable.stream().map(Pair::getKey).toList());
        var layout = config.model().layout();
        reserved = reservedRows(config);
        heldOut = heldOutSets(config);
        batches = new BatchSource(config, curriculum.lookahead(), reserved, step);
    }

    /** The inputs training never produces: the task's standard test sets. */
    private static Set<TokenRow> reservedRows(TrainingConfig config) {
        var layout = config.model().layout();
        return config.task().inContext() ? InContextSets.reservedRows(layout, config.task())
                : EvaluationSets.reservedRows(layout, config.maxLookahead());
    }

    /** The held-out sets: per lookahead and naive (search), per backtrack (dfs), per (frontier, branch) (si). */
    private static Map<String, Evaluation.Rows> heldOutSets(TrainingConfig config) {
        var layout = config.model().layout();
        Map<String, Evaluation.Rows> sets = new java.util.LinkedHashMap<>();
        if (config.task().inContext()) {
            InContextSets.standard(layout, config.task(), config.evalPerLookahead()).forEach((name, list) -> sets.put(name, Evaluation.Rows.ofInContext(list)));
        } else {
            EvaluationSets.standard(layout, config.maxLookahead(), config.evalPerLookahead(), EvaluationSets.STANDARD_SEED)
                    .forEach((name, list) -> sets.put(name, Evaluation.Rows.ofSearch(list)));
        }
        return sets;
    }

    /**
     * Starts a new run in {@code folder}, which must hold neither a run nor a model: a model or a run already there is
     * never overwritten. The folder stays locked to this run until it is closed ({@link RunLock}).
     */
    public static TrainingRun start(TrainingConfig config, Path folder) throws IOException {
        RunLock lock = RunLock.take(folder);
        try {
            refuseOccupied(folder);
            AtomicFiles.writeString(folder.resolve(SETTINGS), Json.pretty(TrainingSettings.toJson(config)));
            ModelFiles.writeConfig(config.model(), config.task(), folder);
            SearchModel model = SearchModel.create(config.model(), Devices.choose(config.device()), config.seed(), config.initialization());
            return new TrainingRun(config, folder, model, 0, 0, new Curriculum(config.firstLookahead(), 0, 0), null, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /**
     * Refuses a folder that holds a checkpointed run or a model's weights. A run stopped before its first checkpoint
     * left only its settings, which a new start may replace: nothing learned is lost.
     */
    private static void refuseOccupied(Path folder) throws IOException {
        if (Files.exists(folder.resolve(CHECKPOINT))) {
            throw new IOException(folder + " already holds a training run; pass --resume to continue it or choose another --out");
        }
        if (Files.exists(folder.resolve(ModelFiles.WEIGHTS))) {
            throw new IOException(folder + " holds a model (" + ModelFiles.WEIGHTS + "); a new run would overwrite it"
                    + " - choose another folder");
        }
    }

    /**
     * Continues the run in {@code folder} from its last checkpoint.
     *
     * @param examples a new total number of examples (to train longer), or null to keep the saved one
     */
    public static TrainingRun resume(Path folder, Long examples) throws IOException {
        Path checkpoint = folder.resolve(CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) throw new IOException(folder + " has no checkpoint to resume (" + CHECKPOINT + ")");
        RunLock lock = RunLock.take(folder);
        try {
            return resumeLocked(folder, examples, lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    private static TrainingRun resumeLocked(Path folder, Long examples, RunLock lock) throws IOException {
        Path checkpoint = folder.resolve(CHECKPOINT);
        Path settings = folder.resolve(SETTINGS);
        TrainingConfig config = TrainingSettings.read(settings);
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(checkpoint)))) {
            CheckpointState state = readState(checkpoint, in);
            checkSameModel(state, config, checkpoint, settings);
            long seen = state.step() * config.batch();
            if (examples != null && examples < seen) {
                throw new IOException("--examples " + examples + " is below the " + seen + " examples " + folder
                        + " has already seen; give a larger total (or none to keep " + config.examples() + ")");
            }
            SearchModel model = SearchModel.read(checkpoint.toString(), config.model(), Devices.choose(config.device()), in);
            TrainingRun run;
            try {
                run = new TrainingRun(examples == null ? config : TrainingSettings.withExamples(config, examples), folder, model,
                        state.step(), state.elapsedSeconds(), Curriculum.from(state, config), in, lock);
            } catch (IOException | RuntimeException e) {
                model.close();
                throw new IOException(checkpoint + ": cannot resume from it (" + e.getMessage()
                        + "); the file is damaged or belongs to another run", e);
            }
            // only a run that loaded whole may have its settings rewritten
            if (examples != null && examples != config.examples()) {
                AtomicFiles.writeString(settings, Json.pretty(TrainingSettings.toJson(run.config())));
            }
            return run;
        }
    }

    /**
     * What a checkpoint records beside the weights and the optimiser: where the run stands. Older checkpoints lack the
     * model's shape and the curriculum's window (null here).
     */
    record CheckpointState(Long step, Long examplesSeen, Double elapsedSeconds, JsonNode model, Integer curriculumLookahead,
                           Long curriculumSeen, Long curriculumCorrect) {
    }

    private static CheckpointState readState(Path checkpoint, DataInputStream in) throws IOException {
        try {
            if (in.readInt() != CHECKPOINT_MAGIC || in.readInt() != CHECKPOINT_VERSION) {
                throw new IOException(checkpoint + " is not a lookahead checkpoint of a version this build reads");
            }
            CheckpointState state = Json.MAPPER.readValue(in.readUTF(), CheckpointState.class);
            if (state == null || state.step() == null || state.elapsedSeconds() == null) {
                throw new IOException(checkpoint + ": the checkpoint's state lacks its step count; the file is damaged");
            }
            return state;
        } catch (java.io.EOFException e) {
            throw new IOException(checkpoint + " ends early: the file is truncated; restore it or start a new run", e);
        } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
            throw new IOException(checkpoint + ": the checkpoint's state is not readable; the file is damaged", e);
        }
    }

    /** A checkpoint records its model's shape; one that differs from training.json's is refused before anything loads. */
    private static void checkSameModel(CheckpointState state, TrainingConfig config, Path checkpoint, Path settings) throws IOException {
        JsonNode saved = state.model();
        if (saved == null) return; // checkpoints written before the shape was recorded
        ModelConfig savedModel = ModelFiles.readConfig(saved, checkpoint.toString());
        if (!savedModel.equals(config.model())) {
            throw new IOException(checkpoint + " holds a model of shape " + saved + " but " + settings + " describes "
                    + ModelFiles.configJson(config.model()) + "; put back the run's own " + SETTINGS);
        }
    }

    public TrainingConfig config() {
        return config;
    }

    public Path folder() {
        return folder;
    }

    public SearchModel model() {
        return model;
    }

    /** How many data-parallel replicas share each batch. */
    public int replicas() {
        return replicas.length;
    }

    @Override
    public long stepsDone() {
        return step;
    }

    @Override
    public long totalSteps() {
        return config.totalSteps();
    }

    @Override
    public int batch() {
        return config.batch();
    }

    @Override
    public float learningRateAt(long step) {
        return config.learningRateAt(step);
    }

    @Override
    public long evalEvery() {
        return config.evalEvery();
    }

    @Override
    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    /** The largest lookahead the batches now hold: below the maximum only while the curriculum climbs. */
    public int trainingLookahead() {
        return curriculum.lookahead();
    }

    /**
     * On the CPU, libtorch's intra-op threads gain little at this model's small width, while separate
     * single-threaded workers each use a core fully: so the batch is split across one replica per
     * core (at most two), whose gradients are summed before the update.
     */
    private static int replicaCount(SearchModel model) {
        if (model.device().isGpu()) return 1;
        int cores = Runtime.getRuntime().availableProcessors();
        if (cores >= 2) TorchCalls.setThreads(1);
        return Math.min(2, cores);
    }

    /** What one replica's share of a batch gave. */
    private record Part(double loss, long[] predicted) {
    }

    @Override
    public StepResult trainStep() throws InterruptedException {
        long started = System.nanoTime();
        BatchSource.Batch batch = batches.take();
        if (batch.index() != step) throw new IllegalStateException("batch " + batch.index() + " arrived at step " + step);
        int size = batch.size();
        float learningRate = config.learningRateAt(step);
        SearchModel.withoutGradients(this::copyWeightsToReplicas);

        int parts = Math.min(replicas.length, size);
        List<Future<Part>> running = new ArrayList<>();
        for (int r = 1; r < parts; r++) {
            int replica = r;
            int begin = from(r, parts, size);
            int end = from(r + 1, parts, size);
            running.add(workers.submit(() -> backward(replica, batch, begin, end)));
        }
        List<Part> done = new ArrayList<>();
        done.add(backward(0, batch, 0, from(1, parts, size)));
        for (Future<Part> part : running) {
            try {
                done.add(part.get());
            } catch (ExecutionException e) {
                throw new IllegalStateException("a training replica failed: " + e.getCause().getMessage(), e.getCause());
            }
        }

        StepResult[] result = new StepResult[1];
        SearchModel.withoutGradients(() -> result[0] = update(batch, done, learningRate));
        step++;
        if (config.curriculum().active()) advanceCurriculum(result[0], batch);
        elapsedSeconds += (System.nanoTime() - started) / 1e9;
        return result[0];
    }

    /**
     * Counts the step into the curriculum's window; at a full window, judges its last batch by the
     * run's rule - the training pass's answers, or (the reference's rule) the model's answers to the
     * same batch after the update - and raises the lookahead when it passes.
     */
    private void advanceCurriculum(StepResult result, BatchSource.Batch batch) {
        Curriculum counted = curriculum.counted(result.correct(), result.size());
        if (!counted.windowFull()) {
            curriculum = counted;
            return;
        }
        CurriculumRule rule = config.curriculum();
        int correct = rule.judgedAfterUpdate() ? correctNow(batch) : result.correct();
        Curriculum next = counted.judged(rule.passes(correct, batch.size()), config.maxLookahead());
        if (next.lookahead() != curriculum.lookahead()) {
            // batches already made ahead hold the old lookaheads; batch k stays seeded by (seed, k)
            batches.close();
            batches = new BatchSource(config, next.lookahead(), reserved, step);
        }
        curriculum = next;
    }

    /** How many of the batch's rows the model, as it is now, answers with a useful next step. */
    private int correctNow(BatchSource.Batch batch) {
        int n = config.model().n();
        int[][] rows = new int[batch.size()][];
        for (int r = 0; r < rows.length; r++) rows[r] = Arrays.copyOfRange(batch.tokens(), r * n, (r + 1) * n);
        int[] predicted = model.predict(rows);
        int correct = 0;
        for (int r = 0; r < rows.length; r++) correct += Evaluation.correct(predicted[r], batch.usefulNext()[r]) ? 1 : 0;
        return correct;
    }

    private static int from(int part, int parts, int size) {
        return (int) ((long) size * part / parts);
    }

    /** Forward and backward of rows [from, to) on one replica; the loss is weighted by its share of the batch. */
    private Part backward(int replica, BatchSource.Batch batch, int from, int to) {
        SearchModel copy = replicas[replica];
        int n = config.model().n();
        int count = to - from;
        return TorchCalls.withGradients(true, () -> {
            try (NDManager scope = copy.manager().newSubManager()) {
                NDArray tokens = scope.create(Arrays.copyOfRange(batch.tokens(), from * n, to * n), new Shape(count, n));
                NDArray labels = scope.create(Arrays.copyOfRange(batch.labels(), from, to), new Shape(count, 1)).toType(DataType.INT64, false);
                NDArray logits = copy.network().forward(copy.store(), tokens, true, null);
                NDArray loss = TorchCalls.scaleInPlace(logits.logSoftmax(1).gather(labels, 1).mean().neg(), (float) count / batch.size());
                TorchCalls.backward(loss, scope.ones(loss.getShape()));
                return new Part(loss.getFloat(), logits.argMax(1).toLongArray());
            }
        });
    }

    private void copyWeightsToReplicas() {
        for (int r = 1; r < replicas.length; r++) {
            for (int i = 0; i < trainable.size(); i++) {
                // in place and inside the engine: no copy through Java memory
                replicaParameters.get(r).get(i).getArray().muli(0f).addi(trainable.get(i).getValue().getArray());
            }
        }
    }

    /** Sums the replicas' gradients into the model's, clips by global norm and takes the AdamW step. */
    private StepResult update(BatchSource.Batch batch, List<Part> done, float learningRate) {
        try (NDManager scope = model.manager().newSubManager()) {
            List<NDArray> gradients = new ArrayList<>(trainable.size());
            NDArray squares = null;
            for (int i = 0; i < trainable.size(); i++) {
                NDArray gradient = trainable.get(i).getValue().getArray().getGradient();
                gradient.attach(scope); // so the handle and everything computed from it end with this step
                for (int r = 1; r < replicas.length; r++) {
                    NDArray own = replicaParameters.get(r).get(i).getArray();
                    NDArray other = own.getGradient();
                    gradient.addi(other);
                    other.close();
                    TorchCalls.zeroGradient(own);
                }
                gradients.add(gradient);
                NDArray sum = gradient.square().sum();
                squares = squares == null ? sum : squares.add(sum);
            }
            double lossValue = done.stream().mapToDouble(Part::loss).sum();
            double norm = Math.sqrt(squares.getFloat());
            if (!Double.isFinite(lossValue) || !Double.isFinite(norm)) {
                throw new IllegalStateException("the loss became " + lossValue + " at step " + step
                        + "; the last checkpoint is intact - resume with a lower --lr");
            }
            float scale = norm > config.clipNorm() ? (float) (config.clipNorm() / norm) : 1f;
            optimizer.beginStep();
            for (int i = 0; i < trainable.size(); i++) {
                Pair<String, Parameter> p = trainable.get(i);
                optimizer.update(optimizerState, p.getKey(), p.getValue(), gradients.get(i), learningRate, scale);
            }
            int correct = 0;
            int row = 0;
            for (Part part : done) {
                for (long predicted : part.predicted()) correct += Evaluation.correct((int) predicted, batch.usefulNext()[row++]) ? 1 : 0;
            }
            return new StepResult(lossValue, correct, batch.size(), norm);
        }
    }

    /** Accuracy on the held-out standard test sets (their first examples), per lookahead and naive. */
    @Override
    public Map<String, Proportion> evaluate() {
        return Evaluation.accuracyOfRows(model, heldOut);
    }

    /** Writes the checkpoint and the loadable weights, each atomically. */
    @Override
    public void checkpoint() throws IOException {
        CheckpointState state = new CheckpointState(step, step * config.batch(), elapsedSeconds, ModelFiles.configJson(config.model()),
                curriculum.lookahead(), curriculum.seen(), curriculum.correct());
        AtomicFiles.writeBytes(folder.resolve(CHECKPOINT), out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            data.writeInt(CHECKPOINT_MAGIC);
            data.writeInt(CHECKPOINT_VERSION);
            data.writeUTF(Json.line(state));
            model.saveWeights(data);
            optimizer.save(data);
            data.flush();
        });
        ModelFiles.writeWeights(model, folder);
    }

    @Override
    public void log(TrainingLog.Entry entry) throws IOException {
        TrainingLog.append(folder, entry);
    }

    @Override
    public void close() {
        batches.close();
        workers.shutdownNow();
        for (SearchModel replica : replicas) replica.close();
        try {
            lock.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
