package dev.lookahead.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.Map;

/** A pre-layer-norm GPT-2 block: x + attn(ln1(x)), then + mlp(ln2(.)), with a d -> d ReLU d -> d feed-forward. */
public final class TransformerLayer extends AbstractBlock {
    private final int index;
    private final LayerNorm ln1;
    private final AttentionBlock attention;
    private final LayerNorm ln2;
    private final Linear feedForwardIn;
    private final Linear feedForwardOut;

    TransformerLayer(int index, int width, int heads) {
        this.index = index;
        ln1 = addChildBlock("ln1", LayerNorm.builder().axis(2).build());
        attention = addChildBlock("attn", new AttentionBlock(width, heads));
        ln2 = addChildBlock("ln2", LayerNorm.builder().axis(2).build());
        feedForwardIn = addChildBlock("mlp_in", Linear.builder().setUnits(width).build());
        feedForwardOut = addChildBlock("mlp_out", Linear.builder().setUnits(width).build());
    }

    NDArray forward(ParameterStore store, NDArray residual, NDArray maskBias, boolean training, Map<String, NDArray> capture) {
        NDArray normalized = normalize(store, residual, training);
        NDArray attended = attention.forward(store, normalized, maskBias, training, capture, index);
        NDArray middle = residual.add(attended);
        NDArray normalized2 = ln2.forward(store, new NDList(middle), training).singletonOrThrow();
        NDArray mlp = feedForward(store, normalized2, training);
        NDArray post = middle.add(mlp);
        if (capture != null) {
            capture.put(ActivationNames.residPre(index), residual);
            capture.put(ActivationNames.ln1Normalized(index), normalized);
            capture.put(ActivationNames.attnOut(index), attended);
            capture.put(ActivationNames.residMid(index), middle);
            capture.put(ActivationNames.ln2Normalized(index), normalized2);
            capture.put(ActivationNames.mlpOut(index), mlp);
            capture.put(ActivationNames.residPost(index), post);
        }
        return post;
    }

    /** The attention's input: the layer-normed residual stream. */
    NDArray normalize(ParameterStore store, NDArray residual, boolean training) {
        return ln1.forward(store, new NDList(residual), training).singletonOrThrow();
    }

    AttentionBlock attention() {
        return attention;
    }

    /** The rest of the block once the attention output is known: residual + attended, then + mlp(ln2(.)). */
    NDArray finish(ParameterStore store, NDArray residual, NDArray attended, boolean training) {
        NDArray middle = residual.add(attended);
        NDArray normalized2 = ln2.forward(store, new NDList(middle), training).singletonOrThrow();
        return middle.add(feedForward(store, normalized2, training));
    }

    /** The feed-forward's output for the stream after the attention: mlp(ln2(middle)). */
    NDArray feedForwardAfter(ParameterStore store, NDArray middle, boolean training) {
        return feedForward(store, ln2.forward(store, new NDList(middle), training).singletonOrThrow(), training);
    }

    private NDArray feedForward(ParameterStore store, NDArray normalized, boolean training) {
        NDArray hidden = Activation.relu(feedForwardIn.forward(store, new NDList(normalized), training).singletonOrThrow());
        return feedForwardOut.forward(store, new NDList(hidden), training).singletonOrThrow();
    }

    /** Inputs: the residual stream [batch, n, d] and the additive attention mask. */
    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(store, inputs.get(0), inputs.get(1), training, null));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {inputShapes[0]};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        ln1.initialize(manager, dataType, inputShapes[0]);
        attention.initialize(manager, dataType, inputShapes[0]);
        ln2.initialize(manager, dataType, inputShapes[0]);
        feedForwardIn.initialize(manager, dataType, inputShapes[0]);
        feedForwardOut.initialize(manager, dataType, inputShapes[0]);
    }
}
