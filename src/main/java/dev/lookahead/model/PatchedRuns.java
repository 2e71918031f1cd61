package dev.lookahead.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.List;

/**
 * One input's clean forward pass, kept, and batches of re-runs with interventions - what circuit
 * tracing needs (the paper's section 5; docs/tracing.md). An intervention overwrites one entry of one layer's
 * attention pattern (without renormalising) and re-runs the later layers, which recompute their own
 * attention; or it perturbs the input embedding and re-runs the earlier layers with their attention
 * frozen to the clean patterns. Each batch is one call into the engine, whatever its size; {@link
 * #forwardPasses()} counts every patched pass. Single-head models only.
 *
 * <p>Queries, keys and raw scores leave out the projections' biases: a raw score is
 * a_dst^T W_q^T W_k a_src on the layer-normed inputs, as the reference tracer's A matrix computes it.
 */
public final class PatchedRuns implements AutoCloseable {
    /** Overwrite entry (row, column) of a layer's attention pattern with {@code value}. */
    public record Patch(int row, int column, float value) {
    }

    private final SearchTransformer network;
    private final ParameterStore store;
    private final NDManager manager;
    private final int n;
    private final int width;
    private final int layerCount;
    private final NDArray mask;
    /** Residual stream entering each layer, and after the last: [n * d] row-major, L + 1 of them. */
    private final float[][] residual;
    private final NDArray[] values;
    private final float[][][] patterns;
    private final float[][] queries;
    private final float[][] keys;
    private final float[][][] biases;
    private long forwardPasses;

    public PatchedRuns(SearchModel model, int[] tokens) {
        if (model.config().heads() != 1) throw new IllegalArgumentException("circuit tracing reads single-head models");
        network = model.network();
        store = model.store();
        manager = model.manager().newSubManager();
        n = model.config().n();
        width = model.config().width();
        layerCount = model.config().layers();
        residual = new float[layerCount + 1][];
        values = new NDArray[layerCount];
        patterns = new float[layerCount][][];
        queries = new float[layerCount][];
        keys = new float[layerCount][];
        biases = new float[layerCount][][];
        for (int l = 0; l < layerCount; l++) biases[l] = network.layers().get(l).attention().queryAndKeyBias();
        NDArray[] maskHolder = new NDArray[1];
        SearchModel.withoutGradients(() -> {
            NDArray tokenArray = model.tokensArray(manager, new int[][] {tokens}, 0, 1);
            NDArray x = network.embed(store, tokenArray, false, null);
            NDArray maskBias = network.attentionMask(tokenArray);
            maskHolder[0] = maskBias;
            for (int l = 0; l < layerCount; l++) {
                residual[l] = x.toFloatArray();
                TransformerLayer layer = network.layers().get(l);
                NDArray[] qkv = layer.attention().project(store, layer.normalize(store, x, false), false);
                NDArray pattern = layer.attention().scores(qkv[0], qkv[1]).add(maskBias).softmax(-1);
                values[l] = qkv[2];
                patterns[l] = rows(pattern.toFloatArray());
                queries[l] = unbiased(qkv[0].toFloatArray(), biases[l][0]);
                keys[l] = unbiased(qkv[1].toFloatArray(), biases[l][1]);
                x = layer.finish(store, x, layer.attention().mix(store, pattern, qkv[2], false), false);
            }
            residual[layerCount] = x.toFloatArray();
        });
        mask = maskHolder[0];
    }

    /** Subtracts a projection's bias from every row of d values, in place. */
    private float[] unbiased(float[] rows, float[] bias) {
        for (int i = 0; i < rows.length; i++) rows[i] -= bias[i % width];
        return rows;
    }

    private float[][] rows(float[] flat) {
        float[][] out = new float[n][n];
        for (int i = 0; i < n; i++) System.arraycopy(flat, i * n, out[i], 0, n);
        return out;
    }

    public int layers() {
        return layerCount;
    }

    public int width() {
        return width;
    }

    /** The clean attention pattern of a layer, [query][key]. */
    public float[][] pattern(int layer) {
        return patterns[layer];
    }

    /** Coordinate {@code c} of the clean residual stream at {@code position} after the last block (before the final norm). */
    public float finalResidual(int position, int c) {
        return residual[layerCount][position * width + c];
    }

    /** The clean raw attention score q_dest . k_src of a layer (not divided by sqrt(d)). */
    public float score(int layer, int destination, int source) {
        return dot(queries[layer], destination, keys[layer], source);
    }

    private float dot(float[] q, int row, float[] k, int column) {
        double sum = 0;
        for (int c = 0; c < width; c++) sum += q[row * width + c] * k[column * width + c];
        return (float) sum;
    }

    /** Patched passes run so far (each entry of each batch counts one). */
    public long forwardPasses() {
        return forwardPasses;
    }

    /**
     * For each patch of layer {@code layer}'s pattern, the residual coordinate {@code c} at
     * {@code position} after the last block.
     */
    public float[] residualAfter(int layer, List<Patch> patches, int position, int c) {
        float[] out = new float[patches.size()];
        SearchModel.withoutGradients(() -> {
            try (NDManager call = manager.newSubManager()) {
                NDArray x = runPatched(call, layer, patches, layerCount);
                float[] picked = x.get(new NDIndex(":, {}, {}", position, c)).toFloatArray();
                System.arraycopy(picked, 0, out, 0, out.length);
            }
        });
        return out;
    }

