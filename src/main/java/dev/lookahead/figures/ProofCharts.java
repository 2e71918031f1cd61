package dev.lookahead.figures;

import dev.lookahead.proofs.ProofReport;
import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.CategoryLabelPositions;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.renderer.category.CategoryItemRenderer;
import org.jfree.chart.renderer.category.StackedBarRenderer;
import org.jfree.chart.renderer.category.StandardBarPainter;
import org.jfree.data.category.DefaultCategoryDataset;

/**
 * The proof panel's aggregate charts (the PrOntoQA-OOD paper; docs/user-guide.md, "The Proofs panel"): accuracy per rule, hops, width or kind of
 * demonstration with Wilson intervals; the share of each step label per rule; where the first error
 * falls. Sized for a paper's column and drawn with the colour-blind-safe {@link Palette}.
 */
public final class ProofCharts {
    private ProofCharts() {
    }

    /** Strict and valid-proof accuracy per group, each bar with its Wilson 95% interval. */
    public static <K> ChartFigure accuracy(String title, String groupName, Map<K, ProofReport.Group> groups) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<ProofReport.Group> order = new ArrayList<>();
        for (Map.Entry<K, ProofReport.Group> e : groups.entrySet()) {
            String category = e.getKey().toString();
            data.addValue(e.getValue().strict().value(), "strict", category);
            data.addValue(e.getValue().valid().value(), "valid proof", category);
            order.add(e.getValue());
        }
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> {
            ProofReport.Group g = order.get(column);
            return row == 0 ? g.strict() : g.valid();
        });
        renderer.setSeriesPaint(0, Palette.BLUE);
        renderer.setSeriesPaint(1, Palette.SKY);
        NumberAxis range = new NumberAxis("proof accuracy");
        range.setRange(0, 1.0);
        return new ChartFigure(chart(title, groupName, data, renderer, range), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Per rule, the share of steps with each label, stacked to 1. */
    public static ChartFigure stepLabels(Map<String, Map<String, Long>> labelsByRule, String titleSuffix) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> labels = List.of("correct", "non_atomic", "skip", "invalid", "unparseable");
        for (Map.Entry<String, Map<String, Long>> e : labelsByRule.entrySet()) {
            long total = e.getValue().values().stream().mapToLong(Long::longValue).sum();
            for (String label : labels) data.addValue(total == 0 ? 0 : (double) e.getValue().getOrDefault(label, 0L) / total, label, e.getKey());
        }
        StackedBarRenderer renderer = new StackedBarRenderer();
        renderer.setBarPainter(new StandardBarPainter());
        renderer.setShadowVisible(false);
        for (int k = 0; k < labels.size(); k++) renderer.setSeriesPaint(k, Palette.stepLabel(labels.get(k)));
        NumberAxis range = new NumberAxis("share of steps");
        range.setRange(0, 1.0);
        return new ChartFigure(chart("Step labels per rule" + titleSuffix, "rule", data, renderer, range), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** How many proofs first go wrong with each kind of step ("none": no error). */
    public static ChartFigure firstErrors(Map<String, Long> firstErrors, String titleSuffix) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        firstErrors.forEach((kind, count) -> data.addValue(count, "proofs", kind));
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> null);
        renderer.setSeriesPaint(0, Palette.VERMILLION);
        JFreeChart chart = chart("First error" + titleSuffix, "kind of the first wrong step", data, renderer, new NumberAxis("proofs"));
        return new ChartFigure(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /**
     * The study's first-mistake breakdown: per kind of mistake (the evaluator's lists), the share of strict
     * proofs and of other proofs whose earliest mistake is of that kind (ties count for each kind).
     */
    public static ChartFigure firstMistakes(ProofReport report, String titleSuffix) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        long strict = report.all().strict().successes();
        long other = report.all().strict().trials() - strict;
        for (String kind : ProofReport.MISTAKES) {
            String category = kind.replace("_steps", "").replace('_', ' ');
            data.addValue(strict == 0 ? 0 : (double) report.firstMistakeInCorrectProofs().getOrDefault(kind, 0L) / strict, "strict proofs", category);
            data.addValue(other == 0 ? 0 : (double) report.firstMistakeInIncorrectProofs().getOrDefault(kind, 0L) / other, "other proofs", category);
        }
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> null);
        renderer.setSeriesPaint(0, Palette.BLUE);
        renderer.setSeriesPaint(1, Palette.VERMILLION);
        NumberAxis range = new NumberAxis("share of proofs");
        range.setRange(0, 1.0);
        return new ChartFigure(chart("First mistake" + titleSuffix, "kind of the earliest mistake", data, renderer, range),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    private static JFreeChart chart(String title, String domain, DefaultCategoryDataset data,
                                    CategoryItemRenderer renderer, NumberAxis range) {
        CategoryAxis axis = new CategoryAxis(domain);
        axis.setCategoryLabelPositions(CategoryLabelPositions.STANDARD);
        axis.setMaximumCategoryLabelLines(2);
        return ChartStyle.chart(title, new CategoryPlot(data, axis, range, renderer), true);
    }

    /** A proportion's text for tool tips: "0.62 [0.51, 0.72] (31/50)". */
    public static String describe(Proportion p) {
        return String.format("%.2f [%.2f, %.2f] (%d/%d)", p.value(), p.lower(), p.upper(), p.successes(), p.trials());
    }
}
