package dev.lookahead.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/**
 * Multi-head self-attention with full-width Q/K/V and output projections (with bias), scores over
 * sqrt(d / heads), and an additive mask that hides padded (and, for causal models, later) keys.
 * Unlike DJL's built-in attention it returns its attention pattern for analysis.
 */
public final class AttentionBlock extends AbstractBlock {
    private final int width;
    private final int heads;
    private final Linear queryKeyValue;
    private final Linear output;

    AttentionBlock(int width, int heads) {
        this.width = width;
        this.heads = heads;
        queryKeyValue = addChildBlock("qkv", Linear.builder().setUnits(3L * width).build());
        output = addChildBlock("out", Linear.builder().setUnits(width).build());
    }

    /**
     * @param x        layer-normed input [batch, n, d]
     * @param maskBias additive bias broadcastable to [batch, heads, n, n]: 0 where a key may be seen, -1e9 where not
     * @param capture  where to record the scores and pattern, or null
     * @param layer    this block's layer index, for capture names
     */
    NDArray forward(ParameterStore store, NDArray x, NDArray maskBias, boolean training,
                    Map<String, NDArray> capture, int layer) {
        NDArray[] qkv = project(store, x, training);
        NDArray scores = scores(qkv[0], qkv[1]).addi(maskBias);
        NDArray pattern = scores.softmax(-1);
        if (capture != null) {
            capture.put(ActivationNames.attnScores(layer), scores);
            capture.put(ActivationNames.pattern(layer), pattern);
        }
        return mix(store, pattern, qkv[2], training);
    }

    /** Queries, keys and values of a layer-normed input, [batch, heads, n, d / heads] each. */
    NDArray[] project(ParameterStore store, NDArray x, boolean training) {
        long batch = x.getShape().get(0);
        long n = x.getShape().get(1);
        NDList qkv = queryKeyValue.forward(store, new NDList(x), training).singletonOrThrow().split(3, 2);
        return new NDArray[] {toHeads(qkv.get(0), batch, n), toHeads(qkv.get(1), batch, n), toHeads(qkv.get(2), batch, n)};
    }

    /**
     * Keys and values of every row but the query of one row only, [batch, 1, n or 1, d] each ([0] the query at
     * {@code row}): what a read of one position's attention needs, a third fewer products than {@link #project}.
     * Single-head blocks only.
     */
    NDArray[] projectForRow(ParameterStore store, NDArray x, int row) {
        NDArray weight = store.getValue(queryKeyValue.getParameters().get("weight"), x.getDevice(), false);
        NDArray bias = store.getValue(queryKeyValue.getParameters().get("bias"), x.getDevice(), false);
        String queries = "0:" + width;
        String rest = width + ":" + 3 * width;
        NDArray q = x.get(new NDIndex(":, {}:{}, :", row, row + 1)).matMul(weight.get(queries + ", :").transpose())
                .add(bias.get(queries));
        NDArray kv = x.matMul(weight.get(rest + ", :").transpose()).add(bias.get(rest));
        NDList split = kv.split(2, 2);
        return new NDArray[] {q.expandDims(1), split.get(0).expandDims(1), split.get(1).expandDims(1)};
    }

    /** Scaled scores q k^T / sqrt(d / heads), before the mask: [batch, heads, n, n]. */
    NDArray scores(NDArray q, NDArray k) {
        return TorchCalls.scaleInPlace(q.matMul(k.transpose(0, 1, 3, 2)), (float) (1.0 / Math.sqrt((double) width / heads)));
    }

    /**
     * The block's output for a given attention pattern: the pattern mixes the values, the output
     * projection maps them back. Pattern [batch, heads, n, n]; values broadcast against it.
     */
    NDArray mix(ParameterStore store, NDArray pattern, NDArray v, boolean training) {
        NDArray mixed = pattern.matMul(v);
        // either side may be the broadcast one: the batch is the product's
        long batch = mixed.getShape().get(0);
        long n = pattern.getShape().get(2);
        if (heads > 1) mixed = mixed.transpose(0, 2, 1, 3);
        mixed = mixed.reshape(batch, n, width);
        return output.forward(store, new NDList(mixed), training).singletonOrThrow();
    }

    /** The query and key projections' biases, [0] and [1], each of length d. */
    float[][] queryAndKeyBias() {
        float[] bias = queryKeyValue.getParameters().get("bias").getArray().toFloatArray();
        return new float[][] {java.util.Arrays.copyOfRange(bias, 0, width), java.util.Arrays.copyOfRange(bias, width, 2 * width)};
    }

    /** [batch, n, d] to [batch, heads, n, d / heads]. */
    private NDArray toHeads(NDArray x, long batch, long n) {
        if (heads == 1) return x.expandDims(1);
        return x.reshape(batch, n, heads, width / heads).transpose(0, 2, 1, 3);
    }

    /** Inputs: the layer-normed stream [batch, n, d] and the additive mask (see {@link #forward}). */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(store, inputs.get(0), inputs.get(1), training, null, -1));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        queryKeyValue.initialize(manager, dataType, inputShapes[0]);
        output.initialize(manager, dataType, inputShapes[0]);
    }
}
