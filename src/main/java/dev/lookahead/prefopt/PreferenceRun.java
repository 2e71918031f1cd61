package dev.lookahead.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.TorchCalls;
import dev.lookahead.search.Example;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.OptimiserStep;
import dev.lookahead.train.StepRun;
import dev.lookahead.train.TrainingConfig;
import dev.lookahead.train.TrainingLog;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/**
 * One iteration's optimisation in a folder: the policy trained on a fixed list of pairs (or single paths) for some
 * epochs with one method's loss, AdamW and the trainer's schedule, driven by {@link dev.lookahead.train.Trainer}'s loop
 * and listeners (progress, held-out whole-path accuracy, checkpoints). The reference's log-probabilities are in the
 * lines already (computed with the iteration's starting weights, which stay frozen), so no second model is kept. The
 * folder gets {@code checkpoint.bin} (to resume), {@code model.json} and {@code weights.bin} (a loadable model) and
 * {@code log.jsonl}.
 */
public final class PreferenceRun implements StepRun, AutoCloseable {
    private static final int MAGIC = 0x4c4b504f; // "LKPO"
    private static final int VERSION = 1;

    /**
     * How an iteration trains.
     *
     * @param batch        items (pairs, or paths) per optimiser step
     * @param epochs       passes over the iteration's items, each in a new order
     * @param evalEvery    held-out evaluation every this many items
     */
    public record Settings(PreferenceLoss loss, int epochs, int batch, float learningRate, int warmupSteps, float weightDecay,
                           float clipNorm, long seed, long evalEvery) {
        public Settings {
            if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1 (got " + epochs + ")");
            if (batch < 1) throw new IllegalArgumentException("--batch must be positive (got " + batch + ")");
            if (!(learningRate > 0)) throw new IllegalArgumentException("--lr must be positive (got " + learningRate + ")");
        }
    }

    private final Settings settings;
    private final Path folder;
    private final SearchModel model;
    private final List<PairRecord> items;
    private final int[] order;
    private final Map<Integer, List<Example>> heldOut;
    private final OptimiserStep optimiser;
    private long step;
    private double elapsedSeconds;

    private PreferenceRun(Settings settings, Path folder, SearchModel model, List<PairRecord> items, Map<Integer, List<Example>> heldOut,
                          RunCheckpoint.State state, DataInputStream optimizerIn) throws IOException {
        this.settings = settings;
        this.folder = folder;
        this.model = model;
        this.items = List.copyOf(items);
        this.heldOut = heldOut;
        this.order = order(this.items.size(), settings.epochs(), settings.seed());
        step = state.step();
        elapsedSeconds = state.elapsedSeconds();
        optimiser = new OptimiserStep(model, settings.weightDecay(), settings.clipNorm());
        if (optimizerIn != null) optimiser.load(optimizerIn);
        for (PairRecord item : this.items) {
            if (item.refLogprobChosen() == null || (settings.loss().method().pairwise() && item.refLogprobRejected() == null)) {
                throw new IllegalArgumentException("problem " + item.problemId() + ": a training line lacks the reference's log-probabilities");
            }
        }
    }

    /**
     * A run on {@code items} starting from {@code policy} (which the run then owns), or - when the folder holds a
     * checkpoint - the same run resumed from it, with the checkpoint's weights.
     */
    public static PreferenceRun open(Settings settings, Path folder, SearchModel policy, List<PairRecord> items,
                                     Map<Integer, List<Example>> heldOut) throws IOException {
        Files.createDirectories(folder);
        RunCheckpoint.Loaded loaded = RunCheckpoint.read(folder, MAGIC, items.size(), policy);
        if (loaded == null) {
            ModelFiles.save(policy, folder);
            return new PreferenceRun(settings, folder, policy, items, heldOut, new RunCheckpoint.State(0, 0, items.size()), null);
        }
        policy.close();
        return new PreferenceRun(settings, folder, loaded.model(), items, heldOut, loaded.state(), loaded.optimiserStream());
    }