    /**
     * For each patch of layer {@code layer}'s pattern, the raw score of layer {@code scoreLayer}
     * (later than {@code layer}) between {@code destination} and {@code source}: [patch][0] with the
     * destination's query from the patched run and the source's key clean, [patch][1] the other way round.
     */
    public float[][] scoreAfter(int layer, List<Patch> patches, int scoreLayer, int destination, int source) {
        float[][] out = new float[patches.size()][2];
        SearchModel.withoutGradients(() -> {
            try (NDManager call = manager.newSubManager()) {
                NDArray x = runPatched(call, layer, patches, scoreLayer);
                TransformerLayer target = network.layers().get(scoreLayer);
                NDArray[] qkv = target.attention().project(store, target.normalize(store, x, false), false);
                float[] q = unbiased(qkv[0].get(new NDIndex(":, 0, {}, :", destination)).toFloatArray(), biases[scoreLayer][0]);
                float[] k = unbiased(qkv[1].get(new NDIndex(":, 0, {}, :", source)).toFloatArray(), biases[scoreLayer][1]);
                for (int b = 0; b < out.length; b++) {
                    double destinationPerturbed = 0;
                    double sourcePerturbed = 0;
                    for (int c = 0; c < width; c++) {
                        destinationPerturbed += q[b * width + c] * keys[scoreLayer][source * width + c];
                        sourcePerturbed += queries[scoreLayer][destination * width + c] * k[b * width + c];
                    }
                    out[b][0] = (float) destinationPerturbed;
                    out[b][1] = (float) sourcePerturbed;
                }
            }
        });
        return out;
    }

    private float[] flatPattern(int layer) {
        float[] flat = new float[n * n];
        for (int i = 0; i < n; i++) System.arraycopy(patterns[layer][i], 0, flat, i * n, n);
        return flat;
    }

    /** Runs the patched pattern batch through layer {@code layer} and on to the input of layer {@code until}. */
    private NDArray runPatched(NDManager call, int layer, List<Patch> patches, int until) {
        int batch = patches.size();
        float[] clean = flatPattern(layer);
        float[] all = new float[batch * n * n];
        for (int b = 0; b < batch; b++) {
            System.arraycopy(clean, 0, all, b * n * n, n * n);
            Patch p = patches.get(b);
            all[b * n * n + p.row() * n + p.column()] = p.value();
        }
        NDArray patched = call.create(all, new Shape(batch, 1, n, n));
        TransformerLayer first = network.layers().get(layer);
        // every array of the batch must belong to the call's manager (results join their first operand's), or they outlive it
        NDArray base = call.create(residual[layer], new Shape(1, n, width));
        NDArray x = first.finish(store, base, first.attention().mix(store, patched, values[layer], false), false);
        for (int l = layer + 1; l < until; l++) x = network.layers().get(l).forward(store, x, mask, false, null);
        forwardPasses += batch;
        return x;
    }

    /** The clean embedding (token one-hot + position one-hot), [n * d] row-major, to perturb. */
    public float[] embedding() {
        return residual[0].clone();
    }

    /**
     * Runs perturbed embeddings [batch][n * d] through the layers before {@code layer} with their
     * attention frozen to the clean patterns; returns layer {@code layer}'s queries and keys,
     * [batch][n * d] each ({@code [0]} queries, {@code [1]} keys).
     */
    public float[][][] frozenQueriesAndKeys(int layer, List<float[]> embeddings) {
        int batch = embeddings.size();
        float[][][] out = new float[2][batch][];
        SearchModel.withoutGradients(() -> {
            try (NDManager call = manager.newSubManager()) {
                float[] all = new float[batch * n * width];
                for (int b = 0; b < batch; b++) System.arraycopy(embeddings.get(b), 0, all, b * n * width, n * width);
                NDArray x = call.create(all, new Shape(batch, n, width));
                for (int l = 0; l < layer; l++) {
                    TransformerLayer block = network.layers().get(l);
                    NDArray v = block.attention().project(store, block.normalize(store, x, false), false)[2];
                    NDArray frozen = call.create(flatPattern(l), new Shape(1, 1, n, n));
                    x = block.finish(store, x, block.attention().mix(store, frozen, v, false), false);
                }
                TransformerLayer target = network.layers().get(layer);
                NDArray[] qkv = target.attention().project(store, target.normalize(store, x, false), false);
                float[] q = unbiased(qkv[0].toFloatArray(), biases[layer][0]);
                float[] k = unbiased(qkv[1].toFloatArray(), biases[layer][1]);
                for (int b = 0; b < batch; b++) {
                    out[0][b] = java.util.Arrays.copyOfRange(q, b * n * width, (b + 1) * n * width);
                    out[1][b] = java.util.Arrays.copyOfRange(k, b * n * width, (b + 1) * n * width);
                }
            }
        });
        forwardPasses += batch;
        return out;
    }

    /** The clean queries or keys of a layer, [n * d] row-major. */
    public float[] queries(int layer) {
        return queries[layer].clone();
    }

    public float[] keys(int layer) {
        return keys[layer].clone();
    }

    @Override
    public void close() {
        manager.close();
    }
}
