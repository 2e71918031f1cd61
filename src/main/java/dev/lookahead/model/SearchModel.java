package dev.lookahead.model;

import ai.djl.Device;
import ai.djl.MalformedModelException;
import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import dev.lookahead.search.Task;
import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A search transformer with its parameters, ready to run. Every call works in its own sub-manager,
 * so no engine memory outlives it; inference runs with autograd off on the calling thread.
 */
public final class SearchModel implements AutoCloseable {
    static {
        NativeSetup.prepare();
    }

    /** Inputs per engine call when predicting many examples. */
    private static final int BATCH = 512;
    /**
     * Held while seeding and drawing from the engine's random generator, which is one per process: a model loaded on
     * another thread while a run initialised its own drew from the same sequence, and the same seed gave other
     * weights (docs/user-guide.md, "Files are safe").
     */
    private static final Object ENGINE_RANDOM = new Object();

    private final ModelConfig config;
    /** The task the weights were trained on (model.json's task); set once by {@link #load}. */
    private Task task = Task.SEARCH;
    private final NDManager manager;
    private final SearchTransformer network;
    private final ParameterStore store;

    private SearchModel(ModelConfig config, Device device) {
        this.config = config;
        this.manager = NDManager.newBaseManager(device);
        this.network = new SearchTransformer(config);
        this.store = new ParameterStore(manager, false);
    }

    /** A freshly initialised model with DJL's default initialisation; the same seed gives the same parameters. */
    public static SearchModel create(ModelConfig config, Device device, long seed) {
        return create(config, device, seed, Initialization.DJL);
    }

    /** A freshly initialised model; the same seed and initialisation give the same parameters. */
    public static SearchModel create(ModelConfig config, Device device, long seed, Initialization initialization) {
        SearchModel model = new SearchModel(config, device);
        synchronized (ENGINE_RANDOM) {
            Engine.getInstance().setRandomSeed((int) seed);
            model.network.initialize(model.manager);
            if (initialization == Initialization.PYTORCH) withoutGradients(() -> model.network.initializeLinearsAsPyTorch(model.manager));
        }
        return model;
    }

    public static SearchModel load(ModelFiles.Source source, Device device) throws IOException {
        try (InputStream in = source.weights().open()) {
            if (in == null) throw new IOException(source.name() + ": the weights are missing");
            DataInputStream data = new DataInputStream(new BufferedInputStream(in));
            SearchModel model = read(source.name(), source.config(), device, data);
            model.task = source.task();
            if (data.read() >= 0) {
                model.close();
                throw new IOException(source.name() + ": " + ModelFiles.WEIGHTS + " has bytes after the weights of the model that "
                        + ModelFiles.CONFIG + " describes; the file is damaged or belongs to another model");
            }
            return model;
        }
    }

    /** Reads parameters from a stream that stays open (a checkpoint holds more after them). */
    public static SearchModel read(String name, ModelConfig config, Device device, DataInputStream in) throws IOException {
        SearchModel model = new SearchModel(config, device);
        synchronized (ENGINE_RANDOM) {
            // the drawn values are overwritten just below, but the draws move the generator another run is seeding
            model.network.initialize(model.manager);
        }
        try {
            model.network.loadParameters(model.manager, in);
        } catch (java.io.EOFException e) {
            model.close();
            throw new IOException(name + ": the weights end early (the file is truncated); restore or retrain it", e);
        } catch (MalformedModelException | RuntimeException e) {
            model.close();
            throw new IOException(name + ": the weights do not fit the model description " + config
                    + " (" + firstLine(e.getMessage()) + ")", e);
        }
        return model;
    }

    private static String firstLine(String message) {
        return message == null ? "unreadable" : message.lines().findFirst().orElse("unreadable");
    }

    /** Opens a shipped model by name or a model folder (see {@link ModelFiles}). */
    public static SearchModel open(String nameOrFolder, String device) throws IOException {
        if (nameOrFolder != null && nameOrFolder.startsWith(UNTRAINED)) return untrained(nameOrFolder, device);
        return load(ModelFiles.resolve(nameOrFolder), Devices.choose(device));
    }

    /**
     * Opens a model for a command that reads the search task's inputs (predict, trace, export, probes, activations);
     * a model of an in-context task is refused with what to use instead.
     */
    public static SearchModel openSearch(String nameOrFolder, String device) throws IOException {
        SearchModel model = open(nameOrFolder, device);
        if (model.task() != Task.SEARCH) {
            model.close();
            throw new IllegalArgumentException("--model " + nameOrFolder + " was trained on the " + model.task().id() + " task, whose inputs"
                    + " are searches written out in context; this command reads the search task's first step. Use eval or rollout with it,"
                    + " or choose a search model (e.g. --model default)");
        }
        return model;
    }

    /** The prefix of a control model's name: {@code untrained:n32} is the default shape at n = 32, never trained. */
    public static final String UNTRAINED = "untrained:";

