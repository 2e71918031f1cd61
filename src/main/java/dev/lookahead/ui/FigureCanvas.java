package dev.lookahead.ui;

import dev.lookahead.figures.Figure;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import org.jfree.fx.FXGraphics2D;

/**
 * Shows a {@link Figure} in the window, drawn through the same Java2D code as its exported files
 * (via FXGraphics2D), scaled to fit and kept in proportion as the pane resizes.
 */
public final class FigureCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private Figure figure;
    private double scale = 1;

    public FigureCanvas() {
        getChildren().add(canvas);
        setMinSize(100, 80);
    }

    public void setFigure(Figure figure) {
        this.figure = figure;
        requestLayout();
        redraw();
    }

    public Figure figure() {
        return figure;
    }

    /** Pixels per figure point now. */
    public double scale() {
        return scale;
    }

    @Override
    protected void layoutChildren() {
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        redraw();
    }

    private void redraw() {
        var g = canvas.getGraphicsContext2D();
        g.clearRect(0, 0, canvas.getWidth(), canvas.getHeight());
        if (figure == null || getWidth() <= 0 || getHeight() <= 0) return;
        scale = Math.min(getWidth() / figure.width(), getHeight() / figure.height());
        g.save();
        FXGraphics2D graphics = new FXGraphics2D(g);
        graphics.scale(scale, scale);
        figure.draw(graphics, figure.width(), figure.height());
        graphics.dispose();
        g.restore();
    }
}
