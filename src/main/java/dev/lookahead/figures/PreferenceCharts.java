package dev.lookahead.figures;

import dev.lookahead.prefopt.Iterations;
import dev.lookahead.prefopt.RewardEvaluation;
import dev.lookahead.prefopt.VoteShare;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.LearningCurve;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import org.jfree.chart.axis.CategoryAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.CategoryPlot;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.category.DefaultCategoryDataset;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The Preference Lab's charts: whole-path accuracy over iterations, the vote shares, the losses, the reward models. */
public final class PreferenceCharts {
    private static final BasicStroke DASHED = new BasicStroke(1.5f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {5f, 4f}, 0f);

    private PreferenceCharts() {
    }

    /**
     * Greedy whole-path accuracy at one lookahead against the iteration, a line per method (the supervised baseline
     * dashed), every method starting from the same iteration 0.
     */
    public static ChartFigure wholePathByIteration(Map<String, List<Iterations.Result>> runs, String lookahead) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int colour = 0;
        for (Map.Entry<String, List<Iterations.Result>> run : runs.entrySet()) {
            XYSeries series = new XYSeries(run.getKey());
            for (Iterations.Result r : run.getValue()) {
                Estimate e = r.wholePath().get(lookahead);
                if (e != null) series.add(r.iteration(), e.value());
            }
            int index = data.getSeriesCount();
            renderer.setSeriesPaint(index, Palette.series(colour++));
            if (run.getKey().equals("sft")) renderer.setSeriesStroke(index, DASHED);
            data.addSeries(series);
        }
        NumberAxis iteration = new NumberAxis("iteration");
        iteration.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        NumberAxis accuracy = new NumberAxis("whole paths right (greedy)");
        accuracy.setRange(0, 1.02);
        return new ChartFigure(ChartStyle.chart("Lookahead " + lookahead + ": whole-path accuracy by iteration",
                new XYPlot(data, iteration, accuracy, renderer), true), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /**
     * How many problems give their most voted answer each share of the k votes, split into those ScPO keeps a pair
     * for at this tau and those it does not (unanimous, tied top and bottom, or below tau).
     */
    public static ChartFigure voteShares(List<Iterations.SampleLine> lines, double tau) {
        Map<String, long[]> counts = new TreeMap<>();
        for (Iterations.SampleLine line : lines) {
            VoteShare.Top top = VoteShare.top(line.samples());
            String share = String.format(Locale.ROOT, "%d/%d", top.votes(), line.samples().size());
            boolean kept = dev.lookahead.prefopt.PairRules.scpo(line.samples(), tau).isPresent();
            counts.computeIfAbsent(share, s -> new long[2])[kept ? 0 : 1]++;
        }
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        counts.entrySet().stream().sorted(Map.Entry.comparingByKey(PreferenceCharts::byFraction)).forEach(e -> {
            data.addValue(e.getValue()[0], "pair kept (tau " + tau + ")", e.getKey());
            data.addValue(e.getValue()[1], "no pair", e.getKey());
        });
        org.jfree.chart.renderer.category.StackedBarRenderer renderer = new org.jfree.chart.renderer.category.StackedBarRenderer();
        renderer.setSeriesPaint(0, Palette.BLUE);
        renderer.setSeriesPaint(1, Palette.GREY);
        renderer.setShadowVisible(false);
        renderer.setBarPainter(new org.jfree.chart.renderer.category.StandardBarPainter());
        return new ChartFigure(ChartStyle.chart("Votes of the most voted path", new CategoryPlot(data, new CategoryAxis("votes of k"),
                new NumberAxis("problems"), renderer), true), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    private static int byFraction(String a, String b) {
        return Double.compare(fraction(a), fraction(b));
    }

    private static double fraction(String share) {
        String[] parts = share.split("/");
        return Double.parseDouble(parts[0]) / Double.parseDouble(parts[1]);
    }

    /** The most voted answer's accuracy by its vote share, with Wilson intervals (ScPO's central observation). */
    public static ChartFigure voteShareAccuracy(Map<String, Estimate> byShare) {
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<Proportion> cells = new ArrayList<>();
        byShare.forEach((bin, e) -> {
            data.addValue(e.value(), "most voted answer right", bin);
            cells.add(e.proportion());
        });
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> cells.get(column));
        renderer.setSeriesPaint(0, Palette.GREEN);
        NumberAxis range = new NumberAxis("share right");
        range.setRange(0, 1.02);
        return new ChartFigure(ChartStyle.chart("Accuracy of the most voted path by its vote share",
                new CategoryPlot(data, new CategoryAxis("vote share"), range, renderer), true), ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Each iteration's training loss against the lines seen. */
    public static ChartFigure losses(Map<String, LearningCurve> curves) {
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        int colour = 0;
        for (Map.Entry<String, LearningCurve> curve : curves.entrySet()) {
            XYSeries series = new XYSeries(curve.getKey());
            for (LearningCurve.TrainingPoint p : curve.getValue().training()) series.add(p.examples(), p.loss());
            renderer.setSeriesPaint(data.getSeriesCount(), Palette.series(colour++));
            data.addSeries(series);
        }
        NumberAxis loss = new NumberAxis("loss");
        loss.setAutoRangeIncludesZero(false);
        return new ChartFigure(ChartStyle.chart("Training loss per iteration", new XYPlot(data, new NumberAxis("lines seen"), loss, renderer), true),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Reward models side by side: pairwise, critique and best-of-k accuracy, with Wilson intervals. */
    public static ChartFigure rewardModels(Map<String, RewardEvaluation.Report> reports) {
        List<String> measures = List.of("pairwise", "critique_incorrect", "best_of_k", "best_of_k L2", "best_of_k L3");
        DefaultCategoryDataset data = new DefaultCategoryDataset();
        List<String> rows = new ArrayList<>(reports.keySet());
        Proportion[][] cells = new Proportion[rows.size()][measures.size()];
        for (int r = 0; r < rows.size(); r++) {
            Map<String, Estimate> measured = reports.get(rows.get(r)).reward();
            for (int c = 0; c < measures.size(); c++) {
                Estimate e = measured.get(measures.get(c));
                data.addValue(e == null ? null : e.value(), rows.get(r), measures.get(c).replace('_', ' '));
                cells[r][c] = e == null ? null : e.proportion();
            }
        }
        WilsonBarRenderer renderer = new WilsonBarRenderer((row, column) -> cells[row][column]);
        for (int r = 0; r < rows.size(); r++) renderer.setSeriesPaint(r, Palette.series(r));
        NumberAxis range = new NumberAxis("accuracy");
        range.setRange(0, 1.02);
        CategoryAxis axis = new CategoryAxis("measure");
        axis.setCategoryLabelPositions(org.jfree.chart.axis.CategoryLabelPositions.UP_45);
        return new ChartFigure(ChartStyle.chart("Reward models, with and without critiques", new CategoryPlot(data, axis, range, renderer), true),
                ChartStyle.WIDTH, ChartStyle.HEIGHT + 40);
    }
}
