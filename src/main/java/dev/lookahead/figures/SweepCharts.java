package dev.lookahead.figures;

import dev.lookahead.experiments.JobResult;
import dev.lookahead.experiments.SweepTable;
import dev.lookahead.train.LearningCurve;
import java.awt.BasicStroke;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.LegendItem;
import org.jfree.chart.LegendItemCollection;
import org.jfree.chart.axis.LogAxis;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/** The paper's scaling plots at desktop scale, drawn from a sweep's results and learning curves. */
public final class SweepCharts {
    private static final BasicStroke DASHED = new BasicStroke(1f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0);

    private SweepCharts() {
    }

    /**
     * Every plot of a sweep by the name its file gets: {@code converged-vs-n}, {@code test-loss-vs-n},
     * {@code loss-vs-examples}, {@code loss-vs-flops}; for the in-context tasks also {@code accuracy-vs-n} and {@code buckets-vs-n}.
     *
     * @param curves each job's learning curve by job id
     */
    public static Map<String, Figure> all(List<JobResult> results, Map<String, LearningCurve> curves) {
        List<SweepTable.Group> groups = SweepTable.groups(results);
        Map<String, Figure> charts = new LinkedHashMap<>();
        charts.put("converged-vs-n", convergedFraction(groups));
        charts.put("test-loss-vs-n", minimumTestLoss(groups));
        charts.put("loss-vs-examples", lossCurves(results, curves, false));
        charts.put("loss-vs-flops", lossCurves(results, curves, true));
        if (results.stream().anyMatch(SweepCharts::inContext)) {
            charts.put("accuracy-vs-n", inContextAccuracy(results));
            charts.put("buckets-vs-n", new BucketGridFigure(results));
        }
        return charts;
    }

    /** Whether a job trained one of the in-context tasks (its distribution is the task's name, its buckets per backtrack or (f, b)). */
    static boolean inContext(JobResult job) {
        return job.distribution().equals("dfs") || job.distribution().equals("si");
    }

