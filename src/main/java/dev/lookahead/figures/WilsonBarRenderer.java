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

/** Vertical bars with a whisker over each bar's Wilson 95% interval (which is not symmetric). */
final class WilsonBarRenderer extends BarRenderer {
    private final transient BiFunction<Integer, Integer, Proportion> intervals;

    /** @param intervals the proportion behind the bar at (row, column), or null for none */
    WilsonBarRenderer(BiFunction<Integer, Integer, Proportion> intervals) {
        this.intervals = intervals;
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
        Proportion p = intervals.apply(row, column);
        if (p == null || p.trials() == 0) return;
        double x = calculateBarW0(plot, plot.getOrientation(), dataArea, domainAxis, state, row, column) + state.getBarWidth() / 2;
        RectangleEdge edge = plot.getRangeAxisEdge();
        double low = rangeAxis.valueToJava2D(p.lower(), dataArea, edge);
        double high = rangeAxis.valueToJava2D(p.upper(), dataArea, edge);
        double cap = Math.min(4, state.getBarWidth() / 4);
        g2.setPaint(Palette.INK);
        g2.setStroke(new BasicStroke(1f));
        g2.draw(new Line2D.Double(x, low, x, high));
        g2.draw(new Line2D.Double(x - cap, low, x + cap, low));
        g2.draw(new Line2D.Double(x - cap, high, x + cap, high));
    }
}
