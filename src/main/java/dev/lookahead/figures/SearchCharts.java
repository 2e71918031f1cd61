package dev.lookahead.figures;

import java.awt.BasicStroke;
import java.awt.Paint;
import java.util.List;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.category.BarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** Charts of the search model: its next-vertex distribution, and traced set sizes per layer against 2^l. */
public final class SearchCharts {
    private SearchCharts() {
    }

    /**
     * The probability of each vertex as the next step; the truly useful next steps in green.
     *
     * @param probabilities indexed by vertex id (index 0 unused)
     */
    public static ChartFigure prediction(float[] probabilities, List<Integer> useful, String title) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        for (int v = 1; v < probabilities.length; v++) data.addValue(probabilities[v], "p", Integer.toString(v));
        BarRenderer renderer = new BarRenderer() {
            @Override
            public Paint getItemPaint(int row, int column) {
                return useful.contains(column + 1) ? Palette.GREEN : Palette.GREY;
            }
        };
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        NumberAxis range = new NumberAxis("probability of the next vertex");
        range.setRange(0, 1);
        CategoryAxis axis = new CategoryAxis("vertex (green: a useful next step)");
        JFreeChart chart = ChartStyle.chart(title, new CategoryPlot(data, axis, range, renderer), false);
        return new ChartFigure(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /**
     * Mean traced set size per layer beside the mean true 2^l-hop set and 2^l itself.
     *
     * @param sizes per layer (0 = embedding): [mean traced size, mean true 2^l-hop size]
     */
    public static ChartFigure setSizes(List<double[]> sizes, String title) {
        XYSeries traced = new XYSeries("traced set");
        XYSeries truth = new XYSeries("truly reachable within 2^l");
        XYSeries power = new XYSeries("2^l");
        for (int l = 0; l < sizes.size(); l++) {
            if (!Double.isNaN(sizes.get(l)[0])) traced.add(l, sizes.get(l)[0]);
            if (!Double.isNaN(sizes.get(l)[1])) truth.add(l, sizes.get(l)[1]);
            power.add(l, Math.pow(2, l));
        }
        XYSeriesCollection data = new XYSeriesCollection();
        data.addSeries(traced);
        data.addSeries(truth);
        data.addSeries(power);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Palette.BLUE);
        renderer.setSeriesPaint(1, Palette.ORANGE);
        renderer.setSeriesPaint(2, Palette.GREY);
        renderer.setSeriesStroke(2, new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0));
        NumberAxis layers = new NumberAxis("layer (0 = embedding)");
        layers.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        // a base-2 log scale: doubling per layer reads as a straight line
        LogAxis size = new LogAxis("vertices in the set (log scale)");
        size.setBase(2);
        size.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        size.setSmallestValue(0.5);
        JFreeChart chart = ChartStyle.chart(title, new XYPlot(data, layers, size, renderer), true);
        return new ChartFigure(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }
}
