package dev.lookahead.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Chooses where the model runs: the GPU when the engine has one, else the CPU, unless told otherwise. */
public final class Devices {
    static {
        NativeSetup.prepare();
    }

    private Devices() {
    }

    /**
     * @param choice "cpu", "gpu" or "auto"
     * @throws IllegalArgumentException when "gpu" is asked for and the engine has none
     */
    public static Device choose(String choice) {
        int gpus = Engine.getInstance().getGpuCount();
        return switch (choice == null ? "auto" : choice) {
            case "cpu" -> Device.cpu();
            case "gpu" -> {
                if (gpus == 0) {
                    throw new IllegalArgumentException("--device gpu: no GPU is visible to PyTorch; this build bundles the "
                            + "CPU engine unless built with -Pcuda (see the README)");
                }
                yield Device.gpu();
            }
            case "auto" -> gpus > 0 ? Device.gpu() : Device.cpu();
            default -> throw new IllegalArgumentException("--device must be cpu, gpu or auto (got " + choice + ")");
        };
    }

    /**
     * Runs {@code work} with libtorch using {@code threads} intra-op threads on the calling thread, then
     * puts the previous count back. Engine calls on other threads keep their own count; threads started
     * meanwhile inherit it. A batch job alone on the machine (tracing from the command line) gains from
     * every core; the window keeps one thread so that it stays smooth.
     */
    public static <T> T withIntraOpThreads(int threads, java.util.function.Supplier<T> work) {
        int before = TorchCalls.threads();
        if (threads < 1 || threads == before) return work.get();
        TorchCalls.setThreads(threads);
        try {
            return work.get();
        } finally {
            TorchCalls.setThreads(before);
        }
    }
}
