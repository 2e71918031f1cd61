package dev.lookahead.figures;

import dev.lookahead.stats.Proportion;
import java.awt.BasicStroke;
import java.awt.Graphics2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.function.BiFunction;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.CategoryItemRendererState;
import org.jfree.chart.ui.RectangleEdge;
import org.jfree.data.category.CategoryDataset;

/**
 * Vertical bars with a whisker over each bar's interval: a proportion's Wilson 95% interval (which is not
 * symmetric), or any {lower, upper} given (a bootstrap interval, say).
 */
final class WilsonBarRenderer extends BarRenderer {
    /** The whisker's {lower, upper} at (row, column), or null for none. */
    @FunctionalInterface
    interface Bounds {
        double[] at(int row, int column);
    }

    private final transient Bounds bounds;

    /** @param intervals the proportion behind the bar at (row, column), or null for none */
    WilsonBarRenderer(BiFunction<Integer, Integer, Proportion> intervals) {
        this(wilson(intervals));
    }

    private WilsonBarRenderer(Bounds bounds) {
        this.bounds = bounds;
        setShadowVisible(false);
        setDrawBarOutline(false);
        setItemMargin(0.05);
        setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
    }

    @Override
    public void drawItem(Graphics2D g2, CategoryItemRendererState state, Rectangle2D dataArea, CategoryPlot plot,
                         CategoryAxis domainAxis, ValueAxis rangeAxis, CategoryDataset dataset, int row, int column, int pass) {
        super.drawItem(g2, state, dataArea, plot, domainAxis, rangeAxis, dataset, row, column, pass);
        if (pass != getPassCount() - 1) return;
        double[] interval = bounds.at(row, column);
        if (interval == null || Double.isNaN(interval[0])) return;
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column) + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(interval[0], dataArea, edge);
        double high = rangeAxis.valueToJava2D(interval[1], dataArea, edge);
        double cap = Math.min(4, state.getBarWidth() / 4);
        g2.setPaint(Palette.INK);
        g2.setStroke(new BasicStroke(1f));
        g2.draw(new Line2D.Double(x, low, x, high));
        g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }

    /** Whiskers from any {lower, upper}, e.g. a bootstrap interval. */
    static WilsonBarRenderer withBounds(Bounds bounds) {
        return new WilsonBarRenderer(bounds);
    }

    private static Bounds wilson(BiFunction<Integer, Integer, Proportion> intervals) {
        return (row, column) -> {
            Proportion p = intervals.apply(row, column);
            return p == null || p.trials() == 0 ? null : new double[] {p.lower(), p.upper()};
        };
    }
}
