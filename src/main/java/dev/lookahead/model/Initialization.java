package dev.lookahead.model;

import java.util.Arrays;
import java.util.Locale;

/**
 * How a new model's trainable projections start (docs/user-guide.md, "Training").
 *
 * <p>{@link #PYTORCH} is the reference code's: PyTorch's defaults, every Linear weight and bias uniform
 * in +-1/sqrt(fan_in). {@link #DJL} is DJL's defaults (Xavier-style weights about 2.4 times wider at
 * this model's width, zero biases), which the workbench's first runs, and both shipped models, used.
 * Layer norms start at weight 1 and bias 0 either way; the one-hot embeddings are fixed.
 */
public enum Initialization {
    PYTORCH,
    DJL;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Initialization parse(String text) {
        for (Initialization init : values()) if (init.id().equals(text.trim().toLowerCase(Locale.ROOT))) return init;
        throw new IllegalArgumentException("unknown initialisation '" + text + "'; choose one of "
                + String.join(", ", Arrays.stream(values()).map(Initialization::id).toList()));
    }
}
