package dev.lookahead.ui;

import dev.lookahead.figures.Figure;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.stage.FileChooser;

/** Saving any figure of the window as PDF, SVG or PNG, the format chosen by the file's extension. */
public final class FigureSaving {
    /** PNG pixels per point: print quality for a figure sized in points. */
    public static final double PNG_SCALE = 3;

    private FigureSaving() {
    }

    /** Asks where to save {@code figure} (suggesting {@code name}.pdf) and saves it there. */
    public static void chooseAndSave(Node owner, Figure figure, String name, Consumer<String> status) {
        if (figure == null) {
            status.accept("Nothing to export yet");
            return;
        }
        FileChooser chooser = new FileChooser();
        chooser.setTitle("Export the figure");
        chooser.setInitialFileName(name + ".pdf");
        chooser.getExtensionFilters().addAll(new FileChooser.ExtensionFilter("PDF (*.pdf)", "*.pdf"),
                new FileChooser.ExtensionFilter("SVG (*.svg)", "*.svg"), new FileChooser.ExtensionFilter("PNG (*.png)", "*.png"));
        File chosen = chooser.showSaveDialog(owner.getScene().getWindow());
        if (chosen != null) save(figure, chosen.toPath(), status);
    }

    /** Saves {@code figure} in the format its file name asks for; reports the outcome to {@code status}. */
    public static void save(Figure figure, Path file, Consumer<String> status) {
        FigureFormat format = FigureFormat.ofFile(file.getFileName().toString());
        if (format == null) {
            status.accept("Choose a file ending in .png, .svg or .pdf");
            return;
        }
        try {
            FigureExport.write(figure, format, file, PNG_SCALE);
            status.accept("Exported " + file);
        } catch (IOException | RuntimeException e) {
            status.accept("Could not export " + file.getFileName() + ": " + e.getMessage());
        }
    }
}
