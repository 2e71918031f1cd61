package dev.lookahead.model;

import dev.lookahead.search.TokenLayout;

/**
 * The shape of a search transformer (the paper's model; docs/model-card-default.md).
 *
 * @param n                     the fixed sequence length
 * @param layers                number of transformer blocks
 * @param hidden                zero coordinates between the token and position one-hots
 * @param heads                 attention heads (the model width must divide by it)
 * @param learnedTokenEmbedding train the token embedding instead of keeping it one-hot
 * @param causal                mask attention to earlier positions (the paper's runs are bidirectional)
 */
public record ModelConfig(int n, int layers, int hidden, int heads, boolean learnedTokenEmbedding, boolean causal) {
    /** Bounds far above any model of the paper (6 layers, 16 hidden), checked before anything is allocated. */
    public static final int MAX_LAYERS = 256;
    public static final int MAX_HIDDEN = 4096;

    public ModelConfig {
        new TokenLayout(n);
        if (layers < 1) throw new IllegalArgumentException("a model needs at least one layer (got " + layers + ")");
        if (layers > MAX_LAYERS) throw new IllegalArgumentException("layers must be at most " + MAX_LAYERS + " (got " + layers + ")");
        if (hidden < 0) throw new IllegalArgumentException("hidden must not be negative (got " + hidden + ")");
        if (hidden > MAX_HIDDEN) throw new IllegalArgumentException("hidden must be at most " + MAX_HIDDEN + " (got " + hidden + ")");
        if (heads < 1) throw new IllegalArgumentException("a model needs at least one head (got " + heads + ")");
        int d = (n - 5) / 3 + 5 + hidden + n;
        if (d % heads != 0) {
            throw new IllegalArgumentException("the model width d = " + d + " (vocabulary " + ((n - 5) / 3 + 5) + " + hidden "
                    + hidden + " + positions " + n + ") must divide by the number of heads (" + heads + ")");
        }
    }

    /** The default shipped shape: n = 32, 6 layers, 16 hidden coordinates (d = 62), one head. */
    public static ModelConfig defaults(int n) {
        return new ModelConfig(n, 6, 16, 1, false, false);
    }

    public TokenLayout layout() {
        return new TokenLayout(n);
    }

    /** Vocabulary size, which is also the number of output logits. */
    public int vocabulary() {
        return layout().vocabularySize();
    }

    /** Model width: one-hot token, hidden zeros, one-hot position. */
    public int width() {
        return vocabulary() + hidden + n;
    }

    public int headWidth() {
        return width() / heads;
    }

    /** Trainable parameters: per block two layer norms, Q/K/V/output and two feed-forward projections; a final norm. */
    public long parameterCount() {
        long d = width();
        long perLayer = 4 * (d * d + d) + 2 * (d * d + d) + 4 * d;
        return layers * perLayer + 2 * d + (learnedTokenEmbedding ? (long) vocabulary() * d : 0);
    }

    /** Floating-point operations of one forward pass (multiply-adds count 2), as the paper's FLOP axis uses. */
    public double forwardFlops() {
        double d = width();
        double perLayer = 2.0 * n * d * d * 6 + 2.0 * 2 * n * n * d;
        return layers * perLayer;
    }
}
