package dev.lookahead.figures;

import dev.lookahead.benchmarks.CaptionChoice;
import dev.lookahead.benchmarks.Pope;
import dev.lookahead.benchmarks.Winoground;
import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.data.category.DefaultCategoryDataset;

/** The Benchmarks Lab's charts: GPQA by domain beside its validators, and the vision-language pitfalls (yes-bias, ties). */
public final class BenchmarkCharts {
    private BenchmarkCharts() {
    }

    /** Per domain: the model's accuracy, the expert and the non-expert validators', each with Wilson whiskers. */
    public static ChartFigure gpqaByDomain(Map<String, Proportion> model, Map<String, Proportion[]> validators) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> series = List.of("model", "expert validators", "non-expert validators");
        List<String> domains = new ArrayList<>(model.keySet());
        Proportion[][] cells = new Proportion[3][domains.size()];
        for (int d = 0; d < domains.size(); d++) {
            String domain = domains.get(d);
            Proportion[] v = validators.get(domain);
            cells[0][d] = model.get(domain);
            cells[1][d] = v == null ? null : v[0];
            cells[2][d] = v == null ? null : v[1];
            for (int s = 0; s < 3; s++) data.addValue(cells[s][d] == null || cells[s][d].trials() == 0 ? null : cells[s][d].value(), series.get(s), domain);
        }
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> cells[row][column]);
        renderer.setSeriesPaint(0, Palette.BLUE);
        renderer.setSeriesPaint(1, Palette.GREEN);
        renderer.setSeriesPaint(2, Palette.ORANGE);
        NumberAxis range = new NumberAxis("accuracy (chance 0.25)");
        range.setRange(0, 1.02);
        return new ChartFigure(ChartStyle.chart("GPQA accuracy by domain", new CategoryPlot(data, new CategoryAxis("domain"), range, renderer), true),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** POPE per split: the share answered yes against the share whose label is yes - a gap is a yes-bias. */
    public static ChartFigure popeYesBias(Map<String, Pope.Scores> splits) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        splits.forEach((split, s) -> {
            data.addValue(s.yesRatio(), "answered yes", split);
            data.addValue(s.total() == 0 ? 0 : (double) (s.truePositives() + s.falseNegatives()) / s.total(), "label yes", split);
        });
        return bars("POPE: yes-ratio against the labels", data, "share of questions", List.of(Palette.VERMILLION, Palette.GREY));
    }

    /** Winoground's three scores with their Wilson whiskers. */
    public static ChartFigure winoground(Winoground.Scores s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Proportion> cells = List.of(s.text(), s.image(), s.group());
        List<String> names = List.of("text", "image", "group");
        for (int i = 0; i < 3; i++) data.addValue(cells.get(i).trials() == 0 ? null : cells.get(i).value(), "score", names.get(i));
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> cells.get(column));
        renderer.setSeriesPaint(0, Palette.BLUE);
        NumberAxis range = new NumberAxis("share of examples (strict >)");
        range.setRange(0, 1.02);
        return new ChartFigure(ChartStyle.chart("Winoground scores", new CategoryPlot(data, new CategoryAxis("score"), range, renderer), false),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Caption choice: the strict accuracy, the ties, and what a first-wins argmax would claim. */
    public static ChartFigure choiceTies(CaptionChoice.Scores s) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        data.addValue(s.accuracy().value(), "share", "right (strict)");
        data.addValue(s.ties().value(), "share", "tied at the top");
        data.addValue(s.argmaxFirst().value(), "share", "first-wins argmax");
        return bars("Caption choice: ties apart", data, "share of examples", List.of(Palette.BLUE));
    }

    private static ChartFigure bars(String title, DefaultCategoryDataset data, String axis, List<java.awt.Color> colours) {
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> null);
        for (int i = 0; i < colours.size(); i++) renderer.setSeriesPaint(i, colours.get(i));
        NumberAxis range = new NumberAxis(axis);
        range.setRange(0, 1.02);
        return new ChartFigure(ChartStyle.chart(title, new CategoryPlot(data, new CategoryAxis(""), range, renderer), data.getRowCount() > 1),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }
}
