package dev.lookahead.figures;

import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The tracing figures the paper draws: for each model (a trained one beside controls), the share of test
 * examples whose circuit tracing explains, per lookahead, with Wilson 95% intervals; and the path-merge
 * operations per example beside the share of them that are optimal.
 */
public final class TraceCharts {
    private TraceCharts() {
    }

    /** One bar per (model, lookahead): the share explained, its interval drawn on the bar. */
    public static ChartFigure explainedByLookahead(Map<String, Map<Integer, Proportion>> byModel) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<List<Proportion>> cells = new ArrayList<>();
        for (Map.Entry<String, Map<Integer, Proportion>> model : byModel.entrySet()) {
            List<Proportion> row = new ArrayList<>();
            model.getValue().forEach((lookahead, p) -> {
                data.addValue(p.value(), model.getKey(), Integer.toString(lookahead));
                row.add(p);
            });
            cells.add(row);
        }
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> column < cells.get(row).size() ? cells.get(row).get(column) : null);
        for (int i = 0; i < byModel.size(); i++) renderer.setSeriesPaint(i, Palette.series(i));
        NumberAxis range = new NumberAxis("share of test examples explained");
        range.setRange(0, 1.0);
        CategoryAxis axis = new CategoryAxis("lookahead of the test examples");
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        return new ChartFigure(ChartStyle.chart("Examples explained by circuit tracing", new CategoryPlot(data, axis, range, renderer), true),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /**
     * Per model, the path-merge operations per traced example ({@code [0]}) and the optimal share, one
     * minus the suboptimal roots' share ({@code [1]}), as two bars on their own axes.
     */
    public static ChartFigure pathMerges(Map<String, double[]> byModel) {
        DefaultCategoryDataset perExample = new DefaultCategoryDataset();
        DefaultCategoryDataset optimal = new DefaultCategoryDataset();
        byModel.forEach((model, values) -> {
            perExample.addValue(values[0], "path-merge operations per example", model);
            optimal.addValue(Double.isNaN(values[1]) ? null : values[1], "optimal share", model);
        });
        CategoryAxis axis = new CategoryAxis("model");
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        org.jfree.chart.renderer.category.BarRenderer left = new org.jfree.chart.renderer.category.BarRenderer();
        left.setSeriesPaint(0, Palette.series(0));
        left.setItemMargin(0.0);
        left.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        left.setShadowVisible(false);
        CategoryPlot plot = new CategoryPlot(perExample, axis, new NumberAxis("path-merge operations per example"), left);
        NumberAxis share = new NumberAxis("optimal share");
        share.setRange(0, 1.0);
        plot.setRangeAxis(1, share);
        plot.setDataset(1, optimal);
        plot.mapDatasetToRangeAxis(1, 1);
        org.jfree.chart.renderer.category.LineAndShapeRenderer right = new org.jfree.chart.renderer.category.LineAndShapeRenderer(false, true);
        right.setSeriesPaint(0, Palette.series(1));
        plot.setRenderer(1, right);
        return new ChartFigure(ChartStyle.chart("Path-merge operations (paper's rules)", plot, true), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }
}
