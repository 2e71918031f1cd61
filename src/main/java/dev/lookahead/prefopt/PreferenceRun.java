package dev.lookahead.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.TorchCalls;
import dev.lookahead.search.Example;
import dev.lookahead.stats.Proportion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One iteration's optimisation in a folder: the policy trained on a fixed list of pairs (or single paths) for some
 * epochs with one method's loss, AdamW and the trainer's schedule, driven by {@link dev.lookahead.train.Trainer}'s loop
 * and listeners (progress, held-out whole-path accuracy, checkpoints). The reference's log-probabilities are in the
 * lines already (computed with the iteration's starting weights, which stay frozen), so no second model is kept. The
 * folder gets {@code checkpoint.bin} (to resume), {@code model.json} and {@code weights.bin} (a loadable model) and
 * {@code log.jsonl}.
 */
public final class PreferenceRun extends LinesRun<PairRecord> {
    private static final int MAGIC = 0x4c4b504f; // "LKPO"

    /**
     * How an iteration trains.
     *
     * @param batch        items (pairs, or paths) per optimiser step
     * @param epochs       passes over the iteration's items, each in a new order
     * @param evalEvery    held-out evaluation every this many items
     */
    public record Settings(PreferenceLoss loss, int epochs, int batch, float learningRate, int warmupSteps, float weightDecay,
                           float clipNorm, long seed, long evalEvery) implements Schedule {
        public Settings {
            if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1 (got " + epochs + ")");
            if (batch < 1) throw new IllegalArgumentException("--batch must be positive (got " + batch + ")");
            if (!(learningRate > 0)) throw new IllegalArgumentException("--lr must be positive (got " + learningRate + ")");
        }
    }

    private final Settings settings;
    private final Map<Integer, List<Example>> heldOut;

    private PreferenceRun(Settings settings, Path folder, List<PairRecord> items, Map<Integer, List<Example>> heldOut, Opened opened)
            throws IOException {
        super(settings, MAGIC, folder, items, opened);
        this.settings = settings;
        this.heldOut = heldOut;
        for (PairRecord item : items) {
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
        return new PreferenceRun(settings, folder, items, heldOut, LinesRun.open(folder, MAGIC, policy, items.size()));
    }

    /** Forward and backward of one batch: its loss, and how many of its items count as right ({@link #correct}). */
    @Override
    double[] backward(List<PairRecord> batch, long stepIndex) {
        boolean pairwise = settings.loss().method().pairwise();
        int size = batch.size();
        List<SequenceScores.Sequence> sequences = new ArrayList<>();
        for (PairRecord item : batch) sequences.add(new SequenceScores.Sequence(item.prompt(), item.chosen()));
        if (pairwise) for (PairRecord item : batch) sequences.add(new SequenceScores.Sequence(item.prompt(), item.rejected()));
        try (NDManager scope = model().manager().newSubManager()) {
            SequenceScores.Scores scores = SequenceScores.of(model(), scope, sequences, true);
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
        return PathEvaluation.greedy(model(), heldOut);
    }
}
