package dev.lookahead.interp;

import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.ActivationNames;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.Tensor;
import dev.lookahead.search.Example;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.TokenLayout;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;

/**
 * Linear reachability probes, the cheap companion of circuit tracing: for each layer's residual
 * stream (0 = the embedding, l = after block l), a logistic regression per vertex v reads a vertex
 * token's state and says whether v is reachable from that token's vertex. Trained with binary
 * cross-entropy by plain stochastic gradient descent on standardised states (the problem is tiny:
 * d inputs, V outputs).
 */
public final class ReachabilityProbes {
    public static final String FILE = "probes.json";

    /** Per layer: weights [V][d] and biases [V], over states standardised by the layer's mean and scale [2][d]. */
    private final float[][][] weights;
    private final float[][] biases;
    private final float[][][] standardise;
    private final int width;
    private final int vertices;

    private ReachabilityProbes(float[][][] weights, float[][] biases, float[][][] standardise) {
        this.weights = weights;
        this.biases = biases;
        this.standardise = standardise;
        this.width = weights[0][0].length;
        this.vertices = weights[0].length;
    }

    /** One labelled sample: a vertex token's state at some layer and the vertices reachable from its vertex. */
    private record Sample(float[] state, boolean[] reachable) {
    }

    /** Per layer, the samples of every vertex token of the examples: states from one captured forward pass each. */
    static List<List<Sample>> samples(SearchModel model, List<Example> examples, BooleanSupplier cancelled) {
        TokenLayout layout = model.config().layout();
        int layers = model.config().layers();
        int width = model.config().width();
        List<List<Sample>> out = new ArrayList<>();
        for (int l = 0; l <= layers; l++) out.add(new ArrayList<>());
        for (Example example : examples) {
            if (cancelled.getAsBoolean()) break;
            Map<String, Tensor> acts = model.capture(example.tokens());
            GroundTruth truth = new GroundTruth(example.edges());
            int[] tokens = example.tokens();
            for (int r = 0; r < tokens.length; r++) {
                if (!layout.isVertex(tokens[r])) continue;
                Set<Integer> reach = truth.reachable(tokens[r]);
                boolean[] label = new boolean[layout.maxVertex()];
                for (int v = 1; v <= layout.maxVertex(); v++) label[v - 1] = reach.contains(v);
                for (int l = 0; l <= layers; l++) {
                    String name = l == 0 ? ActivationNames.residPre(0) : ActivationNames.residPost(l - 1);
                    float[] all = acts.get(name).data();
                    float[] state = Arrays.copyOfRange(all, r * width, (r + 1) * width);
                    out.get(l).add(new Sample(state, label));
                }
            }
        }
        return out;
    }

    /** Trains one probe per layer on the examples. */
    public static ReachabilityProbes train(SearchModel model, List<Example> examples, int epochs, long seed, BooleanSupplier cancelled) {
        List<List<Sample>> data = samples(model, examples, cancelled);
        int width = model.config().width();
        int vertices = model.config().layout().maxVertex();
        float[][][] weights = new float[data.size()][vertices][width];
        float[][] biases = new float[data.size()][vertices];
        float[][][] standardise = new float[data.size()][][];
        Random random = new Random(seed);
        for (int l = 0; l < data.size(); l++) {
            standardise[l] = meanAndScale(data.get(l), width);
            List<Sample> samples = new ArrayList<>();
            for (Sample s : data.get(l)) samples.add(new Sample(scaled(s.state(), standardise[l]), s.reachable()));
            float rate = 0.01f;
            for (int epoch = 0; epoch < epochs && !cancelled.getAsBoolean(); epoch++) {
                java.util.Collections.shuffle(samples, random);
                for (Sample s : samples) {
                    for (int v = 0; v < vertices; v++) {
                        float p = sigmoid(dot(weights[l][v], s.state()) + biases[l][v]);
                        float error = p - (s.reachable()[v] ? 1 : 0);
                        for (int c = 0; c < width; c++) weights[l][v][c] -= rate * error * s.state()[c];
                        biases[l][v] -= rate * error;
                    }
                }
                rate *= 0.7f;
            }
        }
        return new ReachabilityProbes(weights, biases, standardise);
    }

