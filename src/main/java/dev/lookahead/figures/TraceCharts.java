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
 * The tracing figure the paper draws first: for each model (a trained one beside controls), the share
 * of test examples whose circuit tracing explains, per lookahead, with Wilson 95% intervals.
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
}
