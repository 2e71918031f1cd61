package dev.lookahead.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.function.BooleanSupplier;
import javafx.application.Platform;
import javafx.embed.swing.SwingFXUtils;
import javafx.scene.Scene;
import javafx.scene.image.WritableImage;
import javax.imageio.ImageIO;
import org.testfx.util.WaitForAsyncUtils;

/** Running test code on the JavaFX thread, and snapshots of the real window. */
public final class FxTesting {
    private FxTesting() {
    }

    /** Runs {@code action} on the FX thread and waits for it (at most 10 s); its assertion errors reach the test. */
    public static void onFx(Runnable action) throws Exception {
        Platform.runLater(() -> { });
        WaitForAsyncUtils.waitForFxEvents();
        FxThread.runAndWait(action, 10);
    }

    /** Polls {@code condition} on the FX thread every 100 ms for up to two minutes. */
    public static void waitUntil(BooleanSupplier condition, String what) throws Exception {
        for (int k = 0; k < 1200; k++) {
            boolean[] done = new boolean[1];
            onFx(() -> done[0] = condition.getAsBoolean());
            if (done[0]) return;
            Thread.sleep(100);
        }
        throw new AssertionError("timed out waiting until " + what);
    }

    /** Writes what the scene shows to a PNG. */
    public static void snapshot(Scene scene, Path png) throws Exception {
        Files.createDirectories(png.getParent());
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", png.toFile());
    }
}
