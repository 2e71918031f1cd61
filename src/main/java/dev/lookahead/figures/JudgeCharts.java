package dev.lookahead.figures;

import dev.lookahead.judges.RankAgreement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The Judges Lab's charts: accuracy per category with bootstrap whiskers, and a judge's scores against people's ranks. */
public final class JudgeCharts {
    private JudgeCharts() {
    }

    /** One bar per category: its accuracy and the 95% interval {lower, upper} of it. */
    public record CategoryAccuracy(String category, double accuracy, double lower, double upper) {
    }

    public static ChartFigure accuracyByCategory(List<CategoryAccuracy> bars) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<double[]> whiskers = new ArrayList<>();
        for (CategoryAccuracy bar : bars) {
            data.addValue(Double.isNaN(bar.accuracy()) ? null : bar.accuracy(), "accuracy", bar.category().isEmpty() ? "(none)" : bar.category());
            whiskers.add(new double[] {bar.lower(), bar.upper()});
        }
        WilsonBarRenderer renderer = WilsonBarRenderer.withBounds((row, column) -> whiskers.get(column));
        renderer.setSeriesPaint(0, Palette.BLUE);
        NumberAxis range = new NumberAxis("accuracy (ties and unparsed count 0.5)");
        range.setRange(0, 1.02);
        CategoryAxis axis = new CategoryAxis("category");
        axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        return new ChartFigure(ChartStyle.chart("Judge accuracy by category (bootstrap 95%)", new CategoryPlot(data, axis, range, renderer), false),
                ChartStyle.WIDTH, ChartStyle.HEIGHT + 40);
    }

    /** Every ranked response: people's rank against the judge's mean score, with the rank correlations in the title. */
    public static ChartFigure scoresAgainstRanks(List<RankAgreement.Group> groups, RankAgreement.Figures figures) {
        XYSeries points = new XYSeries("responses", false, true);
        for (RankAgreement.Group g : groups) {
            for (int i = 0; i < g.scores().length; i++) points.add(g.humanRanks()[i], g.scores()[i]);
        }
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(false, true);
        renderer.setSeriesPaint(0, Palette.BLUE);
        NumberAxis rank = new NumberAxis("people's rank (1 = best)");
        rank.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis score = new NumberAxis("judge's mean score");
        String title = String.format(Locale.ROOT, "Judge vs people: Spearman %.2f, Kendall tau-b %.2f", figures.spearman(), figures.kendallTau());
        return new ChartFigure(ChartStyle.chart(title, new XYPlot(new XYSeriesCollection(points), rank, score, renderer), false), ChartStyle.WIDTH,
                ChartStyle.HEIGHT);
    }
}
