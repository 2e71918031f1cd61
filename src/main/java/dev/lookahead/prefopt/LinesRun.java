package dev.lookahead.prefopt;

import dev.lookahead.io.RunLock;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.TorchCalls;
import dev.lookahead.train.OptimiserStep;
import dev.lookahead.train.StepRun;
import dev.lookahead.train.TrainingConfig;
import dev.lookahead.train.TrainingLog;
import java.io.DataInputStream;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A run over a fixed list of training lines in a folder, some epochs of them, each epoch in its own seeded order: the
 * Preference Lab's policy and reward-model runs. It owns the schedule (the trainer's warm-up and cosine), the
 * optimiser step, the checkpoint and the log; a subclass says what one batch's loss is.
 *
 * @param <L> a training line
 */
abstract class LinesRun<L> implements StepRun, AutoCloseable {
    /** How a run steps through its lines; the runs' settings records provide it. */
    interface Schedule {
        int epochs();

        int batch();

        float learningRate();

        int warmupSteps();

        float weightDecay();

        float clipNorm();

        long seed();

        long evalEvery();
    }

    private final RunLock lock;
    private final Schedule schedule;
    private final int magic;
    private final Path folder;
    private final SearchModel model;
    private final List<L> lines;
    private final int[] order;
    private final OptimiserStep optimiser;
    private long step;
    private double elapsedSeconds;

    LinesRun(Schedule schedule, int magic, Path folder, List<L> lines, Opened opened) throws IOException {
        SearchModel model = opened.model();
        RunCheckpoint.State state = opened.state();
        DataInputStream optimiserIn = opened.optimiser();
        this.lock = opened.lock();
        this.schedule = schedule;
        this.magic = magic;
        this.folder = folder;
        this.model = model;
        this.lines = List.copyOf(lines);
        order = order(this.lines.size(), schedule.epochs(), schedule.seed());
        step = state.step();
        elapsedSeconds = state.elapsedSeconds();
        optimiser = new OptimiserStep(model, schedule.weightDecay(), schedule.clipNorm());
        if (optimiserIn != null) optimiser.load(optimiserIn);
    }

    /** What a run is opened from: a new start (the model saved into the folder) or the folder's checkpoint; the folder's lock. */
    record Opened(SearchModel model, RunCheckpoint.State state, DataInputStream optimiser, RunLock lock) {
    }

    /**
     * Locks the folder to this run ({@link RunLock}) and opens it: from its checkpoint when it has one ({@code start} is
     * then closed), else from {@code start}. When the folder is in use by another run, {@code start} is closed and
     * nothing is written.
     */
    static Opened open(Path folder, int magic, SearchModel start, int lines) throws IOException {
        RunLock lock;
        try {
            lock = RunLock.take(folder);
        } catch (IOException busy) {
            start.close();
            throw busy;
        }
        try {
            RunCheckpoint.Loaded loaded = RunCheckpoint.read(folder, magic, lines, start);
            if (loaded == null) {
                ModelFiles.save(start, folder);
                return new Opened(start, new RunCheckpoint.State(0, 0, lines), null, lock);
            }
            start.close();
            return new Opened(loaded.model(), loaded.state(), loaded.optimiserStream(), lock);
        } catch (IOException | RuntimeException e) {
            lock.close();
            throw e;
        }
    }

    /** Every line once per epoch, each epoch in its own seeded order, so a resumed run takes the same batches. */
    static int[] order(int lines, int epochs, long seed) {
        int[] order = new int[lines * epochs];
        for (int e = 0; e < epochs; e++) {
            int[] epoch = new int[lines];
            for (int i = 0; i < lines; i++) epoch[i] = i;
            SplittableRandom random = new SplittableRandom(seed * 1_000_003L + e);
            for (int i = lines - 1; i > 0; i--) {
                int j = random.nextInt(i + 1);
                int t = epoch[i];
                epoch[i] = epoch[j];
                epoch[j] = t;
            }
            System.arraycopy(epoch, 0, order, e * lines, lines);
        }
        return order;
    }

    /** One batch's forward and backward with gradients on: its loss and how many of its lines count as right. */
    abstract double[] backward(List<L> batch, long stepIndex);

    public SearchModel model() {
        return model;
    }

    @Override
    public StepResult trainStep() {
        long started = System.nanoTime();
        int from = (int) (step * schedule.batch());
        int to = Math.min(order.length, from + schedule.batch());
        List<L> batch = new ArrayList<>();
        for (int i = from; i < to; i++) batch.add(lines.get(order[i]));
        long at = step;
        double[] lossAndCorrect = TorchCalls.withGradients(true, () -> backward(batch, at));
        float rate = learningRateAt(step);
        StepResult[] result = new StepResult[1];
        SearchModel.withoutGradients(() -> result[0] = new StepResult(lossAndCorrect[0], (int) lossAndCorrect[1], batch.size(),
                optimiser.step(lossAndCorrect[0], rate, at)));
        step++;
        elapsedSeconds += (System.nanoTime() - started) / 1e9;
        return result[0];
    }

    @Override
    public long stepsDone() {
        return step;
    }

    @Override
    public long totalSteps() {
        return (order.length + schedule.batch() - 1) / schedule.batch();
    }

    @Override
    public int batch() {
        return schedule.batch();
    }

    @Override
    public float learningRateAt(long at) {
        return TrainingConfig.warmupThenCosine(schedule.learningRate(), schedule.warmupSteps(), totalSteps(), at);
    }

    @Override
    public long evalEvery() {
        return schedule.evalEvery();
    }

    @Override
    public double elapsedSeconds() {
        return elapsedSeconds;
    }

    @Override
    public void checkpoint() throws IOException {
        RunCheckpoint.write(folder, magic, new RunCheckpoint.State(step, elapsedSeconds, lines.size()), model, optimiser);
    }

    @Override
    public void log(TrainingLog.Entry entry) throws IOException {
        TrainingLog.append(folder, entry);
    }

    @Override
    public void close() {
        optimiser.close();
        model.close();
        try {
            lock.close();
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }
}
