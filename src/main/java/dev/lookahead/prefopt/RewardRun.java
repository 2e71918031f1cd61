package dev.lookahead.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.TorchCalls;
import dev.lookahead.stats.Proportion;
import java.io.IOException;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains a reward model ({@link RewardModel}) on correct-vs-incorrect path pairs with the Bradley-Terry loss
 * {@code -log sigmoid(r(y+) - r(y-))}, optionally with the critique target - the first wrong step of each path, or
 * none - as Critic-RM joins them: {@code lambda(t) L_critique + (1 - lambda(t)) L_BT}, lambda falling over training
 * (docs/preference.md says which parts of that schedule are confirmed). On the trainer's loop and listeners, with
 * checkpoints and resume, like every run here.
 */
public final class RewardRun extends LinesRun<RewardRun.Pair> {
    private static final int MAGIC = 0x4c4b524d; // "LKRM"

    /** How the critique's weight moves over training: held, or falling linearly from its start to 0 at the last step. */
    public enum CritiqueSchedule {
        CONSTANT, LINEAR;

        public static CritiqueSchedule parse(String text) {
            return switch (text.toLowerCase(java.util.Locale.ROOT)) {
                case "constant" -> CONSTANT;
                case "linear" -> LINEAR;
                default -> throw new IllegalArgumentException("unknown --critique-schedule '" + text + "'; choose linear or constant");
            };
        }
    }

    /**
     * How a reward model trains.
     *
     * @param critiqueWeight lambda at the first step (0: no critique target, the plain Bradley-Terry reward model)
     */
    public record Settings(double critiqueWeight, CritiqueSchedule schedule, int epochs, int batch, float learningRate, int warmupSteps,
                           float weightDecay, float clipNorm, long seed, long evalEvery) implements Schedule {
        public Settings {
            if (!(critiqueWeight >= 0 && critiqueWeight <= 1)) {
                throw new IllegalArgumentException("--critique-weight is lambda in [0, 1] (got " + critiqueWeight + ")");
            }
            if (epochs < 1) throw new IllegalArgumentException("--epochs must be at least 1 (got " + epochs + ")");
            if (batch < 1) throw new IllegalArgumentException("--batch must be positive (got " + batch + ")");
            if (!(learningRate > 0)) throw new IllegalArgumentException("--lr must be positive (got " + learningRate + ")");
        }
    }

    /** A training pair as rows the model reads, with each path's critique target. */
    public record Pair(int[] chosen, int[] rejected, int chosenCritique, int rejectedCritique) {
    }

    private final Settings settings;
    private final Function<SearchModel, Map<String, Proportion>> heldOut;

    private RewardRun(Settings settings, Path folder, List<Pair> pairs, Function<SearchModel, Map<String, Proportion>> heldOut, Opened opened)
            throws IOException {
        super(settings, MAGIC, folder, pairs, opened);
        this.settings = settings;
        this.heldOut = heldOut;
    }

    /**
     * A run from {@code start} (which it then owns), or the folder's run resumed from its checkpoint.
     *
     * @param heldOut the held-out measures, by name, of a model (evaluated every {@code evalEvery} pairs and at the end)
     */
    public static RewardRun open(Settings settings, Path folder, SearchModel start, List<Pair> pairs,
                                 Function<SearchModel, Map<String, Proportion>> heldOut) throws IOException {
        return new RewardRun(settings, folder, pairs, heldOut, LinesRun.open(folder, MAGIC, start, pairs.size()));
    }

    /** lambda at a step: the critique's share of the loss. */
    public double critiqueWeightAt(long at) {
        if (settings.schedule() == CritiqueSchedule.CONSTANT) return settings.critiqueWeight();
        return settings.critiqueWeight() * Math.max(0, 1 - (double) at / Math.max(1, totalSteps()));
    }

    /** The batch's loss and how many of its pairs the reward orders right. */
    @Override
    double[] backward(List<Pair> batch, long stepIndex) {
        double lambda = critiqueWeightAt(stepIndex);
        int size = batch.size();
        int[][] rows = new int[2 * size][];
        long[] targets = new long[2 * size];
        for (int i = 0; i < size; i++) {
            rows[i] = batch.get(i).chosen();
            rows[size + i] = batch.get(i).rejected();
            targets[i] = batch.get(i).chosenCritique() - 1; // the critique reads units 1.., so token t is class t - 1
            targets[size + i] = batch.get(i).rejectedCritique() - 1;
        }
        try (NDManager scope = model().manager().newSubManager()) {
            NDArray out = RewardModel.outputs(model(), scope, rows, true);
            NDArray reward = out.get(":, " + RewardModel.REWARD_UNIT);
            NDArray margin = reward.get("0:" + size).sub(reward.get(size + ":"));
            NDArray loss = TorchCalls.times(Activation.softPlus(margin.neg()).mean(), (float) (1 - lambda));
            if (lambda > 0) {
                NDArray critique = out.get(":, 1:").logSoftmax(1).gather(scope.create(targets, new Shape(2 * size, 1)).toType(DataType.INT64, false), 1);
                loss = loss.add(TorchCalls.times(critique.mean().neg(), (float) lambda));
            }
            TorchCalls.backward(loss, scope.ones(loss.getShape()));
            int correct = 0;
            for (float m : margin.toFloatArray()) correct += m > 0 ? 1 : 0;
            return new double[] {loss.getFloat(), correct};
        }
    }

    @Override
    public Map<String, Proportion> evaluate() {
        return heldOut.apply(model());
    }
}
