package dev.lookahead.figures;

import dev.lookahead.inspect.Rollout;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.TokenLayout;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;

/**
 * One step of a model's search written out in context (docs/user-guide.md, "Search in context"): the graph with the
 * vertices visited so far numbered in visit order, the vertex whose child comes next ringed, the frontier dashed, the
 * model's choice (blue when the task accepts it, vermillion when not) and the accepted answers; beside it the model's
 * distribution over the vertices; below, when the run captured it, where the last token looked in each block (its
 * attention over the input positions). Step {@code steps.size()} is the end: the whole trace and why the run stopped.
 */
public final class RolloutFigure implements Figure {
    private static final double RADIUS = GraphFigure.RADIUS;
    private static final double SPACING = GraphFigure.SPACING;
    private static final double MARGIN = GraphFigure.MARGIN;
    private static final double TITLE = 44;
    private static final double BARS = 190;
    private static final double LEGEND = 40;
    private static final Font LABEL = GraphFigure.LABEL;
    private static final Font TEXT = GraphFigure.TEXT;

    private final SearchGraph graph;
    private final Rollout.Result result;
    private final int step;
    private final TokenLayout layout;
    private final String title;
    private final String subtitle;
    private final LayeredLayout.Result positions;

    public RolloutFigure(SearchGraph graph, Rollout.Result result, int step, TokenLayout layout, String model) {
        if (step < 0 || step > result.steps().size()) throw new IllegalArgumentException("step " + step + " is outside 0.." + result.steps().size());
        this.graph = graph;
        this.result = result;
        this.step = step;
        this.layout = layout;
        this.positions = LayeredLayout.layout(graph.vertices(), graph.edges());
        boolean end = step == result.steps().size();
        this.title = model + " (" + result.task().id() + "), " + (end ? "end" : "step " + (step + 1) + " of " + result.steps().size());
        this.subtitle = end ? (result.solved() ? "solved: " : "not solved: ") + result.stop().words() : subtitle(result.steps().get(step));
    }

    private String subtitle(Rollout.Step s) {
        String kind = s.kind().equals("dfs") ? "" : s.kind() + " step, ";
        return kind + "chose " + layout.tokenName(s.choice())
                + (s.correct() ? " (accepted)" : step == result.firstWrong() ? ", not accepted: the first wrong step" : ", not accepted");
    }

    private double graphWidth() {
        return Math.max(200, 2 * MARGIN + Math.max(1, positions.width()) * SPACING + 2 * RADIUS);
    }

    @Override
    public double width() {
        double attention = attention() == null ? 0 : 2 * MARGIN + 22 + layout.n() * CELL;
        return Math.max(Math.max(300, attention), graphWidth() + (step < result.steps().size() ? BARS : 0));
    }

    private static final double CELL = 8;
    private static final double ATTENTION_TOP = 14;

    @Override
    public double height() {
        return TITLE + bodyHeight() + attentionHeight() + LEGEND;
    }

    private double bodyHeight() {
        double graphHeight = 2 * MARGIN + Math.max(0, positions.layerCount() - 1) * SPACING;
        return Math.max(graphHeight, step < result.steps().size() ? 150 : 0);
    }

    private float[][] attention() {
        return step < result.steps().size() ? result.steps().get(step).attention() : null;
    }

    private double attentionHeight() {
        float[][] rows = attention();
        return rows == null ? 0 : ATTENTION_TOP + rows.length * CELL + 22;
    }

    private double x(double lx) {
        double used = Math.max(0, positions.width()) * SPACING;
        return (graphWidth() - used) / 2 + lx * SPACING;
    }