    /** Every item once per epoch, each epoch in its own seeded order, so a resumed run takes the same batches. */
    static int[] order(int items, int epochs, long seed) {
        int[] order = new int[items * epochs];
        for (int e = 0; e < epochs; e++) {
            int[] epoch = new int[items];
            for (int i = 0; i < items; i++) epoch[i] = i;
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + e);
            for (int i = items - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = epoch[i];
                epoch[i] = epoch[j];
                epoch[j] = t;
            }
            System.arraycopy(epoch, 0, order, e * items, items);
        }
        return order;
    }

    public SearchModel model() {
        return model;
    }

    @Override
    public long stepsDone() {
        return step;
    }

    @Override
    public long totalSteps() {
        return (order.length + settings.batch() - 1) / settings.batch();
    }

    @Override
    public int batch() {
        return settings.batch();
    }

    @Override
    public float learningRateAt(long at) {
        return TrainingConfig.warmupThenCosine(settings.learningRate(), settings.warmupSteps(), totalSteps(), at);
    }

    @Override
    public long evalEvery() {
        return settings.evalEvery();
    }

    @Override
    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    @Override
    public StepResult trainStep() {
        long started = System.nanoTime();
        int from = (int) (step * settings.batch());
        int to = Math.min(order.length, from + settings.batch());
        List<PairRecord> batch = new ArrayList<>();
        for (int i = from; i < to; i++) batch.add(items.get(order[i]));
        double[] lossAndCorrect = TorchCalls.withGradients(true, () -> backward(batch));
        StepResult[] result = new StepResult[1];
        float rate = learningRateAt(step);
        SearchModel.withoutGradients(() -> result[0] = new StepResult(lossAndCorrect[0], (int) lossAndCorrect[1], batch.size(),
                optimiser.step(lossAndCorrect[0], rate, step)));
        step++;
        elapsedSeconds += (System.nanoTime() - started) / 1e9;
        return result[0];
    }

    /** Forward and backward of one batch: its loss, and how many of its items count as right ({@link #correct}). */
    private double[] backward(List<PairRecord> batch) {
        boolean pairwise = settings.loss().method().pairwise();
        int size = batch.size();
        List<SequenceScores.Sequence> sequences = new ArrayList<>();
        for (PairRecord item : batch) sequences.add(new SequenceScores.Sequence(item.prompt(), item.chosen()));
        if (pairwise) for (PairRecord item : batch) sequences.add(new SequenceScores.Sequence(item.prompt(), item.rejected()));
        try (NDManager scope = model.manager().newSubManager()) {
            SequenceScores.Scores scores = SequenceScores.of(model, scope, sequences, true);
            NDArray all = scores.logProbs();
            NDArray chosen = all.get("0:" + size);
            NDArray rejected = pairwise ? all.get(size + ":") : chosen;
            float[] refChosen = new float[size];
            float[] refRejected = new float[size];
            float[] weights = new float[size];
            float[] lengths = new float[size];
            for (int i = 0; i < size; i++) {
                PairRecord item = batch.get(i);
                refChosen[i] = item.refLogprobChosen().floatValue();
                refRejected[i] = item.refLogprobRejected() == null ? 0f : item.refLogprobRejected().floatValue();
                weights[i] = (float) item.weight();
                lengths[i] = item.chosen().size();
            }
            Shape shape = new Shape(size);
            NDArray loss = settings.loss().of(chosen, rejected, scope.create(refChosen, shape), scope.create(refRejected, shape),
                    scope.create(weights, shape), scope.create(lengths, shape));
            TorchCalls.backward(loss, scope.ones(loss.getShape()));
            return new double[] {loss.getFloat(), correct(all.toFloatArray(), scores.greedy(), refChosen, refRejected, size, pairwise)};
        }
    }

    /**
     * A pair counts as right when the policy prefers its chosen path more than the reference does (DPO's reward accuracy);
     * a single path when the policy's greedy choice is its every step.
     */
    private static int correct(float[] logProbs, boolean[] greedy, float[] refChosen, float[] refRejected, int size, boolean pairwise) {
        int correct = 0;
        for (int i = 0; i < size; i++) {
            boolean right = pairwise ? PreferenceLoss.rewardPrefersChosen(logProbs[i], logProbs[size + i], refChosen[i], refRejected[i]) : greedy[i];
            correct += right ? 1 : 0;
        }
        return correct;
    }

    /** Greedy whole-path accuracy per lookahead on the held-out problems. */
    @Override
    public Map<String, Proportion> evaluate() {
        return PathEvaluation.greedy(model, heldOut);
    }

    @Override
    public void checkpoint() throws IOException {
        RunCheckpoint.write(folder, MAGIC, new RunCheckpoint.State(step, elapsedSeconds, items.size()), model, optimiser);
    }

    @Override
    public void log(TrainingLog.Entry entry) throws IOException {
        TrainingLog.append(folder, entry);
    }

    @Override
    public void close() {
        optimiser.close();
        model.close();
    }
}
