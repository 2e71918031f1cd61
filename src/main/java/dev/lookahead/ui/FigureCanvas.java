package dev.lookahead.ui;

import dev.lookahead.figures.Figure;
import javafx.scene.canvas.Canvas;
import javafx.scene.layout.Pane;
import org.jfree.fx.FXGraphics2D;

/**
 * Shows a {@link Figure} in the window, drawn through the same Java2D code as its exported files
 * (via FXGraphics2D), scaled to fit and kept in proportion as the pane resizes. A canvas out of sight
 * (in a tab behind another) draws only when {@link #refresh} is called as it comes into view, so that
 * updating many views at once costs only the one on screen.
 */
public final class FigureCanvas extends Pane {
    private final Canvas canvas = new Canvas();
    private Figure figure;
    private double scale = 1;
    private boolean stale;

    public FigureCanvas() {
        getChildren().add(canvas);
        setMinSize(100, 80);
    }

    public void setFigure(Figure figure) {
        this.figure = figure;
        stale = true;
        requestLayout();
        if (inSight()) redraw();
    }

    /** Draws a figure that arrived while the canvas was out of sight. */
    public void refresh() {
        if (stale) redraw();
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
        if (canvas.getWidth() != getWidth() || canvas.getHeight() != getHeight()) stale = true;
        canvas.setWidth(getWidth());
        canvas.setHeight(getHeight());
        if (stale && inSight()) redraw();
    }

    private boolean inSight() {
        return Visibility.inSight(this);
    }

    private void redraw() {
        stale = false;
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
