package dev.lookahead.figures;

import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchGraph;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.Stroke;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.awt.geom.Path2D;
import java.util.ArrayList;
import java.util.List;

/**
 * A preference pair on its graph: the chosen path blue and solid, the rejected one vermillion and dashed, each step
 * along the edge it takes (a step that is no edge of the graph drawn straight and dotted), and the rejected path's first
 * wrong step ringed. The graph is drawn as {@link GraphFigure} draws it.
 */
public final class PathPairFigure implements Figure {
    private static final double RADIUS = GraphFigure.RADIUS;
    private static final double SPACING = GraphFigure.SPACING;
    private static final double MARGIN = GraphFigure.MARGIN;
    private static final double TITLE = 26;
    private static final double LEGEND = 30;
    private static final Stroke CHOSEN = new BasicStroke(3f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND);
    private static final Stroke REJECTED = new BasicStroke(2.4f, BasicStroke.CAP_BUTT, BasicStroke.JOIN_ROUND, 10, new float[] {6, 4}, 0);
    private static final Stroke OFF_GRAPH = new BasicStroke(2f, BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND, 10, new float[] {0.5f, 4}, 0);

    private final SearchGraph graph;
    private final LayeredLayout.Result layout;
    private final List<Integer> chosen;
    private final List<Integer> rejected;
    private final Integer firstWrong;
    private final String title;

    /**
     * @param chosen     the chosen path's vertices after the start (empty: none drawn)
     * @param rejected   the rejected path's (empty: none drawn)
     * @param firstWrong the vertex of the rejected path's first wrong step, or null
     */
    public PathPairFigure(SearchGraph graph, List<Integer> chosen, List<Integer> rejected, Integer firstWrong, String title) {
        this.graph = graph;
        this.layout = LayeredLayout.layout(graph.vertices(), graph.edges());
        this.chosen = List.copyOf(chosen);
        this.rejected = List.copyOf(rejected);
        this.firstWrong = firstWrong;
        this.title = title;
    }

    @Override
    public double width() {
        return Math.max(380, 2 * MARGIN + Math.max(1, layout.width()) * SPACING + 2 * RADIUS);
    }

    @Override
    public double height() {
        return TITLE + 2 * MARGIN + Math.max(0, layout.layerCount() - 1) * SPACING + LEGEND;
    }

    private double x(double lx, double width) {
        return (width - Math.max(0, layout.width()) * SPACING) / 2 + lx * SPACING;
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
        GraphFigure.edges(g, graph.edges(), layout, lx -> x(lx, width), this::y);
        path(g, rejected, Palette.VERMILLION, REJECTED, width, 2.5);
        path(g, chosen, Palette.BLUE, CHOSEN, width, -2.5);
        for (var entry : layout.positions().entrySet()) {
            double cx = x(entry.getValue().x(), width);
            double cy = y(entry.getValue().y());
            if (entry.getKey().equals(firstWrong)) {
                double r = RADIUS + 4.5;
                g.setColor(Palette.VERMILLION);
                g.setStroke(new BasicStroke(2.6f));
                g.draw(new Ellipse2D.Double(cx - r, cy - r, 2 * r, 2 * r));
            }
            GraphFigure.vertex(g, graph, entry.getKey(), cx, cy, Color.WHITE);
        }
        legend(g, height - 10);
    }

    /** One path, each step along its edge's route (shifted sideways by {@code offset} so two paths on one edge both show). */
    private void path(Graphics2D g, List<Integer> path, Color colour, Stroke stroke, double width, double offset) {
        if (path.isEmpty() || graph.start() == null) return;
        List<Integer> vertices = new ArrayList<>();
        vertices.add(graph.start());
        vertices.addAll(path);
        g.setColor(colour);
        for (int i = 0; i + 1 < vertices.size(); i++) {
            int from = vertices.get(i);
            int to = vertices.get(i + 1);
            var a = layout.positions().get(from);
            var b = layout.positions().get(to);
            if (a == null || b == null) continue; // a token that is not a vertex of the graph
            int edge = graph.edges().indexOf(new Edge(from, to));
            Path2D line = new Path2D.Double();
            if (edge < 0) {
                g.setStroke(OFF_GRAPH);
                g.draw(new Line2D.Double(x(a.x(), width) + offset, y(a.y()), x(b.x(), width) + offset, y(b.y())));
                continue;
            }
            List<LayeredLayout.Point> route = layout.routes().get(edge);
            for (int k = 0; k < route.size(); k++) {
                double px = x(route.get(k).x(), width) + offset;
                double py = y(route.get(k).y());
                if (k == 0) line.moveTo(px, py);
                else line.lineTo(px, py);
            }
            g.setStroke(stroke);
            g.draw(line);
        }
    }

    private void legend(Graphics2D g, double y) {
        double x = MARGIN;
        g.setFont(GraphFigure.TEXT);
        Object[][] items = {{Palette.BLUE, CHOSEN, "chosen"}, {Palette.VERMILLION, REJECTED, "rejected"}};
        for (Object[] item : items) {
            g.setColor((Color) item[0]);
            g.setStroke((Stroke) item[1]);
            g.draw(new Line2D.Double(x, y - 3, x + 18, y - 3));
            g.setColor(Palette.INK);
            g.drawString((String) item[2], (float) (x + 22), (float) y);
            x += 30 + g.getFontMetrics().stringWidth((String) item[2]);
        }
        if (firstWrong != null) {
            g.setColor(Palette.VERMILLION);
            g.setStroke(new BasicStroke(2f));
            g.draw(new Ellipse2D.Double(x, y - 8, 9, 9));
            g.setColor(Palette.INK);
            g.drawString("first wrong step", (float) (x + 13), (float) y);
        }
    }
}
