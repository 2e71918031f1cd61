package dev.lookahead.figures;

import java.awt.Color;
import java.awt.Font;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.Axis;
import org.jfree.chart.block.BlockBorder;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.Plot;
import org.jfree.chart.plot.XYPlot;

/**
 * One look for every figure: fonts and a size that fit one column of a two-column paper, a white
 * ground and a light grid. Charts of every panel go through {@link #chart}.
 */
public final class ChartStyle {
    static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 11);
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    /** A chart's size in points (1/72 inch): one column of a two-column paper. */
    public static final double WIDTH = 340;
    public static final double HEIGHT = 220;
    private static final Color GRID = new Color(0xDDDDDD);

    private ChartStyle() {
    }

    /** The chart of {@code plot} in the house style; every axis the plot has takes the label font. */
    static JFreeChart chart(String title, Plot plot, boolean legend) {
        plot.setBackgroundPaint(Color.WHITE);
        plot.setOutlineVisible(false);
        if (plot instanceof XYPlot xy) {
            xy.setRangeGridlinePaint(GRID);
            xy.setDomainGridlinePaint(GRID);
            for (int k = 0; k < xy.getDomainAxisCount(); k++) label(xy.getDomainAxis(k));
            for (int k = 0; k < xy.getRangeAxisCount(); k++) label(xy.getRangeAxis(k));
        } else if (plot instanceof CategoryPlot category) {
            category.setRangeGridlinePaint(GRID);
            for (int k = 0; k < category.getDomainAxisCount(); k++) label(category.getDomainAxis(k));
            for (int k = 0; k < category.getRangeAxisCount(); k++) label(category.getRangeAxis(k));
        }
        JFreeChart chart = new JFreeChart(title, TITLE, plot, legend);
        chart.setBackgroundPaint(Color.WHITE);
        if (legend) {
            chart.getLegend().setItemFont(LABEL);
            chart.getLegend().setFrame(BlockBorder.NONE);
        }
        return chart;
    }

    private static void label(Axis axis) {
        if (axis == null) return;
        axis.setLabelFont(LABEL);
        axis.setTickLabelFont(LABEL);
    }
}
