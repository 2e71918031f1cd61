package dev.lookahead.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.ndarray.types.SparseFormat;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's search transformer: a fixed one-hot token embedding, zero "hidden" coordinates and a
 * one-hot position, concatenated; pre-LN blocks; a final layer norm; the logits are the first
 * {@code vocabulary} coordinates of the last position (a tied, fixed unembedding).
 * Input: token ids [batch, n] (int32 or int64). Output: logits [batch, vocabulary].
 */
public final class SearchTransformer extends AbstractBlock {
    private static final byte VERSION = 1;
    /** Additive attention bias for keys a query may not see. */
    static final float MASKED = -1e9f;

    private final ModelConfig config;
    private final Parameter tokenEmbedding;
    private final Parameter positionEmbedding;
    private final List<TransformerLayer> layers = new ArrayList<>();
    private final LayerNorm finalNorm;

    public SearchTransformer(ModelConfig config) {
        super(VERSION);
        this.config = config;
        int vocabulary = config.vocabulary();
        int width = config.width();
        tokenEmbedding = addParameter(Parameter.builder()
                .setName("token_embedding")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(vocabulary, width))
                .optInitializer((manager, shape, type) -> oneHotColumns(manager, vocabulary, width, 0))
                .optRequiresGrad(config.learnedTokenEmbedding())
                .build());
        positionEmbedding = addParameter(Parameter.builder()
                .setName("position_embedding")
                .setType(Parameter.Type.OTHER)
                .optShape(new Shape(config.n(), width))
                .optInitializer((manager, shape, type) -> oneHotColumns(manager, config.n(), width, vocabulary + config.hidden()))
                .optRequiresGrad(false)
                .build());
        for (int l = 0; l < config.layers(); l++) {
            layers.add(addChildBlock("block" + l, new TransformerLayer(l, width, config.heads())));
        }
        finalNorm = addChildBlock("ln_final", LayerNorm.builder().axis(2).build());
    }

    /** A [rows, width] matrix with an identity block starting at column {@code offset}. */
    private static NDArray oneHotColumns(NDManager manager, int rows, int width, int offset) {
        float[] values = new float[rows * width];
        for (int r = 0; r < rows; r++) values[r * width + offset + r] = 1f;
        return manager.create(values, new Shape(rows, width));
    }

    public ModelConfig config() {
        return config;
    }

    /** Initialises every parameter for inputs of this model's shape. */
    public void initialize(NDManager manager) {
        initialize(manager, DataType.FLOAT32, new Shape(1, config.n()));
    }

    /**
     * Re-draws every Linear weight and bias uniformly in +-1/sqrt(fan_in), PyTorch's default (and so the
     * reference code's) initialisation. Call with autograd off: the arrays are overwritten in place.
     */
    void initializeLinearsAsPyTorch(NDManager manager) {
        for (Linear linear : linears(this, new ArrayList<>())) {
            Parameter weight = linear.getDirectParameters().get("weight");
            float bound = (float) (1 / Math.sqrt(weight.getArray().getShape().get(1)));
            for (Parameter p : linear.getDirectParameters().values()) {
                NDArray array = p.getArray();
                try (NDArray fresh = manager.randomUniform(-bound, bound, array.getShape())) {
                    array.muli(0f).addi(fresh);
                }
            }
        }
    }

    private static List<Linear> linears(Block block, List<Linear> found) {
        if (block instanceof Linear linear) found.add(linear);
        for (Block child : block.getChildren().values()) linears(child, found);
        return found;
    }

    /**
     * Runs the model.
     *
     * @param tokens  [batch, n] token ids
     * @param capture where to record every activation under its TransformerLens name, or null
     * @return logits [batch, vocabulary]
     */
    public NDArray forward(ParameterStore store, NDArray tokens, boolean training, Map<String, NDArray> capture) {
        NDArray residual = embed(store, tokens, training, capture);
        NDArray maskBias = attentionMask(tokens);
        for (TransformerLayer layer : layers) residual = layer.forward(store, residual, maskBias, training, capture);
        NDArray normalized = finalNorm.forward(store, new NDList(residual), training).singletonOrThrow();
        NDArray logits = normalized.get(new NDIndex(":, -1, :{}", config.vocabulary()));
        if (capture != null) {
            capture.put(ActivationNames.FINAL_NORMALIZED, normalized);
            capture.put(ActivationNames.LOGITS, logits);
            capture.put(ActivationNames.PROBABILITIES, logits.softmax(-1));
        }
        return logits;
    }

    /** The logits [batch, vocabulary] read from the residual stream after the last block: final norm, last position. */
    NDArray logitsOf(ParameterStore store, NDArray residual) {
        NDArray normalized = finalNorm.forward(store, new NDList(residual), false).singletonOrThrow();
        return normalized.get(new NDIndex(":, -1, :{}", config.vocabulary()));
    }

    /** The residual stream entering block 0: token embedding plus position embedding. */
    NDArray embed(ParameterStore store, NDArray tokens, boolean training, Map<String, NDArray> capture) {
        NDArray table = store.getValue(tokenEmbedding, tokens.getDevice(), training);
        NDArray positions = store.getValue(positionEmbedding, tokens.getDevice(), training);
        NDArray embedded = tokens.getNDArrayInternal().embedding(tokens, table, SparseFormat.DENSE).singletonOrThrow();
        NDArray residual = embedded.add(positions);
        if (capture != null) {
            capture.put(ActivationNames.EMBED, embedded);
            capture.put(ActivationNames.POS_EMBED, positions);
        }
        return residual;
    }

    /** Additive bias [batch, 1, n or 1, n]: padded keys hidden, and for causal models later keys too. */
    NDArray attentionMask(NDArray tokens) {
        long batch = tokens.getShape().get(0);
        int n = config.n();
        NDArray padded = tokens.eq(config.layout().padToken()).toType(DataType.FLOAT32, false).muli(MASKED)
                .reshape(batch, 1, 1, n);
        if (!config.causal()) return padded;
        // twice as strong as the padding mask, so a padded query row never falls back on later keys
        float[] later = new float[n * n];
        for (int query = 0; query < n; query++) {
            for (int key = query + 1; key < n; key++) later[query * n + key] = 2 * MASKED;
        }
        return padded.add(tokens.getManager().create(later, new Shape(n, n)));
    }

    public List<TransformerLayer> layers() {
        return layers;
    }

    @Override
    protected NDList forwardInternal(ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
        return new NDList(forward(store, inputs.singletonOrThrow(), training, null));
    }

    @Override
    public Shape[] getOutputShapes(Shape[] inputShapes) {
        return new Shape[] {new Shape(inputShapes[0].get(0), config.vocabulary())};
    }

    @Override
    protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
        Shape hidden = new Shape(inputShapes[0].get(0), config.n(), config.width());
        for (TransformerLayer layer : layers) layer.initialize(manager, dataType, hidden);
        finalNorm.initialize(manager, dataType, hidden);
    }
}