    private static float[][] meanAndScale(List<Sample> samples, int width) {
        float[] mean = new float[width];
        float[] scale = new float[width];
        for (Sample s : samples) for (int c = 0; c < width; c++) mean[c] += s.state()[c] / samples.size();
        for (Sample s : samples) for (int c = 0; c < width; c++) scale[c] += (s.state()[c] - mean[c]) * (s.state()[c] - mean[c]) / samples.size();
        for (int c = 0; c < width; c++) scale[c] = (float) Math.max(1e-3, Math.sqrt(scale[c]));
        return new float[][] {mean, scale};
    }

    private static float[] scaled(float[] state, float[][] meanAndScale) {
        float[] out = new float[state.length];
        for (int c = 0; c < state.length; c++) out[c] = (state[c] - meanAndScale[0][c]) / meanAndScale[1][c];
        return out;
    }

    /**
     * Precision, recall, F1 and accuracy of each layer's probe, each beside the baseline on the same
     * metric: the accuracy of always answering the majority label, and the F1 of always answering
     * "reachable" (the best F1 any constant answer gets: 2p / (1 + p) for a positive share p).
     */
    public record Score(int layer, double precision, double recall, double f1, double accuracy, double majorityAccuracy,
                        double alwaysReachableF1) {
    }

    public List<Score> evaluate(SearchModel model, List<Example> examples) {
        List<List<Sample>> data = samples(model, examples, () -> false);
        List<Score> scores = new ArrayList<>();
        for (int l = 0; l < data.size(); l++) {
            long tp = 0, fp = 0, fn = 0, correct = 0, positives = 0, total = 0;
            for (Sample s : data.get(l)) {
                float[] state = scaled(s.state(), standardise[l]);
                for (int v = 0; v < vertices; v++) {
                    boolean predicted = sigmoid(dot(weights[l][v], state) + biases[l][v]) >= 0.5f;
                    boolean actual = s.reachable()[v];
                    if (predicted && actual) tp++;
                    if (predicted && !actual) fp++;
                    if (!predicted && actual) fn++;
                    if (predicted == actual) correct++;
                    if (actual) positives++;
                    total++;
                }
            }
            double precision = tp + fp == 0 ? Double.NaN : (double) tp / (tp + fp);
            double recall = tp + fn == 0 ? Double.NaN : (double) tp / (tp + fn);
            double f1 = tp == 0 ? 0 : 2 * precision * recall / (precision + recall);
            double majority = Math.max(positives, total - positives) / (double) Math.max(1, total);
            double positiveShare = positives / (double) Math.max(1, total);
            double constantF1 = positives == 0 ? 0 : 2 * positiveShare / (1 + positiveShare);
            scores.add(new Score(l, precision, recall, f1, (double) correct / Math.max(1, total), majority, constantF1));
        }
        return scores;
    }

    /** The probability, per vertex 1..V, that it is reachable from the token whose state is given (layer l). */
    public float[] reachability(int layer, float[] state) {
        float[] x = scaled(state, standardise[layer]);
        float[] out = new float[vertices];
        for (int v = 0; v < vertices; v++) out[v] = sigmoid(dot(weights[layer][v], x) + biases[layer][v]);
        return out;
    }

    public int layers() {
        return weights.length;
    }

    private static float dot(float[] a, float[] b) {
        float sum = 0;
        for (int i = 0; i < a.length; i++) sum += a[i] * b[i];
        return sum;
    }

    private static float sigmoid(float x) {
        return (float) (1 / (1 + Math.exp(-x)));
    }

    public void save(Path folder) throws IOException {
        List<LayerJson> layers = new ArrayList<>();
        for (int l = 0; l < weights.length; l++) layers.add(new LayerJson(weights[l], biases[l], standardise[l][0], standardise[l][1]));
        java.nio.file.Files.createDirectories(folder);
        AtomicFiles.writeString(folder.resolve(FILE), Json.pretty(new ProbesJson("lookahead-reachability-probes", 1, width, vertices, layers)));
    }

