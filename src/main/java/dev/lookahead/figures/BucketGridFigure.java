package dev.lookahead.figures;

import dev.lookahead.experiments.JobResult;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * An in-context sweep's per-step accuracy as a grid: a row per test bucket (backtrack distance, or frontier and
 * branch), a column per task and graph size, each cell the mean over seeds, shaded from white (0) to blue (1) and
 * printed; blank where a size has no such bucket (docs/user-guide.md, "Search in context").
 */
public final class BucketGridFigure implements Figure {
    private static final double CELL_W = 46;
    private static final double CELL_H = 16;
    private static final double LEFT = 70;
    private static final double TOP = 46;
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 8);

    /** Column name ("dfs n=20") to bucket to the seeds' accuracies. */
    private final Map<String, Map<String, List<Double>>> columns = new java.util.LinkedHashMap<>();
    private final List<String> rows;

    public BucketGridFigure(List<JobResult> results) {
        TreeSet<String> buckets = new TreeSet<>(BucketGridFigure::bucketOrder);
        List<JobResult> sorted = new ArrayList<>(results.stream().filter(SweepCharts::inContext).toList());
        sorted.sort(java.util.Comparator.comparing(JobResult::distribution).thenComparingInt(JobResult::n));
        for (JobResult job : sorted) {
            Map<String, List<Double>> column = columns.computeIfAbsent(job.distribution() + " n=" + job.n(), k -> new TreeMap<>());
            job.testAccuracy().forEach((bucket, accuracy) -> {
                column.computeIfAbsent(bucket, k -> new ArrayList<>()).add(accuracy);
                buckets.add(bucket);
            });
        }
        rows = List.copyOf(buckets);
    }

    /** Backtracks as numbers (-1 first), then (f, b) pairs by frontier and branch, then "rollout" last. */
    private static int bucketOrder(String a, String b) {
        return key(a).compareTo(key(b));
    }

    private static String key(String bucket) {
        if (bucket.equals("rollout")) return "~";
        if (bucket.matches("-?\\d+")) return String.format(Locale.ROOT, "a%04d", Integer.parseInt(bucket) + 1);
        String[] parts = bucket.split(",");
        return parts.length == 2 ? String.format(Locale.ROOT, "b%04d%04d", Integer.parseInt(parts[0].trim()), Integer.parseInt(parts[1].trim())) : "c" + bucket;
    }

    /** Wide enough for the title however few columns there are. */
    private static final double MIN_WIDTH = 300;

    @Override
    public double width() {
        return Math.max(MIN_WIDTH, LEFT + Math.max(1, columns.size()) * CELL_W + 16);
    }

    @Override
    public double height() {
        return TOP + Math.max(1, rows.size()) * CELL_H + 16;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, "Accuracy per test bucket, by graph size");
        g.setFont(TEXT);
        int c = 0;
        for (var column : columns.entrySet()) {
            double x = LEFT + c * CELL_W;
            g.setColor(Palette.INK);
            g.drawString(column.getKey(), (float) (x + 2), (float) (TOP - 6));
            for (int r = 0; r < rows.size(); r++) {
                List<Double> values = column.getValue().get(rows.get(r));
                if (values == null) continue;
                double mean = values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
                double y = TOP + r * CELL_H;
                g.setColor(shade(mean));
                g.fill(new Rectangle2D.Double(x, y, CELL_W - 2, CELL_H - 2));
                g.setColor(mean > 0.6 ? Color.WHITE : Palette.INK);
                g.drawString(String.format(Locale.ROOT, "%.2f", mean), (float) (x + 12), (float) (y + CELL_H - 5));
            }
            c++;
        }
        g.setColor(Palette.INK);
        for (int r = 0; r < rows.size(); r++) {
            String row = rows.get(r);
            String label = row.equals("rollout") ? "whole search" : row.contains(",") ? "f,b = " + row : "backtrack " + row;
            g.drawString(label, 6f, (float) (TOP + r * CELL_H + CELL_H - 5));
        }
    }

    private static Color shade(double value) {
        if (Double.isNaN(value)) return Color.LIGHT_GRAY;
        double t = Math.max(0, Math.min(1, value));
        Color blue = Palette.BLUE;
        return new Color((int) Math.round(255 + (blue.getRed() - 255) * t), (int) Math.round(255 + (blue.getGreen() - 255) * t),
                (int) Math.round(255 + (blue.getBlue() - 255) * t));
    }
}
