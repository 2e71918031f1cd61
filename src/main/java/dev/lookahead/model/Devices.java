package dev.lookahead.model;

import ai.djl.Device;
import ai.djl.engine.Engine;

/** Chooses where the model runs: the GPU when the engine has one, else the CPU, unless told otherwise. */
public final class Devices {
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
}