    private double y(double ly) {
        return TITLE + MARGIN + ly * SPACING;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, title);
        g.setFont(TEXT.deriveFont(Font.PLAIN, 10f));
        g.setColor(s(result, step) != null && !s(result, step).correct() ? Palette.VERMILLION : Palette.INK);
        g.drawString(subtitle, (float) MARGIN, (float) (TITLE - 12));
        boolean end = step == result.steps().size();
        Rollout.Step s = end ? null : result.steps().get(step);
        List<Integer> visited = end ? visitedAtEnd() : s.visited();
        GraphFigure.edges(g, graph.edges(), positions, this::x, this::y);
        for (var entry : positions.positions().entrySet()) {
            int id = entry.getKey();
            double cx = x(entry.getValue().x());
            double cy = y(entry.getValue().y());
            if (s != null) mark(g, s, id, cx, cy);
            vertex(g, id, cx, cy, visited.indexOf(id));
        }
        if (s != null) bars(g, s, graphWidth(), TITLE + 6, BARS - 16, bodyHeight() - 6);
        if (s != null && s.attention() != null) attention(g, s, TITLE + bodyHeight());
        legend(g, height - 22, end);
    }

    private static Rollout.Step s(Rollout.Result result, int step) {
        return step < result.steps().size() ? result.steps().get(step) : null;
    }

    private List<Integer> visitedAtEnd() {
        List<Integer> order = new ArrayList<>();
        if (result.trace().isEmpty()) order.add(graph.start());
        for (int v : result.trace()) if (!order.contains(v)) order.add(v);
        return order;
    }

    /** Rings: the vertex whose child comes next (solid ink), the frontier (dashed), the choice (blue or vermillion), accepted (dotted blue). */
    private static void mark(Graphics2D g, Rollout.Step s, int id, double cx, double cy) {
        if (s.frontier().contains(id)) ring(g, cx, cy, RADIUS + 3, Palette.GREY, dashed(1.6f));
        if (Integer.valueOf(id).equals(s.current())) ring(g, cx, cy, RADIUS + 3, Palette.INK, new BasicStroke(2.2f));
        for (int a : s.accepted()) if (a == id) ring(g, cx, cy, RADIUS + 7, Palette.BLUE, dotted());
        if (id == s.choice()) ring(g, cx, cy, RADIUS + 7, s.correct() ? Palette.BLUE : Palette.VERMILLION, new BasicStroke(2.6f));
    }

    private void vertex(Graphics2D g, int id, double cx, double cy, int order) {
        GraphFigure.vertex(g, graph, id, cx, cy, order >= 0 ? Palette.SKY : Color.WHITE);
        if (order >= 0) {
            g.setFont(TEXT);
            g.setColor(Palette.INK);
            g.drawString("#" + (order + 1), (float) (cx + RADIUS - 2), (float) (cy - RADIUS + 2));
        }
    }

    /** The model's probability of each vertex id, accepted ones in blue, the choice outlined. */
    private void bars(Graphics2D g, Rollout.Step s, double left, double top, double width, double height) {
        int vertices = layout.maxVertex();
        double rowHeight = Math.min(14, height / (vertices + 1));
        g.setFont(TEXT);
        g.setColor(Palette.INK);
        g.drawString("next-vertex probability", (float) left, (float) top);
        for (int v = 1; v <= vertices; v++) {
            double rowTop = top + 6 + (v - 1) * rowHeight;
            double p = s.probabilities()[v];
            boolean accepted = false;
            for (int a : s.accepted()) accepted |= a == v;
            g.setColor(Palette.INK);
            g.drawString(Integer.toString(v), (float) left, (float) (rowTop + rowHeight - 3));
            Rectangle2D bar = new Rectangle2D.Double(left + 18, rowTop + 1, Math.max(0.5, p * (width - 60)), rowHeight - 3);
            g.setColor(accepted ? Palette.BLUE : Palette.GREY);
            g.fill(bar);
            if (v == s.choice()) {
                g.setColor(s.correct() ? Palette.INK : Palette.VERMILLION);
                g.setStroke(new BasicStroke(1.5f));
                g.draw(bar);
            }
            g.setColor(Palette.INK);
            g.drawString(String.format(java.util.Locale.ROOT, "%.2f", p), (float) (left + 22 + p * (width - 60)), (float) (rowTop + rowHeight - 3));
        }
    }

    /** Rows: blocks 1..L; columns: input positions, labelled with their tokens; shade: the last token's attention. */
    private void attention(Graphics2D g, Rollout.Step s, double top) {
        float[][] rows = s.attention();
        g.setFont(TEXT);
        g.setColor(Palette.INK);
        g.drawString("where the last token looks, block by block (attention over the input)", (float) MARGIN, (float) (top + 9));
        double left = MARGIN + 22;
        for (int l = 0; l < rows.length; l++) {
            double y = top + ATTENTION_TOP + l * CELL;
            g.setColor(Palette.INK);
            g.drawString("b" + (l + 1), (float) MARGIN, (float) (y + CELL - 1));
            float max = 0;
            for (float v : rows[l]) max = Math.max(max, v);
            for (int k = 0; k < rows[l].length; k++) {
                double t = max <= 0 ? 0 : rows[l][k] / max;
                Color blue = Palette.BLUE;
                g.setColor(new Color((int) Math.round(255 + (blue.getRed() - 255) * t), (int) Math.round(255 + (blue.getGreen() - 255) * t),
                        (int) Math.round(255 + (blue.getBlue() - 255) * t)));
                g.fill(new Rectangle2D.Double(left + k * CELL, y, CELL - 1, CELL - 1));
            }
        }
        g.setFont(TEXT.deriveFont(5.5f));
        g.setColor(Palette.INK);
        double labels = top + ATTENTION_TOP + rows.length * CELL + 7;
        for (int k = 0; k < s.tokens().length; k++) {
            String name = layout.tokenName(s.tokens()[k]);
            if (name.equals("PAD")) name = "·";
            g.drawString(name, (float) (left + k * CELL + 1), (float) labels);
        }
    }

    private void legend(Graphics2D g, double y, boolean end) {
        g.setFont(TEXT);
        double x = MARGIN;
        x = swatch(g, x, y, Palette.GREEN, "start");
        x = swatch(g, x, y, Palette.YELLOW, "goal");
        x = swatch(g, x, y, Palette.SKY, "visited (#order)");
        if (end) return;
        x = MARGIN;
        y += 13;
        x = line(g, x, y, Palette.INK, new BasicStroke(2.2f), "whose child comes next");
        x = line(g, x, y, Palette.GREY, dashed(1.6f), "frontier");
        x = line(g, x, y, Palette.BLUE, dotted(), "accepted");
        line(g, x, y, Palette.VERMILLION, new BasicStroke(2.6f), "choice, not accepted");
    }

    private static double swatch(Graphics2D g, double x, double y, Color colour, String text) {
        g.setColor(colour);
        g.fill(new Ellipse2D.Double(x, y - 7, 8, 8));
        g.setColor(Palette.INK);
        g.drawString(text, (float) (x + 11), (float) y);
        return x + 18 + g.getFontMetrics().stringWidth(text);
    }

    private static double line(Graphics2D g, double x, double y, Color colour, BasicStroke stroke, String text) {
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(new Line2D.Double(x, y - 3, x + 14, y - 3));
        g.setColor(Palette.INK);
        g.drawString(text, (float) (x + 17), (float) y);
        return x + 24 + g.getFontMetrics().stringWidth(text);
    }

    private static void ring(Graphics2D g, double cx, double cy, double r, Color colour, BasicStroke stroke) {
        g.setColor(colour);
        g.setStroke(stroke);
        g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
    }

    private static BasicStroke dashed(float width) {
        return new BasicStroke(width, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0);
    }

    private static BasicStroke dotted() {
        return new BasicStroke(1.8f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER, 10, new float[] {0.5f, 3f}, 0);
    }

    /** Every step of a rollout, then its end, side by side in rows of {@code perRow}: the whole search as one figure. */
    public static Figure strip(SearchGraph graph, Rollout.Result result, TokenLayout layout, String model, int perRow) {
        List<Figure> panels = new ArrayList<>();
        for (int k = 0; k <= result.steps().size(); k++) panels.add(new RolloutFigure(graph, result, k, layout, model));
        return new Grid(panels, Math.max(1, perRow));
    }

    /** Figures in a grid of equal cells, each drawn at its natural size. */
    private record Grid(List<Figure> panels, int perRow) implements Figure {
        private double cellWidth() {
            return panels.stream().mapToDouble(Figure::width).max().orElse(100);
        }

        private double cellHeight() {
            return panels.stream().mapToDouble(Figure::height).max().orElse(100);
        }

        @Override
        public double width() {
            return cellWidth() * Math.min(perRow, panels.size());
        }

        @Override
        public double height() {
            return cellHeight() * Math.ceil(panels.size() / (double) perRow);
        }

        @Override
        public void draw(Graphics2D g, double width, double height) {
            g.setColor(Color.WHITE);
            g.fill(new Rectangle2D.Double(0, 0, width, height));
            for (int i = 0; i < panels.size(); i++) {
                Figure panel = panels.get(i);
                Graphics2D cell = (Graphics2D) g.create();
                cell.translate((i % perRow) * cellWidth(), (i / perRow) * cellHeight());
                cell.clip(new Rectangle2D.Double(0, 0, cellWidth(), cellHeight()));
                panel.draw(cell, panel.width(), panel.height());
                cell.dispose();
            }
        }
    }
}
