package dev.lookahead.figures;

import dev.lookahead.inspect.SetComparison;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchGraph;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.List;
import java.util.Map;

/**
 * The search graph in its layered layout: start and goal filled, and optionally each vertex ringed by
 * what a traced set says about it - held and truly reachable (agree), truly reachable but not held
 * (missed), held but not reachable within 2^l hops (extra) - with a legend.
 */
public final class GraphFigure implements Figure {
    private static final String AGREE = "agree";
    private static final String MISSED = "missed";
    private static final String EXTRA = "extra";
    /** Vertex radius, layer spacing and margin, shared with the rollout figure so both draw a graph alike. */
    static final double RADIUS = 11;
    static final double SPACING = 46;
    static final double MARGIN = 22;
    private static final double TITLE = 26;
    private static final double LEGEND = 34;
    static final Font LABEL = new Font(Font.SANS_SERIF, Font.BOLD, 9);
    static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 8);

    private final SearchGraph graph;
    private final LayeredLayout.Result layout;
    private final Map<Integer, String> marks;
    private final String title;

    /** @param comparison the held set against the truth, its vertices ringed; {@link SetComparison#NONE} for a plain drawing */
    public GraphFigure(SearchGraph graph, SetComparison comparison, String title) {
        this(graph, ids(comparison), title);
    }

    private static Map<Integer, String> ids(SetComparison comparison) {
        Map<Integer, String> marks = new java.util.LinkedHashMap<>();
        comparison.marks().forEach((v, mark) -> marks.put(v, switch (mark) {
            case AGREE -> AGREE;
            case MISSED -> MISSED;
            case EXTRA -> EXTRA;
        }));
        return marks;
    }

    private GraphFigure(SearchGraph graph, Map<Integer, String> marks, String title) {
        this.graph = graph;
        this.layout = LayeredLayout.layout(graph.vertices(), graph.edges());
        this.marks = Map.copyOf(marks);
        this.title = title;
    }

    @Override
    public double width() {
        return Math.max(marks.isEmpty() ? 240 : 420, 2 * MARGIN + Math.max(1, layout.width()) * SPACING + 2 * RADIUS);
    }

    @Override
    public double height() {
        return TITLE + 2 * MARGIN + Math.max(0, layout.layerCount() - 1) * SPACING + (marks.isEmpty() ? 12 : LEGEND);
    }

    private double x(double lx, double width) {
        double used = Math.max(0, layout.width()) * SPACING;
        return (width - used) / 2 + lx * SPACING;
    }

    private double y(double ly) {
        return TITLE + MARGIN + ly * SPACING;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        g.setColor(Color.WHITE);
        g.fill(new java.awt.geom.Rectangle2D.Double(0, 0, width, height));
        g.setColor(Palette.INK);
        g.setFont(ChartStyle.TITLE);
        g.drawString(title, (float) MARGIN, (float) (MARGIN - 4));
        edges(g, graph.edges(), layout, lx -> x(lx, width), this::y);
        for (var entry : layout.positions().entrySet()) {
            int id = entry.getKey();
            double cx = x(entry.getValue().x(), width);
            double cy = y(entry.getValue().y());
            String mark = marks.get(id);
            if (mark != null) ring(g, cx, cy, mark);
            vertex(g, graph, id, cx, cy, Color.WHITE);
        }
        legend(g, height - (marks.isEmpty() ? 4 : LEGEND - 8));
    }

    private static void ring(Graphics2D g, double cx, double cy, String mark) {
        double r = RADIUS + 4;
        Ellipse2D ring = new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r);
        g.setColor(colour(mark));
        g.setStroke(stroke(mark));
        g.draw(ring);
    }

    private static Color colour(String mark) {
        return switch (mark) {
            case AGREE -> Palette.BLUE;
            case MISSED -> Palette.ORANGE;
            default -> Palette.VERMILLION;
        };
    }

    /** Solid, dashed and dotted: the marks differ in shape as well as colour. */
    private static BasicStroke stroke(String mark) {
        return switch (mark) {
            case AGREE -> new BasicStroke(2.6f);
            case MISSED -> new BasicStroke(2.6f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10, new float[] {4, 3}, 0);
            default -> new BasicStroke(2.6f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_MITER, 10, new float[] {0.5f, 3.5f}, 0);
        };
    }

    /** A vertex circle with its id: the start green, the goal yellow, any other filled with {@code fill}. */
    static void vertex(Graphics2D g, SearchGraph graph, int id, double cx, double cy, Color fill) {
        boolean start = Integer.valueOf(id).equals(graph.start());
        boolean goal = Integer.valueOf(id).equals(graph.goal());
        Ellipse2D circle = new Ellipse2D.Double(cx - RADIUS, cy - RADIUS, 2 * RADIUS, 2 * RADIUS);
        g.setColor(start ? Palette.GREEN : goal ? Palette.YELLOW : fill);
        g.fill(circle);
        g.setColor(Palette.INK);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(circle);
        g.setFont(LABEL);
        g.setColor(start ? Color.WHITE : Palette.INK);
        FontMetrics metrics = g.getFontMetrics();
        String text = Integer.toString(id);
        g.drawString(text, (float) (cx - metrics.stringWidth(text) / 2.0), (float) (cy + metrics.getAscent() / 2.8));
    }

    /** The edges along their layered routes, grey, with arrow heads stopping at the target's circle. */
    static void edges(Graphics2D g, List<Edge> edges, LayeredLayout.Result layout, java.util.function.DoubleUnaryOperator x,
                      java.util.function.DoubleUnaryOperator y) {
        g.setStroke(new BasicStroke(1.2f));
        for (int i = 0; i < edges.size(); i++) {
            List<LayeredLayout.Point> route = layout.routes().get(i);
            Path2D path = new Path2D.Double();
            for (int k = 0; k < route.size(); k++) {
                double px = x.applyAsDouble(route.get(k).x());
                double py = y.applyAsDouble(route.get(k).y());
                if (k == 0) path.moveTo(px, py);
                else path.lineTo(px, py);
            }
            g.setColor(Palette.GREY);
            g.draw(path);
            LayeredLayout.Point a = route.get(route.size() - 2);
            LayeredLayout.Point b = route.get(route.size() - 1);
            arrow(g, x.applyAsDouble(a.x()), y.applyAsDouble(a.y()), x.applyAsDouble(b.x()), y.applyAsDouble(b.y()));
        }
    }

    private static void arrow(Graphics2D g, double x1, double y1, double x2, double y2) {
        double dx = x2 - x1;
        double dy = y2 - y1;
        double length = Math.hypot(dx, dy);
        if (length == 0) return;
        double ux = dx / length;
        double uy = dy / length;
        double tipX = x2 - ux * (RADIUS + 1);
        double tipY = y2 - uy * (RADIUS + 1);
        Path2D head = new Path2D.Double();
        head.moveTo(tipX, tipY);
        head.lineTo(tipX - ux * 6 - uy * 3, tipY - uy * 6 + ux * 3);
        head.lineTo(tipX - ux * 6 + uy * 3, tipY - uy * 6 - ux * 3);
        head.closePath();
        g.setColor(Palette.GREY);
        g.fill(head);
    }

    private void legend(Graphics2D g, double y) {
        double x = MARGIN;
        g.setFont(TEXT);
        String[][] items = marks.isEmpty() ? new String[][] {{"start", ""}, {"goal", ""}}
                : new String[][] {{"start", ""}, {"goal", ""}, {AGREE, "held and reachable"}, {MISSED, "reachable, missed"}, {EXTRA, "held, not reachable"}};
        for (String[] item : items) {
            if (item[0].equals("start") || item[0].equals("goal")) {
                g.setColor(item[0].equals("start") ? Palette.GREEN : Palette.YELLOW);
                g.fill(new Ellipse2D.Double(x, y - 7, 8, 8));
                g.setColor(Palette.INK);
                g.drawString(item[0], (float) (x + 11), (float) y);
                x += 16 + g.getFontMetrics().stringWidth(item[0]);
            } else {
                g.setColor(colour(item[0]));
                g.setStroke(stroke(item[0]));
                g.draw(new Line2D.Double(x, y - 3, x + 14, y - 3));
                g.setColor(Palette.INK);
                g.drawString(item[1], (float) (x + 17), (float) y);
                x += 24 + g.getFontMetrics().stringWidth(item[1]);
            }
        }
    }
}
