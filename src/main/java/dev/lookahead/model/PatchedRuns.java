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
 * #forwardPasses()} counts every patched pass. {@link #read} is the fast way the paper's rules take: it
 * runs only what a patch can change and reads the output and every root's score from one pass;
 * {@link #residualAfter} and {@link #scoreAfter} re-run every later block in full (the lenient rules, and
 * the check that {@code read} agrees). Batches may run on several threads at once. Single-head models only.
 *
 * <p>Queries, keys and raw scores leave out the projections' biases: a raw score is
 * a_dst^T W_q^T W_k a_src on the layer-normed inputs, as the reference tracer's A matrix computes it.
 */
public final class PatchedRuns implements AutoCloseable {
    /** Overwrite entry (row, column) of a layer's attention pattern with {@code value}. */
    public record Patch(int row, int column, float value) {
    }

    /**
     * What a batch of patches does to the read-out ({@link #read}): {@code output[b]}, the residual
     * coordinate after the last block under patch b; {@code scores[s][b]}, the last layer's raw score
     * from source s into the read position with the destination's query perturbed ([0]) or the source's
     * key perturbed ([1]), the other side clean.
     */
    public record Reading(float[] output, float[][][] scores) {
    }

    private final SearchTransformer network;
    private final ParameterStore store;
    private final NDManager manager;
    private final int n;
    private final int width;
    private final int layerCount;
    private final NDArray mask;
    /** The additive mask as numbers, [query or 1][key]: a batch's read-out row is built from it. */
    private final float[] maskValues;
    /** Residual stream entering each layer, and after the last: [n * d] row-major, L + 1 of them. */
    private final float[][] residual;
    private final NDArray[] values;
    /** Each layer's clean queries, keys and values with their biases, [1, 1, n, d] each. */
    private final NDArray[][] projections;
    private final float[][][] patterns;
    private final float[][] queries;
    private final float[][] keys;
    private final float[][][] biases;
    private final java.util.concurrent.atomic.LongAdder forwardPasses = new java.util.concurrent.atomic.LongAdder();

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
        projections = new NDArray[layerCount][];
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
                projections[l] = qkv;
                patterns[l] = rows(pattern.toFloatArray());
                queries[l] = unbiased(qkv[0].toFloatArray(), biases[l][0]);
                keys[l] = unbiased(qkv[1].toFloatArray(), biases[l][1]);
                x = layer.finish(store, x, layer.attention().mix(store, pattern, qkv[2], false), false);
            }
            residual[layerCount] = x.toFloatArray();
        });
        mask = maskHolder[0];
        maskValues = mask.toFloatArray();
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
        return forwardPasses.sum();
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
        forwardPasses.add(batch);
        return x;
    }

    /**
     * One patched pass per patch of layer {@code layer}, read at {@code position} (the last layer's
     * destination too): {@link Reading}. A patch changes only its own row in its layer, so that layer is
     * run for the patched rows alone, the rows it leaves keep their clean values, and the last layer runs
     * only the attention into {@code position} and its feed-forward. Under a patch of the last layer
     * itself that moves another row, the read-out is the clean value; scores are read for earlier layers
     * only (a patch of the last layer leaves its scores as they are).
     */
    public Reading read(int layer, List<Patch> patches, int position, int coordinate, int[] sources) {
        int batch = patches.size();
        float[] output = new float[batch];
        float[][][] scores = new float[sources.length][batch][2];
        int top = layerCount - 1;
        SearchModel.withoutGradients(() -> {
            try (NDManager call = manager.newSubManager()) {
                NDArray rows = patchedRows(call, layer, patches);
                float[] after = rows.toFloatArray();
                if (layer == top) {
                    for (int b = 0; b < batch; b++) {
                        output[b] = patches.get(b).row() == position ? after[b * width + coordinate] : finalResidual(position, coordinate);
                    }
                    return;
                }
                NDArray x = call.create(withRows(residual[layer + 1], patches, after), new Shape(batch, n, width));
                NDArray[] qkv = projectionsWithRows(call, layer + 1, rows, patches);
                for (int l = layer + 1; l < top; l++) {
                    TransformerLayer block = network.layers().get(l);
                    if (qkv == null) qkv = block.attention().project(store, block.normalize(store, x, false), false);
                    NDArray pattern = block.attention().scores(qkv[0], qkv[1]).add(mask).softmax(-1);
                    x = block.finish(store, x, block.attention().mix(store, pattern, qkv[2], false), false);
                    qkv = null;
                }
                TransformerLayer last = network.layers().get(top);
                NDArray[] read = qkv != null ? new NDArray[] {qkv[0].get(new NDIndex(":, :, {}:{}, :", position, position + 1)), qkv[1], qkv[2]}
                        : last.attention().projectForRow(store, last.normalize(store, x, false), position);
                readLastLayer(call, x, read, position, coordinate, sources, output, scores);
            }
        });
        forwardPasses.add(batch);
        return new Reading(output, scores);
    }

    /**
     * The queries, keys and values of layer {@code layer} when only each patch's row of its input
     * differs from the clean run: that row is projected, every other row keeps its clean projection.
     */
    private NDArray[] projectionsWithRows(NDManager call, int layer, NDArray rows, List<Patch> patches) {
        int batch = patches.size();
        float[] selected = new float[batch * n];
        for (int b = 0; b < batch; b++) selected[b * n + patches.get(b).row()] = 1f;
        NDArray pick = call.create(selected, new Shape(batch, 1, n, 1));
        NDArray keep = pick.neg().addi(1f);
        TransformerLayer block = network.layers().get(layer);
        NDArray[] changed = block.attention().project(store, block.normalize(store, rows, false), false);
        NDArray[] out = new NDArray[3];
        // clean * 1 + row * 0 and clean * 0 + row * 1 are exact: each row is either its clean projection or the patched one
        for (int p = 0; p < 3; p++) out[p] = keep.mul(projections[layer][p]).addi(pick.mul(changed[p]));
        return out;
    }

    /** Each patch's own row after its layer, [batch, 1, d]: the patched pattern row mixes the clean values. */
    private NDArray patchedRows(NDManager call, int layer, List<Patch> patches) {
        int batch = patches.size();
        float[] pattern = new float[batch * n];
        float[] before = new float[batch * width];
        for (int b = 0; b < batch; b++) {
            Patch p = patches.get(b);
            System.arraycopy(patterns[layer][p.row()], 0, pattern, b * n, n);
            pattern[b * n + p.column()] = p.value();
            System.arraycopy(residual[layer], p.row() * width, before, b * width, width);
        }
        TransformerLayer block = network.layers().get(layer);
        NDArray attended = block.attention().mix(store, call.create(pattern, new Shape(batch, 1, 1, n)), values[layer], false);
        return block.finish(store, call.create(before, new Shape(batch, 1, width)), attended, false);
    }

    /** The clean stream [n * d] once per patch, with the patch's row replaced by its patched row. */
    private float[] withRows(float[] clean, List<Patch> patches, float[] rows) {
        float[] all = new float[patches.size() * n * width];
        for (int b = 0; b < patches.size(); b++) {
            System.arraycopy(clean, 0, all, b * n * width, n * width);
            System.arraycopy(rows, b * width, all, (b * n + patches.get(b).row()) * width, width);
        }
        return all;
    }

    /**
     * The last layer on the streams x [batch, n, d] with its projections (the query of {@code position} only, [batch, 1,
     * 1, d]; every key and value): the scores into {@code position}, and its row after the block.
     */
    private void readLastLayer(NDManager call, NDArray x, NDArray[] qkv, int position, int coordinate, int[] sources, float[] output,
                               float[][][] scores) {
        int top = layerCount - 1;
        TransformerLayer block = network.layers().get(top);
        if (sources.length > 0) {
            float[] q = unbiased(qkv[0].toFloatArray(), biases[top][0]);
            for (int s = 0; s < sources.length; s++) {
                float[] k = unbiased(qkv[1].get(new NDIndex(":, 0, {}, :", sources[s])).toFloatArray(), biases[top][1]);
                for (int b = 0; b < output.length; b++) {
                    scores[s][b][0] = dot(q, b, keys[top], sources[s]);
                    scores[s][b][1] = dot(queries[top], position, k, b);
                }
            }
        }
        NDArray pattern = block.attention().scores(qkv[0], qkv[1]).add(call.create(maskRow(position), new Shape(1, 1, 1, n))).softmax(-1);
        NDArray attended = block.attention().mix(store, pattern, qkv[2], false);
        NDArray row = x.get(new NDIndex(":, {}:{}, :", position, position + 1));
        float[] after = block.finish(store, row, attended, false).toFloatArray();
        for (int b = 0; b < output.length; b++) output[b] = after[b * width + coordinate];
    }

    /** The mask's row for one query (the same row for every query unless the model is causal). */
    private float[] maskRow(int position) {
        int row = maskValues.length == n ? 0 : position;
        return java.util.Arrays.copyOfRange(maskValues, row * n, (row + 1) * n);
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
        return frozenQueriesAndKeysUpTo(layer, embeddings)[layer];
    }

    /**
     * As {@link #frozenQueriesAndKeys} for every layer from 0 to {@code layer} in one pass: [layer][0 or 1][batch][n * d].
     * Layer l's values are those {@code frozenQueriesAndKeys(l, embeddings)} gives.
     */
    public float[][][][] frozenQueriesAndKeysUpTo(int layer, List<float[]> embeddings) {
        int batch = embeddings.size();
        float[][][][] out = new float[layer + 1][2][batch][];
        SearchModel.withoutGradients(() -> {
            try (NDManager call = manager.newSubManager()) {
                float[] all = new float[batch * n * width];
                for (int b = 0; b < batch; b++) System.arraycopy(embeddings.get(b), 0, all, b * n * width, n * width);
                NDArray x = call.create(all, new Shape(batch, n, width));
                for (int l = 0; l <= layer; l++) {
                    TransformerLayer block = network.layers().get(l);
                    NDArray[] qkv = block.attention().project(store, block.normalize(store, x, false), false);
                    float[] q = unbiased(qkv[0].toFloatArray(), biases[l][0]);
                    float[] k = unbiased(qkv[1].toFloatArray(), biases[l][1]);
                    for (int b = 0; b < batch; b++) {
                        out[l][0][b] = java.util.Arrays.copyOfRange(q, b * n * width, (b + 1) * n * width);
                        out[l][1][b] = java.util.Arrays.copyOfRange(k, b * n * width, (b + 1) * n * width);
                    }
                    if (l == layer) break;
                    NDArray frozen = call.create(flatPattern(l), new Shape(1, 1, n, n));
                    x = block.finish(store, x, block.attention().mix(store, frozen, qkv[2], false), false);
                }
            }
        });
        forwardPasses.add(batch);
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
