package dev.lookahead.ui;

import java.io.File;
import java.nio.file.Path;
import java.util.function.Consumer;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.stage.FileChooser;

/** The small widgets every page uses, made one way: headings, and buttons that open a file. */
public final class Widgets {
    private Widgets() {
    }

    /** A page's heading ("Train a model"). */
    public static Label heading(String text) {
        return styled(text, "panel-title");
    }

    /** A section's heading within a page ("Context"). */
    public static Label sectionHeading(String text) {
        Label label = styled(text, "section-title");
        label.setWrapText(true);
        return label;
    }

    private static Label styled(String text, String style) {
        Label label = new Label(text);
        label.getStyleClass().add(style);
        return label;
    }

    /**
     * A button that asks for a file to open and hands it on.
     *
     * @param title      the chooser's title, or null
     * @param filterName what the filter shows: "JSON lines (*.jsonl)"
     * @param patterns   the filter's patterns: "*.jsonl"
     */
    public static Button openFileButton(String text, String title, String filterName, String pattern, Consumer<Path> open) {
        Button button = new Button(text);
        button.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            if (title != null) chooser.setTitle(title);
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter(filterName, pattern));
            File chosen = chooser.showOpenDialog(ownerWindow(button));
            if (chosen != null) open.accept(chosen.toPath());
        });
        return button;
    }

    private static javafx.stage.Window ownerWindow(Node node) {
        return node.getScene() == null ? null : node.getScene().getWindow();
    }

    /** "1 row", "3 rows": a count with its noun in the right number. */
    public static String count(long n, String one, String many) {
        return n + " " + (n == 1 ? one : many);
    }
}
