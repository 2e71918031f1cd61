package dev.lookahead.model;

import java.util.Arrays;

/** A captured activation copied out of the engine: row-major float data and its shape. */
public record Tensor(long[] shape, float[] data) {

    public Tensor {
        long size = Arrays.stream(shape).reduce(1, (a, b) -> a * b);
        if (size != data.length) throw new IllegalArgumentException("shape " + Arrays.toString(shape) + " needs " + size + " values, got " + data.length);
    }

    /** The value at a full index. */
    public float get(long... index) {
        long flat = 0;
        for (int i = 0; i < shape.length; i++) flat = flat * shape[i] + index[i];
        return data[(int) flat];
    }
}