    /**
     * A control: the default shape for the named n (6 layers, hidden 16), initialised as the reference
     * initialises (PyTorch's defaults) with seed 1 and never trained.
     */
    private static SearchModel untrained(String name, String device) throws IOException {
        String size = name.substring(UNTRAINED.length());
        if (!size.matches("n\\d+")) {
            throw new IOException("--model " + name + ": an untrained control is named untrained:nN, e.g. untrained:n32");
        }
        try {
            return create(ModelConfig.defaults(Integer.parseInt(size.substring(1))), Devices.choose(device), 1, Initialization.PYTORCH);
        } catch (IllegalArgumentException e) {
            throw new IOException("--model " + name + ": " + e.getMessage(), e);
        }
    }

    public void saveWeights(OutputStream out) throws IOException {
        DataOutputStream data = new DataOutputStream(out);
        network.saveParameters(data);
        data.flush();
    }

    /** The task this model was trained on: search, or one of the in-context tasks. */
    public Task task() {
        return task;
    }

    public ModelConfig config() {
        return config;
    }

    public SearchTransformer network() {
        return network;
    }

    public NDManager manager() {
        return manager;
    }

    public ParameterStore store() {
        return store;
    }

    public Device device() {
        return manager.getDevice();
    }

    /** Next-token logits [examples][vocabulary] for token rows of length n. */
    public float[][] logits(int[][] tokens) {
        return outputs(tokens, false);
    }

    /** Next-vertex probabilities [examples][vocabulary] for token rows of length n. */
    public float[][] probabilities(int[][] tokens) {
        return outputs(tokens, true);
    }

    private float[][] outputs(int[][] tokens, boolean softmax) {
        float[][] result = new float[tokens.length][];
        withoutGradients(() -> {
            for (int from = 0; from < tokens.length; from += BATCH) {
                int count = Math.min(BATCH, tokens.length - from);
                try (NDManager call = manager.newSubManager()) {
                    NDArray logits = network.forward(store, tokensArray(call, tokens, from, count), false, null);
                    float[] flat = (softmax ? logits.softmax(-1) : logits).toFloatArray();
                    int vocabulary = config.vocabulary();
                    for (int i = 0; i < count; i++) {
                        result[from + i] = java.util.Arrays.copyOfRange(flat, i * vocabulary, (i + 1) * vocabulary);
                    }
                }
            }
        });
        return result;
    }

    /** The arg-max next vertex of each row. */
    public int[] predict(int[][] tokens) {
        float[][] probabilities = probabilities(tokens);
        int[] predicted = new int[tokens.length];
        for (int i = 0; i < tokens.length; i++) predicted[i] = argMax(probabilities[i]);
        return predicted;
    }

    /** One forward pass that records every activation under its TransformerLens name. */
    public Map<String, Tensor> capture(int[] tokens) {
        Map<String, Tensor> captured = new LinkedHashMap<>();
        withoutGradients(() -> {
            try (NDManager call = manager.newSubManager()) {
                Map<String, NDArray> arrays = new LinkedHashMap<>();
                network.forward(store, tokensArray(call, new int[][] {tokens}, 0, 1), false, arrays);
                arrays.forEach((name, array) -> captured.put(name, new Tensor(array.getShape().getShape(), array.toFloatArray())));
            }
        });
        return captured;
    }

    /** Every block's attention pattern per head for one input, [layer][head][query][key]. */
    public float[][][][] attentionPatterns(int[] tokens) {
        return attentionPatterns(capture(tokens), config());
    }

    /** The attention patterns [layer][head][query][key] held in one input's captured activations. */
    public static float[][][][] attentionPatterns(Map<String, Tensor> captured, ModelConfig config) {
        int n = config.n();
        float[][][][] out = new float[config.layers()][config.heads()][n][n];
        for (int l = 0; l < out.length; l++) {
            float[] flat = captured.get(ActivationNames.pattern(l)).data();
            for (int h = 0; h < config.heads(); h++) {
                for (int i = 0; i < n; i++) System.arraycopy(flat, (h * n + i) * n, out[l][h][i], 0, n);
            }
        }
        return out;
    }

    /** Runs {@code work} on this thread with autograd off (PyTorch's grad mode is per thread). */
    public static void withoutGradients(Runnable work) {
        TorchCalls.withGradients(false, () -> {
            work.run();
            return null;
        });
    }

    public NDArray tokensArray(NDManager target, int[][] rows, int from, int count) {
        int n = config.n();
        int[] flat = new int[count * n];
        for (int i = 0; i < count; i++) {
            int[] row = rows[from + i];
            if (row.length != n) throw new IllegalArgumentException("row " + (from + i) + " has " + row.length + " tokens, the model takes n = " + n);
            System.arraycopy(row, 0, flat, i * n, n);
        }
        return target.create(flat, new Shape(count, n));
    }

    public static int argMax(float[] values) {
        int best = 0;
        for (int i = 1; i < values.length; i++) if (values[i] > values[best]) best = i;
        return best;
    }

    @Override
    public void close() {
        manager.close();
    }
}