    /** The probes as {@code probes.json} holds them: per layer, each vertex's logistic weights and bias, and how the inputs are standardised. */
    private record ProbesJson(String format, int version, int width, int vertices, List<LayerJson> layers) {
    }

    private record LayerJson(float[][] weights, float[] biases, float[] mean, float[] scale) {
    }

    public static ReachabilityProbes load(Path folder) throws IOException {
        Path file = folder.resolve(FILE);
        try (InputStream in = java.nio.file.Files.newInputStream(file)) {
            return read(in, file.toString());
        }
    }

    /** The probes trained for a model and kept beside it (a shipped model's or a training folder's), if any. */
    public static Optional<ReachabilityProbes> forModel(String nameOrFolder) throws IOException {
        try (InputStream in = ModelFiles.openCompanion(nameOrFolder, FILE)) {
            return in == null ? Optional.empty() : Optional.of(read(in, nameOrFolder + "/" + FILE));
        }
    }

    /**
     * What the probes say each vertex token holds, per layer, split by whether the vertex is in the
     * graph: {@code sets} holds the graph's vertices only (what a view may ring), {@code absent} the ids
     * the probes call reachable that the input does not contain (a probe's error worth showing, never a
     * vertex to draw).
     */
    public record Estimate(List<Map<Integer, SortedSet<Integer>>> sets, List<Map<Integer, SortedSet<Integer>>> absent) {
    }

    /** The probes' estimate for one captured forward pass of {@code tokens}. */
    public Estimate estimate(Map<String, Tensor> captured, int[] tokens, TokenLayout layout) {
        Set<Integer> present = new HashSet<>();
        for (int token : tokens) if (layout.isVertex(token)) present.add(token);
        List<Map<Integer, SortedSet<Integer>>> sets = new ArrayList<>();
        List<Map<Integer, SortedSet<Integer>>> absent = new ArrayList<>();
        for (int l = 0; l < layers(); l++) {
            float[] all = captured.get(l == 0 ? ActivationNames.residPre(0) : ActivationNames.residPost(l - 1)).data();
            Map<Integer, SortedSet<Integer>> held = new TreeMap<>();
            Map<Integer, SortedSet<Integer>> missing = new TreeMap<>();
            for (int r = 0; r < tokens.length; r++) {
                if (!layout.isVertex(tokens[r])) continue;
                float[] p = reachability(l, Arrays.copyOfRange(all, r * width, (r + 1) * width));
                SortedSet<Integer> in = new TreeSet<>();
                SortedSet<Integer> out = new TreeSet<>();
                for (int v = 0; v < p.length; v++) if (p[v] > 0.5f) (present.contains(v + 1) ? in : out).add(v + 1);
                held.put(r, in);
                if (!out.isEmpty()) missing.put(r, out);
            }
            sets.add(held);
            absent.add(missing);
        }
        return new Estimate(sets, absent);
    }

    private static ReachabilityProbes read(InputStream in, String origin) throws IOException {
        var root = Json.MAPPER.readTree(in);
        if (root == null || !"lookahead-reachability-probes".equals(root.path("format").asText())) {
            throw new IOException(origin + " is not a file of reachability probes");
        }
        var layers = root.get("layers");
        int vertices = root.get("vertices").asInt();
        int width = root.get("width").asInt();
        float[][][] weights = new float[layers.size()][vertices][width];
        float[][] biases = new float[layers.size()][vertices];
        float[][][] standardise = new float[layers.size()][2][width];
        for (int l = 0; l < layers.size(); l++) {
            for (int c = 0; c < width; c++) {
                standardise[l][0][c] = (float) layers.get(l).get("mean").get(c).asDouble();
                standardise[l][1][c] = (float) layers.get(l).get("scale").get(c).asDouble();
            }
            for (int v = 0; v < vertices; v++) {
                for (int c = 0; c < width; c++) weights[l][v][c] = (float) layers.get(l).get("weights").get(v).get(c).asDouble();
                biases[l][v] = (float) layers.get(l).get("biases").get(v).asDouble();
            }
        }
        return new ReachabilityProbes(weights, biases, standardise);
    }
}
