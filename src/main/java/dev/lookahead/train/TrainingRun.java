package dev.lookahead.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.util.Pair;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.Devices;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Example;
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
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * One training run in a folder: the model, its optimiser, the batch stream and the step count, with
 * atomic checkpoints. The folder holds {@code training.json} (the run's settings), {@code model.json}
 * and {@code weights.bin} (a loadable model), {@code checkpoint.bin} (everything needed to resume) and
 * {@code log.jsonl} (the learning curve).
 */
public final class TrainingRun implements AutoCloseable {
    public static final String SETTINGS = "training.json";
    public static final String CHECKPOINT = "checkpoint.bin";
    public static final String LOG = "log.jsonl";
    private static final int CHECKPOINT_MAGIC = 0x4c4b4350; // "LKCP"
    private static final int CHECKPOINT_VERSION = 1;

    /** What one optimiser step did. */
    public record StepResult(double loss, int correct, int size, double gradientNorm) {
    }

    private final TrainingConfig config;
    private final Path folder;
    private final SearchModel model;
    private final NDManager optimizerState;
    private final AdamW optimizer;
    private final List<Pair<String, Parameter>> trainable = new ArrayList<>();
    private final Map<String, List<Example>> heldOut;
    private final BatchSource batches;
    private long step;
    private double elapsedSeconds;

    private TrainingRun(TrainingConfig config, Path folder, SearchModel model, long step, double elapsedSeconds,
                        DataInputStream optimizerIn) throws IOException {
        this.config = config;
        this.folder = folder;
        this.model = model;
        this.step = step;
        this.elapsedSeconds = elapsedSeconds;
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
        Set<TokenRow> reserved = EvaluationSets.reservedRows(layout, config.maxLookahead());
        heldOut = EvaluationSets.standard(layout, config.maxLookahead(), config.evalPerLookahead(), EvaluationSets.STANDARD_SEED);
        batches = new BatchSource(config, reserved, step);
    }

    /** Starts a new run in {@code folder} (which must not hold one already). */
    public static TrainingRun start(TrainingConfig config, Path folder) throws IOException {
        if (Files.exists(folder.resolve(CHECKPOINT))) {
            throw new IOException(folder + " already holds a training run; pass --resume to continue it or choose another --out");
        }
        Files.createDirectories(folder);
        AtomicFiles.writeString(folder.resolve(SETTINGS), Json.pretty(TrainingSettings.toJson(config)));
        ModelFiles.writeConfig(config.model(), folder);
        SearchModel model = SearchModel.create(config.model(), Devices.choose(config.device()), config.seed());
        return new TrainingRun(config, folder, model, 0, 0, null);
    }

    /**
     * Continues the run in {@code folder} from its last checkpoint.
     *
     * @param examples a new total number of examples (to train longer), or null to keep the saved one
     */
    public static TrainingRun resume(Path folder, Long examples) throws IOException {
        Path checkpoint = folder.resolve(CHECKPOINT);
        if (!Files.isRegularFile(checkpoint)) throw new IOException(folder + " has no checkpoint to resume (" + CHECKPOINT + ")");
        TrainingConfig config = TrainingSettings.fromJson(Json.MAPPER.readTree(folder.resolve(SETTINGS).toFile()));
        if (examples != null && examples != config.examples()) {
            config = TrainingSettings.withExamples(config, examples);
            AtomicFiles.writeString(folder.resolve(SETTINGS), Json.pretty(TrainingSettings.toJson(config)));
        }
        try (DataInputStream in = new DataInputStream(new BufferedInputStream(Files.newInputStream(checkpoint)))) {
            if (in.readInt() != CHECKPOINT_MAGIC || in.readInt() != CHECKPOINT_VERSION) {
                throw new IOException(checkpoint + " is not a lookahead checkpoint of a version this build reads");
            }
            JsonNode state = Json.MAPPER.readTree(in.readUTF());
            SearchModel model = SearchModel.read(checkpoint.toString(), config.model(), Devices.choose(config.device()), in);
            return new TrainingRun(config, folder, model, state.get("step").asLong(), state.get("elapsed_seconds").asDouble(), in);
        }
    }

    public TrainingConfig config() {
        return config;
    }

    public SearchModel model() {
        return model;
    }

    public long stepsDone() {
        return step;
    }

    public boolean finished() {
        return step >= config.totalSteps();
    }

    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    /** One optimiser step on the next batch. */
    public StepResult trainStep() throws InterruptedException {
        long started = System.nanoTime();
        BatchSource.Batch batch = batches.take();
        if (batch.index() != step) throw new IllegalStateException("batch " + batch.index() + " arrived at step " + step);
        int size = batch.size();
        int n = config.model().n();
        float learningRate = config.learningRateAt(step);
        StepResult result;
        try (NDManager scope = model.manager().newSubManager()) {
            NDArray tokens = scope.create(batch.tokens(), new Shape(size, n));
            NDArray labels = scope.create(batch.labels(), new Shape(size, 1)).toType(ai.djl.ndarray.types.DataType.INT64, false);
            NDArray logits;
            NDArray loss;
            try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
                logits = model.network().forward(model.store(), tokens, true, null);
                loss = logits.logSoftmax(1).gather(labels, 1).mean().neg();
                collector.backward(loss);
            }
            List<NDArray> gradients = new ArrayList<>(trainable.size());
            NDArray squares = null;
            for (Pair<String, Parameter> p : trainable) {
                NDArray gradient = p.getValue().getArray().getGradient();
                gradient.attach(scope); // so the handle and everything computed from it end with this step
                gradients.add(gradient);
                NDArray sum = gradient.square().sum();
                squares = squares == null ? sum : squares.add(sum);
            }
            double lossValue = loss.getFloat();
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
            long[] predicted = logits.argMax(1).toLongArray();
            int correct = 0;
            for (int i = 0; i < size; i++) correct += Evaluation.correct((int) predicted[i], batch.usefulNext()[i]) ? 1 : 0;
            result = new StepResult(lossValue, correct, size, norm);
        }
        step++;
        elapsedSeconds += (System.nanoTime() - started) / 1e9;
        return result;
    }

    /** Accuracy on the held-out standard test sets (their first examples), per lookahead and naive. */
    public Map<String, Proportion> evaluate() {
        return Evaluation.accuracy(model, heldOut);
    }

    /** Writes the checkpoint and the loadable weights, each atomically. */
    public void checkpoint() throws IOException {
        ObjectNode state = Json.MAPPER.createObjectNode();
        state.put("step", step);
        state.put("examples_seen", step * config.batch());
        state.put("elapsed_seconds", elapsedSeconds);
        AtomicFiles.writeBytes(folder.resolve(CHECKPOINT), out -> {
            DataOutputStream data = new DataOutputStream(new BufferedOutputStream(out));
            data.writeInt(CHECKPOINT_MAGIC);
            data.writeInt(CHECKPOINT_VERSION);
            data.writeUTF(state.toString());
            model.saveWeights(data);
            optimizer.save(data);
            data.flush();
        });
        AtomicFiles.writeBytes(folder.resolve(ModelFiles.WEIGHTS), out -> {
            BufferedOutputStream buffered = new BufferedOutputStream(out);
            model.saveWeights(buffered);
            buffered.flush();
        });
    }

    /** Appends one JSON line to the run's learning-curve log. */
    public void log(ObjectNode line) throws IOException {
        Files.writeString(folder.resolve(LOG), line + "\n", java.nio.file.StandardOpenOption.CREATE,
                java.nio.file.StandardOpenOption.APPEND);
    }

    @Override
    public void close() {
        batches.close();
        model.close();
    }
}
