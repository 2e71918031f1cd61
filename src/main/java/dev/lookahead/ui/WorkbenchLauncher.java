package dev.lookahead.ui;

import javafx.application.Application;

/** Starts the JavaFX workbench. */
public final class WorkbenchLauncher {
    private WorkbenchLauncher() {
    }

    public static void launch() {
        Application.launch(WorkbenchApp.class);
    }
}
