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
        if (args.length == 0) {
            dev.lookahead.ui.WorkbenchLauncher.launch();
        } else {
            System.exit(LookaheadCommand.execute(args));
        }
    }
}
