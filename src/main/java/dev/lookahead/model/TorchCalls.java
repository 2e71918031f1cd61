package dev.lookahead.model;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;
import java.util.function.Supplier;

/**
 * Every call the workbench makes past DJL's engine-neutral API into the PyTorch engine, in one place: autograd mode,
 * backward, zeroing a gradient, and libtorch's intra-op thread count - all per calling thread.
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
}
