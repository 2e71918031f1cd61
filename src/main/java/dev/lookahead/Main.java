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

    /** DJL runs offline with its bundled PyTorch, on every core, unless the user set otherwise. */
    static void configureEngine() {
        setDefault("ai.djl.offline", "true");
        setDefault("ai.djl.pytorch.num_threads", Integer.toString(Runtime.getRuntime().availableProcessors()));
        setDefault("ai.djl.pytorch.num_interop_threads", "1");
        dev.lookahead.model.NativeMemory.keepFreedBuffers();
    }

    private static void setDefault(String key, String value) {
        if (System.getProperty(key) == null) System.setProperty(key, value);
    }
}
