package dev.lookahead.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The paper's scaling figure for one model shape (Saparov et al. 2025, Figure 4; its make_figures.py, read for the
 * definitions): per input size the fraction of converged seeds and the lowest test loss among them, against x, the
 * largest graph the size holds ((n - 5) / 3 vertices; (n - 4) / 4 for DFS, (n - 2) / 6 for selection-inference); and
 * the exponential fit of that loss against x, two ways (docs/user-guide.md, "Converged, two ways" and below):
 * <ul>
 * <li>{@code paperFit}: as make_figures.py fits it - a straight line through log(L - min L + 1e-9) weighted by
 * sqrt(L), over the sizes with a converged seed, so L(x) = min L + exp(intercept + slope x);</li>
 * <li>{@code logLinearFit}: ordinary least squares of log L on x, L(x) = exp(intercept + slope x), with a 95% interval
 * for the slope and a 95% band for the fitted line at each size (Student's t).</li>
 * </ul>
 * The paper smooths each seed's test-loss curve (a window of 81 evaluations) before taking the last value; the workbench
 * evaluates the test loss once, at the end, so its minimum is over those final values.
 */
public record ScalingFit(String shape, List<Point> points, PaperFit paperFit, LogLinearFit logLinearFit) {

    /** One input size: x, the share of converged seeds, and the lowest test loss among them (NaN when none converged). */
    public record Point(int n, int x, int seeds, double convergedFraction, Double minTestLossConverged) {
        public Point {
            if (minTestLossConverged != null && minTestLossConverged.isNaN()) minTestLossConverged = null;
        }
    }

    public record PaperFit(double slope, double intercept, double offset) {
    }

    public record LogLinearFit(double slope, double intercept, double slopeLower, double slopeUpper, Map<Integer, double[]> band) {
    }

    /** One fit per shape (layers, hidden width, task or distribution) among the results. */
    public static List<ScalingFit> of(List<JobResult> results) {
        Map<String, Map<Integer, List<JobResult>>> byShape = new LinkedHashMap<>();
        for (JobResult r : results) {
            String shape = r.layers() + " layers, hidden " + r.hidden() + ", " + r.distribution();
            byShape.computeIfAbsent(shape, k -> new TreeMap<>()).computeIfAbsent(r.n(), k -> new ArrayList<>()).add(r);
        }
        List<ScalingFit> fits = new ArrayList<>();
        byShape.forEach((shape, bySize) -> {
            List<Point> points = new ArrayList<>();
            bySize.forEach((n, seeds) -> points.add(new Point(n, x(n, seeds.getFirst().distribution()), seeds.size(),
                    seeds.stream().filter(JobResult::converged).count() / (double) seeds.size(),
                    seeds.stream().filter(JobResult::converged).mapToDouble(JobResult::testLoss).min().orElse(Double.NaN))));
            fits.add(new ScalingFit(shape, points, paperFit(points), logLinearFit(points)));
        });
        return fits;
    }

    /** The paper's x axis: the most vertices an input of n tokens holds. */
    static int x(int n, String distribution) {
        return switch (distribution) {
            case "dfs" -> (n - 4) / 4;
            case "si" -> (n - 2) / 6;
            default -> (n - 5) / 3;
        };
    }

    private static List<Point> usable(List<Point> points) {
        return points.stream().filter(p -> p.convergedFraction() > 0 && p.minTestLossConverged() != null && p.minTestLossConverged() > 0)
                .toList();
    }

    static PaperFit paperFit(List<Point> points) {
        List<Point> use = usable(points);
        if (use.size() < 2) return null;
        double min = use.stream().mapToDouble(Point::minTestLossConverged).min().orElseThrow();
        double[] x = new double[use.size()];
        double[] y = new double[use.size()];
        double[] w = new double[use.size()];
        for (int i = 0; i < use.size(); i++) {
            x[i] = use.get(i).x();
            y[i] = Math.log(use.get(i).minTestLossConverged() - min + 1e-9);
            w[i] = use.get(i).minTestLossConverged(); // numpy's polyfit weights the residuals by w = sqrt(L): squared, L
        }
        double[] line = weightedLine(x, y, w);
        return new PaperFit(line[0], line[1], min - 1e-9);
    }

    static LogLinearFit logLinearFit(List<Point> points) {
        List<Point> use = usable(points);
        if (use.size() < 2) return null;
        int k = use.size();
        double[] x = new double[k];
        double[] y = new double[k];
        double[] ones = new double[k];
        for (int i = 0; i < k; i++) {
            x[i] = use.get(i).x();
            y[i] = Math.log(use.get(i).minTestLossConverged());
            ones[i] = 1;
        }
        double[] line = weightedLine(x, y, ones);
        double meanX = java.util.Arrays.stream(x).average().orElseThrow();
        double sxx = 0;
        double residuals = 0;
        for (int i = 0; i < k; i++) {
            sxx += (x[i] - meanX) * (x[i] - meanX);
            double r = y[i] - (line[0] * x[i] + line[1]);
            residuals += r * r;
        }
        Map<Integer, double[]> band = new TreeMap<>();
        if (k < 3 || sxx == 0) return new LogLinearFit(line[0], line[1], Double.NaN, Double.NaN, band);
        double s = Math.sqrt(residuals / (k - 2));
        double t = studentT95(k - 2);
        double slopeHalf = t * s / Math.sqrt(sxx);
        for (Point p : points) {
            double fitted = line[0] * p.x() + line[1];
            double half = t * s * Math.sqrt(1.0 / k + (p.x() - meanX) * (p.x() - meanX) / sxx);
            band.put(p.n(), new double[] {Math.exp(fitted - half), Math.exp(fitted + half)});
        }
        return new LogLinearFit(line[0], line[1], line[0] - slopeHalf, line[0] + slopeHalf, band);
    }

    /** Weighted least squares of y = slope x + intercept (weights on the squared residuals); {slope, intercept}. */
    static double[] weightedLine(double[] x, double[] y, double[] w) {
        double sw = 0;
        double swx = 0;
        double swy = 0;
        double swxx = 0;
        double swxy = 0;
        for (int i = 0; i < x.length; i++) {
            sw += w[i];
            swx += w[i] * x[i];
            swy += w[i] * y[i];
            swxx += w[i] * x[i] * x[i];
            swxy += w[i] * x[i] * y[i];
        }
        double slope = (sw * swxy - swx * swy) / (sw * swxx - swx * swx);
        return new double[] {slope, (swy - slope * swx) / sw};
    }

    /** The two-sided 95% quantile of Student's t with df degrees of freedom (1.96 beyond 30). */
    static double studentT95(int df) {
        double[] table = {12.706, 4.303, 3.182, 2.776, 2.571, 2.447, 2.365, 2.306, 2.262, 2.228, 2.201, 2.179, 2.160, 2.145, 2.131, 2.120,
            2.110, 2.101, 2.093, 2.086, 2.080, 2.074, 2.069, 2.064, 2.060, 2.056, 2.052, 2.048, 2.045, 2.042};
        return df >= 1 && df <= table.length ? table[df - 1] : 1.96;
    }
}
