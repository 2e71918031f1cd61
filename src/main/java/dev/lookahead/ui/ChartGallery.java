package dev.lookahead.ui;

import dev.lookahead.figures.Figure;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import javafx.scene.control.Button;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.VBox;

/** Figures side by side, each drawn a little larger than its print size with its own Export… button, wrapping to the width. */
public final class ChartGallery extends FlowPane {
    private static final double SCALE = 1.25;

    private final Consumer<String> status;
    private final List<Figure> figures = new ArrayList<>();

    public ChartGallery(Consumer<String> status) {
        super(10, 10);
        this.status = status;
    }

    /** Adds a figure; Export… saves it as PNG, SVG or PDF under a file name starting with {@code name}. */
    public void add(Figure figure, String name) {
        FigureCanvas canvas = new FigureCanvas();
        canvas.setFigure(figure);
        canvas.setPrefSize(figure.width() * SCALE, figure.height() * SCALE);
        Button export = new Button("Export…");
        export.setOnAction(e -> FigureSaving.chooseAndSave(this, figure, name, status));
        getChildren().add(new VBox(4, canvas, export));
        figures.add(figure);
    }

    /** Removes every figure (and anything else shown). */
    public void clear() {
        getChildren().clear();
        figures.clear();
    }

    /** The figures shown, in order. */
    public List<Figure> figures() {
        return List.copyOf(figures);
    }

    /** Saves figure {@code index} as the file's extension says. */
    public void export(int index, Path file) {
        FigureSaving.save(figures.get(index), file, status);
    }
}
