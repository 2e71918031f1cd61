package dev.lookahead.model;

import com.sun.jna.NativeLibrary;
import java.util.Locale;

/**
 * What the native engine needs before it starts, done once by whichever comes first - the command line's entry point,
 * {@link Devices} or {@link SearchModel} - so that the engine never runs without it:
 * <ul>
 *   <li>MKL's own thread count is one ({@code MKL_NUM_THREADS}) and, on CPUs with AVX2, its reproducible AVX2 code path
 *       ({@code MKL_CBWR}), unless the environment says otherwise. libtorch sets the count of the threads it
 *       configures, but MKL calls on other threads split their sums by however many threads MKL finds, and its
 *       default code path sums in an order that depends on where the data lies: either way the same seed trained two
 *       replicas into other weights from run to run (docs/user-guide.md, "Files are safe"). Work that wants more
 *       threads asks for them per call ({@link Devices#withIntraOpThreads}).</li>
 *   <li>glibc keeps freed buffers ({@link NativeMemory}).</li>
 * </ul>
 */
public final class NativeSetup {
    private static boolean done;

    private NativeSetup() {
    }

    public static synchronized void prepare() {
        if (done) return;
        done = true;
        singleThreadedMklUnlessAsked();
        NativeMemory.keepFreedBuffers();
    }

    private static void singleThreadedMklUnlessAsked() {
        if (System.getProperty("os.name", "").toLowerCase(Locale.ROOT).contains("win")) return;
        setDefault("MKL_NUM_THREADS", "1");
        if (hasAvx2()) setDefault("MKL_CBWR", "AVX2");
    }

    /** Sets an environment variable of this process for the native code to read, unless the user has set it. */
    private static void setDefault(String name, String value) {
        try {
            NativeLibrary.getInstance("c").getFunction("setenv").invokeInt(new Object[] {name, value, 0});
        } catch (RuntimeException | LinkageError e) {
            // no C library to reach: the engine keeps MKL's default
        }
    }

    /** Whether this CPU runs MKL's AVX2 code path (Linux: /proc/cpuinfo; elsewhere assumed not). */
    private static boolean hasAvx2() {
        try {
            return java.nio.file.Files.readString(java.nio.file.Path.of("/proc/cpuinfo")).contains(" avx2");
        } catch (java.io.IOException | RuntimeException e) {
            return false;
        }
    }
}
