package dev.lookahead.ui;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
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
        CompletableFuture<Void> done = new CompletableFuture<>();
        Platform.runLater(() -> {
            try {
                action.run();
                done.complete(null);
            } catch (Throwable t) {
                done.completeExceptionally(t);
            }
        });
        WaitForAsyncUtils.waitForFxEvents();
        try {
            done.get(10, TimeUnit.SECONDS);
        } catch (java.util.concurrent.ExecutionException e) {
            if (e.getCause() instanceof Error error) throw error;
            throw e;
        }
    }

    /** Writes what the scene shows to a PNG. */
    public static void snapshot(Scene scene, Path png) throws Exception {
        Files.createDirectories(png.getParent());
        WritableImage[] image = new WritableImage[1];
        onFx(() -> image[0] = scene.snapshot(null));
        ImageIO.write(SwingFXUtils.fromFXImage(image[0], null), "png", png.toFile());
    }
}
