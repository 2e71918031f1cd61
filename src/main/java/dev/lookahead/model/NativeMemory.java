package dev.lookahead.model;

import com.sun.jna.Function;
import com.sun.jna.NativeLibrary;
import java.util.Locale;

/**
 * Keeps glibc from handing libtorch's multi-megabyte activation buffers back to the kernel after
 * every operation. By default each such buffer is a fresh mmap whose pages the kernel must zero on
 * first touch; raising the mmap and trim thresholds lets freed buffers be reused instead. Measured:
 * 36 matrix products at the model's shape went from 649 ms to 224 ms on one thread.
 */
public final class NativeMemory {
    private static final int M_TRIM_THRESHOLD = -1;
    private static final int M_MMAP_THRESHOLD = -3;
    private static final int MMAP_THRESHOLD_BYTES = 512 << 20;
    private static final int TRIM_THRESHOLD_BYTES = 1 << 30;

    private NativeMemory() {
    }

    /** Best effort: does nothing off Linux/glibc or when the call fails. */
    public static void keepFreedBuffers() {
        if (!System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("linux")) return;
        try {
            Function mallopt = NativeLibrary.getInstance("c").getFunction("mallopt");
            mallopt.invokeInt(new Object[] {M_MMAP_THRESHOLD, MMAP_THRESHOLD_BYTES});
            mallopt.invokeInt(new Object[] {M_TRIM_THRESHOLD, TRIM_THRESHOLD_BYTES});
        } catch (RuntimeException | LinkageError e) {
            // musl or another libc: keep its defaults
        }
    }
}
