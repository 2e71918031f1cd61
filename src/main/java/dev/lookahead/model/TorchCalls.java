package dev.lookahead.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.Shape;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Every call the workbench makes past DJL's engine-neutral API into the PyTorch engine, in one place: autograd mode,
 * backward, zeroing a gradient, and libtorch's intra-op thread count - all per calling thread - and products with a
 * constant that a backward pass can rely on.
 */
public final class TorchCalls {
    private TorchCalls() {
    }

    /** Runs {@code work} on this thread with autograd on or off, then puts the previous mode back. */
    public static <T> T withGradients(boolean on, Supplier<T> work) {
        boolean before = JniUtils.isGradMode();
        JniUtils.setGradMode(on);
        try {
            return work.get();
        } finally {
            JniUtils.setGradMode(before);
        }
    }

    /** Back-propagates {@code loss} (a scalar), adding into the gradients of the parameters it came from. */
    public static void backward(NDArray loss, NDArray ones) {
        JniUtils.backward((PtNDArray) loss, (PtNDArray) ones, false, false);
    }

    /** Sets the gradient of {@code parameter} to zero in place. */
    public static void zeroGradient(NDArray parameter) {
        JniUtils.zeroGrad((PtNDArray) parameter);
    }

    /** libtorch's intra-op threads on this thread. */
    public static int threads() {
        return JniUtils.getNumThreads();
    }

    public static void setThreads(int threads) {
        JniUtils.setNumThreads(threads);
    }

    /**
     * {@code x} times a constant, as a new array, safe under autograd. DJL makes a number operand a tensor over Java
     * memory and closes it after the call, but the product's backward pass keeps that operand: once the garbage
     * collector had freed the memory, the backward read whatever lay there, and the same seed trained other weights
     * (docs/user-guide.md, "Files are safe"). Here the constant lives in the engine's memory, which the kept operand
     * holds on to. Use this, never {@code mul(Number)}, on anything gradients flow through.
     */
    public static NDArray times(NDArray x, float factor) {
        try (NDArray constant = constant(x, factor)) {
            return x.mul(constant);
        }
    }

    /** {@link #times}, in place: {@code x} itself, multiplied. */
    public static NDArray scaleInPlace(NDArray x, float factor) {
        try (NDArray constant = constant(x, factor)) {
            return x.muli(constant);
        }
    }

    private static NDArray constant(NDArray like, float value) {
        return like.getManager().full(new Shape(), value, like.getDataType());
    }
}
