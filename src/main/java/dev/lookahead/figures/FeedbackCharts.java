package dev.lookahead.figures;

import dev.lookahead.feedback.SignalReport;
import dev.lookahead.stats.Proportion;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.ValueMarker;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.StandardXYBarPainter;
import org.jfree.chart.renderer.xy.XYBarRenderer;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.chart.renderer.xy.XYStepRenderer;
import org.jfree.chart.ui.RectangleAnchor;
import org.jfree.chart.ui.TextAnchor;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The feedback panel's charts (docs/user-guide.md, "The Feedback panel"): the next human turn's length as a
 * histogram and CDF with the length threshold k marked, the share of bot turns each signal calls good
 * (standard vs adversarial conversations, with Wilson intervals), the reply rate by bot turn, the
 * survival of conversations, and the next turn's sentiment by bot-turn feature.
 */
public final class FeedbackCharts {
    private FeedbackCharts() {
    }

    /** Histogram (left axis) and cumulative share (right axis) of reply lengths; a line at the threshold k. */
    public static ChartFigure lengths(Map<Integer, Long> replyLengths, int k) {
        XYSeries counts = new XYSeries("replies");
        XYSeries cdf = new XYSeries("share at most this long");
        long total = replyLengths.values().stream().mapToLong(Long::longValue).sum();
        long running = 0;
        for (Map.Entry<Integer, Long> e : replyLengths.entrySet()) {
            counts.add((double) e.getKey(), (double) e.getValue());
            running += e.getValue();
            cdf.add((double) e.getKey(), total == 0 ? 0 : (double) running / total);
        }
        NumberAxis words = new NumberAxis("words in the next human turn");
        NumberAxis replies = new NumberAxis("replies");
        XYBarRenderer bars = new XYBarRenderer(0.1);
        bars.setBarPainter(new StandardXYBarPainter());
        bars.setShadowVisible(false);
        bars.setSeriesPaint(0, Palette.SKY);
        XYPlot plot = new XYPlot(new XYSeriesCollection(counts), words, replies, bars);
        NumberAxis share = new NumberAxis("cumulative share");
        share.setRange(0, 1);
        plot.setRangeAxis(1, share);
        plot.setDataset(1, new XYSeriesCollection(cdf));
        plot.mapDatasetToRangeAxis(1, 1);
        XYStepRenderer step = new XYStepRenderer();
        step.setSeriesPaint(0, Palette.BLUE);
        step.setSeriesStroke(0, new BasicStroke(1.5f));
        plot.setRenderer(1, step);
        ValueMarker threshold = new ValueMarker(k - 0.5, Palette.VERMILLION, new BasicStroke(2f));
        threshold.setLabel("k = " + k);
        threshold.setLabelFont(ChartStyle.LABEL);
        threshold.setLabelAnchor(RectangleAnchor.TOP_RIGHT);
        threshold.setLabelTextAnchor(TextAnchor.TOP_LEFT);
        plot.addDomainMarker(threshold);
        return new ChartFigure(ChartStyle.chart("Length of the next human turn", plot, true), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Share of bot turns each signal calls good, in standard and in adversarial conversations. */
    public static ChartFigure signalRates(SignalReport report, String first, String second) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Proportion[]> cells = new ArrayList<>();
        for (String signal : report.signals()) {
            Proportion a = report.rate(signal, first);
            Proportion b = report.rate(signal, second);
            data.addValue(a.trials() == 0 ? null : a.value(), first, signal);
            data.addValue(b.trials() == 0 ? null : b.value(), second, signal);
            cells.add(new Proportion[] {a, b});
        }
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> cells.get(column)[row]);
        renderer.setSeriesPaint(0, Palette.BLUE);
        renderer.setSeriesPaint(1, Palette.ORANGE);
        NumberAxis range = new NumberAxis("share of bot turns called good");
        range.setRange(0, 1);
        CategoryAxis axis = new CategoryAxis("signal");
        axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        return new ChartFigure(categoryChart("What each signal calls good (" + first + " vs " + second + ")", data, axis, range, renderer),
                ChartStyle.WIDTH, ChartStyle.HEIGHT + 40);
    }

    /** Reply rate of the first, second, ... bot turn, with Wilson intervals. */
    public static ChartFigure replyRate(Map<Integer, Proportion> rates) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Proportion> cells = new ArrayList<>();
        rates.forEach((ordinal, p) -> {
            data.addValue(p.value(), "reply rate", ordinal);
            cells.add(p);
        });
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> cells.get(column));
        renderer.setSeriesPaint(0, Palette.GREEN);
        NumberAxis range = new NumberAxis("share replied to");
        range.setRange(0, 1);
        return new ChartFigure(categoryChart("Reply rate by bot turn", data, new CategoryAxis("bot turn of the conversation"), range, renderer),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Share of conversations with at least t human turns. */
    public static ChartFigure survival(Map<Integer, Double> survival) {
        XYSeries series = new XYSeries("conversations");
        survival.forEach((t, share) -> series.add((double) t, share));
        NumberAxis turns = new NumberAxis("human turns, at least");
        NumberAxis share = new NumberAxis("share of conversations");
        share.setRange(0, 1);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        renderer.setSeriesPaint(0, Palette.BLUE);
        XYPlot plot = new XYPlot(new XYSeriesCollection(series), turns, share, renderer);
        return new ChartFigure(ChartStyle.chart("Conversation survival", plot, true), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Mean VADER compound of the next human turn after bot turns with and without each feature. */
    public static ChartFigure sentimentByFeature(Map<String, double[]> means) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        means.forEach((feature, m) -> {
            data.addValue(Double.isNaN(m[0]) ? null : m[0], "with", feature);
            data.addValue(Double.isNaN(m[2]) ? null : m[2], "without", feature);
        });
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> null);
        renderer.setSeriesPaint(0, Palette.PURPLE);
        renderer.setSeriesPaint(1, Palette.GREY);
        NumberAxis range = new NumberAxis("mean compound of the reply (VADER)");
        range.setRange(-1, 1);
        return new ChartFigure(categoryChart("Reply sentiment by bot-turn feature", data, new CategoryAxis("bot turn used"), range, renderer),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    private static JFreeChart categoryChart(String title, DefaultCategoryDataset data, CategoryAxis axis, NumberAxis range,
                                            WilsonBarRenderer renderer) {
        return ChartStyle.chart(title, new CategoryPlot(data, axis, range, renderer), true);
    }
}
