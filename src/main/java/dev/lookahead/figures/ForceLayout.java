package dev.lookahead.figures;

import dev.lookahead.search.Edge;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * A force-directed layout (Fruchterman and Reingold): edges pull their ends together, every pair of
 * vertices pushes apart, and the moves cool down over a fixed number of rounds. It starts from the
 * layered layout and uses no randomness, so the same graph always gets the same picture.
 */
public final class ForceLayout {
    private static final int ROUNDS = 300;

    private ForceLayout() {
    }

    /**
     * @param start   every vertex's starting position (e.g. the layered layout)
     * @param edges   directed edges {u, v}; direction is ignored
     * @param spacing the ideal edge length, in the units of {@code start}
     * @return every vertex's position, centred on the start positions' centre
     */
    public static Map<Integer, LayeredLayout.Point> layout(Map<Integer, LayeredLayout.Point> start, List<Edge> edges, double spacing) {
        List<Integer> ids = new ArrayList<>(start.keySet());
        int count = ids.size();
        Map<Integer, Integer> index = new HashMap<>();
        double[] x = new double[count];
        double[] y = new double[count];
        for (int i = 0; i < count; i++) {
            index.put(ids.get(i), i);
            x[i] = start.get(ids.get(i)).x();
            // a tiny deterministic offset, so that vertices on one spot can push apart
            y[i] = start.get(ids.get(i)).y() + 1e-3 * spacing * i;
        }
        double centreX = mean(x);
        double centreY = mean(y);
        double k = spacing;
        double temperature = spacing * Math.max(1, Math.sqrt(count));
        for (int round = 0; round < ROUNDS; round++) {
            double[] dx = new double[count];
            double[] dy = new double[count];
            for (int i = 0; i < count; i++) {
                for (int j = i + 1; j < count; j++) {
                    double ex = x[i] - x[j];
                    double ey = y[i] - y[j];
                    double distance = Math.max(1e-6, Math.hypot(ex, ey));
                    double push = k * k / distance;
                    dx[i] += ex / distance * push;
                    dy[i] += ey / distance * push;
                    dx[j] -= ex / distance * push;
                    dy[j] -= ey / distance * push;
                }
            }
            for (Edge e : edges) {
                Integer a = index.get(e.from());
                Integer b = index.get(e.to());
                if (a == null || b == null || a.equals(b)) continue;
                double ex = x[a] - x[b];
                double ey = y[a] - y[b];
                double distance = Math.max(1e-6, Math.hypot(ex, ey));
                double pull = distance * distance / k;
                dx[a] -= ex / distance * pull;
                dy[a] -= ey / distance * pull;
                dx[b] += ex / distance * pull;
                dy[b] += ey / distance * pull;
            }
            for (int i = 0; i < count; i++) {
                double length = Math.hypot(dx[i], dy[i]);
                if (length < 1e-9) continue;
                double step = Math.min(length, temperature);
                x[i] += dx[i] / length * step;
                y[i] += dy[i] / length * step;
            }
            temperature *= 0.97;
        }
        double shiftX = centreX - mean(x);
        double shiftY = centreY - mean(y);
        Map<Integer, LayeredLayout.Point> result = new HashMap<>();
        for (int i = 0; i < count; i++) result.put(ids.get(i), new LayeredLayout.Point(x[i] + shiftX, y[i] + shiftY));
        return result;
    }

    private static double mean(double[] values) {
        double sum = 0;
        for (double v : values) sum += v;
        return values.length == 0 ? 0 : sum / values.length;
    }
}