    /**
     * For an in-context sweep: per-step accuracy (the mean over the test buckets, solid) and whole-search accuracy
     * (rollouts, dashed) against graph size, the mean over seeds, a colour per task and shape.
     */
    public static ChartFigure inContextAccuracy(List<JobResult> results) {
        Map<String, Map<Integer, List<Double>>> steps = new LinkedHashMap<>();
        Map<String, Map<Integer, List<Double>>> rollouts = new LinkedHashMap<>();
        for (JobResult job : results) {
            if (!inContext(job)) continue;
            String setting = "%s, %d layers, hidden %d".formatted(job.distribution(), job.layers(), job.hidden());
            double perStep = job.testAccuracy().entrySet().stream().filter(e -> !e.getKey().equals("rollout"))
                    .mapToDouble(Map.Entry::getValue).average().orElse(Double.NaN);
            steps.computeIfAbsent(setting, k -> new java.util.TreeMap<>()).computeIfAbsent(job.n(), k -> new ArrayList<>()).add(perStep);
            Double rollout = job.testAccuracy().get("rollout");
            if (rollout != null) rollouts.computeIfAbsent(setting, k -> new java.util.TreeMap<>()).computeIfAbsent(job.n(), k -> new ArrayList<>()).add(rollout);
        }
        XYSeriesCollection data = new XYSeriesCollection();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int colour = 0;
        for (String setting : steps.keySet()) {
            renderer.setSeriesPaint(data.getSeriesCount(), Palette.series(colour));
            data.addSeries(means(setting + ", per step", steps.get(setting)));
            if (rollouts.containsKey(setting)) {
                renderer.setSeriesPaint(data.getSeriesCount(), Palette.series(colour));
                renderer.setSeriesStroke(data.getSeriesCount(), DASHED);
                data.addSeries(means(setting + ", whole search", rollouts.get(setting)));
            }
            colour++;
        }
        NumberAxis accuracy = new NumberAxis("accuracy (mean over seeds)");
        accuracy.setRange(0, 1.05);
        return new ChartFigure(ChartStyle.chart("Search in context: accuracy vs graph size", new XYPlot(data, sizeAxis(), accuracy, renderer), true),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    private static XYSeries means(String name, Map<Integer, List<Double>> byN) {
        XYSeries series = new XYSeries(name);
        byN.forEach((n, values) -> series.add(n.doubleValue(), values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN)));
        return series;
    }

    /** Fraction of seeds whose training accuracy reached 0.995, against graph size; a line per other setting. */
    public static ChartFigure convergedFraction(List<SweepTable.Group> groups) {
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (SweepTable.Group g : groups) {
            series.computeIfAbsent(settingWithoutN(g), XYSeries::new).add(g.n(), g.convergedFraction());
        }
        NumberAxis fraction = new NumberAxis("fraction of seeds converged");
        fraction.setRange(0, 1.05);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        for (int i = 0; i < series.size(); i++) renderer.setSeriesPaint(i, Palette.series(i));
        return new ChartFigure(ChartStyle.chart("Converged seeds vs graph size",
                new XYPlot(collection(series), sizeAxis(), fraction, renderer), true),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /** Lowest test loss among converged seeds (solid) and among all seeds (dashed, same colour), against graph size. */
    public static ChartFigure minimumTestLoss(List<SweepTable.Group> groups) {
        Map<String, Integer> settings = new LinkedHashMap<>();
        Map<String, XYSeries> series = new LinkedHashMap<>();
        for (SweepTable.Group g : groups) {
            String setting = settingWithoutN(g);
            settings.putIfAbsent(setting, settings.size());
            if (!Double.isNaN(g.minTestLossConverged())) series.computeIfAbsent(setting + ", converged", XYSeries::new).add(g.n(), g.minTestLossConverged());
            series.computeIfAbsent(setting + ", all seeds", XYSeries::new).add(g.n(), g.minTestLoss());
        }
        XYSeriesCollection data = collection(series);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, true);
        int s = 0;
        for (String name : series.keySet()) {
            String setting = name.substring(0, name.lastIndexOf(", "));
            renderer.setSeriesPaint(s, Palette.series(settings.get(setting)));
            if (name.endsWith("all seeds")) renderer.setSeriesStroke(s, DASHED);
            s++;
        }
        return new ChartFigure(ChartStyle.chart("Minimum test loss vs graph size",
                new XYPlot(data, sizeAxis(), new NumberAxis("test loss (nats)"), renderer), true),
                ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    /**
     * Training loss of every job against examples seen, or against training compute
     * (6 x examples x parameters, the paper's FLOP count); seeds of one setting share a colour.
     */
    public static ChartFigure lossCurves(List<JobResult> jobs, Map<String, LearningCurve> curves, boolean againstFlops) {
        XYSeriesCollection data = new XYSeriesCollection();
        Map<String, Integer> colourOfSetting = new LinkedHashMap<>();
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (JobResult job : jobs) {
            LearningCurve curve = curves.get(job.id());
            if (curve == null || curve.training().isEmpty()) continue;
            XYSeries s = new XYSeries(job.id());
            double scale = againstFlops ? 6.0 * job.parameters() : 1;
            for (LearningCurve.TrainingPoint p : thinned(curve.training(), 400)) if (p.examples() > 0) s.add(p.examples() * scale, p.loss());
            String setting = "n=%d, %d layers, hidden %d, %s".formatted(job.n(), job.layers(), job.hidden(), job.distribution());
            int colour = colourOfSetting.computeIfAbsent(setting, k -> colourOfSetting.size());
            renderer.setSeriesPaint(data.getSeriesCount(), Palette.series(colour));
            renderer.setSeriesStroke(data.getSeriesCount(), new BasicStroke(0.8f));
            data.addSeries(s);
        }
        LogAxis x = new LogAxis(againstFlops ? "training FLOPs (6 x examples x parameters, log scale)" : "examples seen (log scale)");
        x.setSmallestValue(1);
        if (data.getSeriesCount() > 0 && data.getDomainLowerBound(false) == data.getDomainUpperBound(false)) {
            // one point per job (a run too short to log progress): a log axis needs a range to show it in
            x.setRange(data.getDomainLowerBound(false) / 2, data.getDomainUpperBound(false) * 2);
        }
        JFreeChart chart = ChartStyle.chart(againstFlops ? "Training loss vs compute" : "Training loss vs examples",
                new XYPlot(data, x, new NumberAxis("training loss (nats)"), renderer), true);
        // one line per job, one legend entry per setting: the seeds of a setting share its colour
        LegendItemCollection legend = new LegendItemCollection();
        colourOfSetting.forEach((setting, colour) -> legend.add(new LegendItem(setting, Palette.series(colour))));
        chart.getXYPlot().setFixedLegendItems(legend);
        return new ChartFigure(chart, ChartStyle.WIDTH, ChartStyle.HEIGHT);
    }

    private static List<LearningCurve.TrainingPoint> thinned(List<LearningCurve.TrainingPoint> points, int most) {
        if (points.size() <= most) return points;
        List<LearningCurve.TrainingPoint> kept = new ArrayList<>();
        for (int i = 0; i < most; i++) kept.add(points.get((int) ((long) i * (points.size() - 1) / (most - 1))));
        return kept;
    }

    private static String settingWithoutN(SweepTable.Group g) {
        return "%d layers, hidden %d, %s".formatted(g.layers(), g.hidden(), g.distribution());
    }

    private static NumberAxis sizeAxis() {
        NumberAxis n = new NumberAxis("graph size n (input tokens)");
        n.setStandardTickUnits(NumberAxis.createIntegerTickUnits());
        n.setAutoRangeIncludesZero(false);
        return n;
    }

    private static XYSeriesCollection collection(Map<String, XYSeries> series) {
        XYSeriesCollection data = new XYSeriesCollection();
        series.values().forEach(data::addSeries);
        return data;
    }
}
