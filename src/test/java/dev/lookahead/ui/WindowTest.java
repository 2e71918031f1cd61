package dev.lookahead.ui;

import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.BeforeEach;
import org.testfx.framework.junit5.ApplicationTest;

/**
 * The real workbench window, headless under Monocle, opened afresh for each test; the test is also the
 * robot that clicks and types in it.
 */
public abstract class WindowTest extends ApplicationTest {
    protected WorkbenchApp app;
    protected Stage stage;

    /** Where the window keeps its autosave and recent files; null for the build's folder. */
    protected Path home() {
        return null;
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        app = home() == null ? new WorkbenchApp() : new WorkbenchApp(home());
        app.start(stage);
    }

    /** A fresh window loads the shipped model in the background; its status line must not overwrite the ones tests check. */
    @BeforeEach
    void waitForTheModel() throws Exception {
        FxTesting.waitUntil(() -> !app.explorer().modelBusy(), "the shipped model loads");
    }
}
