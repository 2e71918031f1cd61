package dev.lookahead;

import dev.lookahead.cli.LookaheadCommand;

/**
 * Entry point of {@code lookahead.jar}: with no arguments the workbench window opens; otherwise the
 * arguments name a headless command. Kept free of JavaFX types so headless commands never load the
 * toolkit (and so the jar starts from the class path without a JavaFX launcher).
 */
public final class Main {
    private Main() {
    }

    public static void main(String[] args) {
        configureEngine();
        if (args.length == 0) {
            dev.lookahead.ui.WorkbenchLauncher.launch();
        } else {
            System.exit(LookaheadCommand.execute(args));
        }
    }

    /**
     * DJL runs offline with its bundled PyTorch. One intra-op thread by default: at this model's width a
     * single forward pass takes 0.8 ms on one thread and 1.9 ms on two (docs/benchmarks.md), and training
     * uses the cores through data-parallel replicas instead.
     */
    static void configureEngine() {
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.num_threads", "1");
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        dev.lookahead.model.NativeSetup.prepare();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
