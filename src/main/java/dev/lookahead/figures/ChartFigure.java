package dev.lookahead.figures;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import org.jfree.chart.JFreeChart;

/** A JFreeChart chart as a {@link Figure}: the window shows the same chart object it exports. */
public record ChartFigure(JFreeChart chart, double width, double height) implements Figure {
    @Override
    public void draw(Graphics2D g, double w, double h) {
        chart.draw(g, new Rectangle2D.Double(0, 0, w, h));
    }
}
