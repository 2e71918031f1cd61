package dev.lookahead.figures;

import dev.lookahead.interp.Trace;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Ellipse2D;
import java.awt.geom.Line2D;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;

/**
 * The traced circuit (docs/tracing.md): one row per layer, from the embedding at the bottom to the state after
 * the last block at the top, one column per token; a dot for every traced node, an arrow for every attention
 * operation from its source token in layer l to its destination token in layer l + 1, coloured by what explains
 * it (padding that holds no node is left out). Operations knocked out (docs/interventions.md) are drawn dashed and crossed. {@link #operationAt} finds the
 * operation under a point, so that the window can knock it out with a click.
 */
public final class CircuitFigure implements Figure {
    /** One attention operation by where it sits: block {@code layer + 1} copies from {@code source} into {@code destination}. */
    public record Edge(int layer, int source, int destination) {
        static Edge of(Trace.Operation op) {
            return new Edge(op.layer(), op.source(), op.destination());
        }
    }

    private static final double COLUMN = 18;
    private static final double ROW = 34;
    private static final double LEFT = 44;
    private static final double TOP = 24;
    private static final double BOTTOM = 30;
    /** How close (in points) a click must come to an operation's line. */
    private static final double REACH = 3.5;
    private static final Font TEXT = new Font(Font.MONOSPACED, Font.PLAIN, 7);
    /** The label of a padding token (TokenLayout.tokenName). */
    private static final String PADDING = "PAD";

    private final String[] tokens;
    private final List<Map<Integer, SortedSet<Integer>>> layers;
    private final List<Trace.Operation> operations;
    private final Set<Edge> knockedOut;
    private final String title;
    /** The column of each position, -1 for positions left out (padding no node sits on), and how many columns. */
    private final int[] column;
    private final int columns;

    /**
     * Padding tokens that hold no node of the circuit take no column.
     *
     * @param tokens     the token labels, one per position
     * @param layers     the trace's nodes per layer (0..L), position to vertex set
     * @param operations the trace's operations
     * @param knockedOut the operations to draw as knocked out
     */
    public CircuitFigure(String[] tokens, List<Map<Integer, SortedSet<Integer>>> layers, List<Trace.Operation> operations,
                         Set<Edge> knockedOut, String title) {
        this.tokens = tokens.clone();
        this.layers = List.copyOf(layers);
        this.operations = List.copyOf(operations);
        this.knockedOut = Set.copyOf(knockedOut);
        this.title = title;
        this.column = new int[tokens.length];
        int next = 0;
        for (int i = 0; i < tokens.length; i++) {
            int position = i;
            boolean node = this.layers.stream().anyMatch(layer -> layer.containsKey(position));
            column[i] = node || !tokens[i].equals(PADDING) ? next++ : -1;
        }
        this.columns = next;
    }

    /** The same circuit with {@code edges} drawn as knocked out. */
    public CircuitFigure withKnockedOut(Set<Edge> edges) {
        return new CircuitFigure(tokens, layers, operations, edges, title);
    }

    public Set<Edge> knockedOut() {
        return knockedOut;
    }

    @Override
    public double width() {
        return LEFT + columns * COLUMN + 8;
    }

    @Override
    public double height() {
        return TOP + Math.max(1, layers.size() - 1) * ROW + BOTTOM;
    }

    private double x(int position) {
        return LEFT + column[position] * COLUMN + COLUMN / 2;
    }

    private double y(int layer) {
        return TOP + (layers.size() - 1 - layer) * ROW;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, title);
        g.setFont(TEXT);
        for (int l = 0; l < layers.size(); l++) {
            g.setColor(Palette.GREY);
            g.drawString(l == 0 ? "embed" : "block " + l, 2f, (float) (y(l) + 2.5));
        }
        for (int l = 0; l + 1 < layers.size(); l++) {
            g.setColor(new Color(0xDDDDDD));
            g.setStroke(new BasicStroke(0.6f));
            for (int position : layers.get(l + 1).keySet()) {
                if (layers.get(l).containsKey(position)) g.draw(new Line2D.Double(x(position), y(l), x(position), y(l + 1)));
            }
        }
        for (Trace.Operation op : operations) drawOperation(g, op);
        for (int l = 0; l < layers.size(); l++) {
            for (int position : layers.get(l).keySet()) {
                g.setColor(Palette.INK);
                g.fill(new Ellipse2D.Double(x(position) - 2, y(l) - 2, 4, 4));
            }
        }
        for (int i = 0; i < tokens.length; i++) {
            if (column[i] < 0) continue;
            g.setColor(Palette.INK);
            String label = tokens[i];
            g.drawString(label, (float) (x(i) - g.getFontMetrics().stringWidth(label) / 2.0), (float) (y(0) + 12));
        }
        g.setColor(Palette.GREY);
        g.drawString("blue token match, green position step, orange start/goal copy; crossed: knocked out", 2f, (float) (height - 3));
    }

    private void drawOperation(Graphics2D g, Trace.Operation op) {
        Line2D line = line(Edge.of(op));
        boolean out = knockedOut.contains(Edge.of(op));
        g.setColor(out ? Palette.GREY : colour(op.kind()));
        float widthPt = (float) (0.6 + Math.min(2.0, op.weight() / 10));
        g.setStroke(out ? new BasicStroke(widthPt, BasicStroke.CAP_BUTT, BasicStroke.JOIN_MITER, 10f, new float[] {2f, 2f}, 0f)
                : new BasicStroke(widthPt));
        g.draw(line);
        if (!out) return;
        double mx = (line.getX1() + line.getX2()) / 2;
        double my = (line.getY1() + line.getY2()) / 2;
        g.setColor(Palette.VERMILLION);
        g.setStroke(new BasicStroke(1.2f));
        g.draw(new Line2D.Double(mx - 3, my - 3, mx + 3, my + 3));
        g.draw(new Line2D.Double(mx - 3, my + 3, mx + 3, my - 3));
    }

    private Line2D line(Edge edge) {
        return new Line2D.Double(x(edge.source()), y(edge.layer()), x(edge.destination()), y(edge.layer() + 1));
    }

    /** The colour of an operation's cause: token matches blue, position steps green, the special copies orange, others grey. */
    static Color colour(Trace.Kind kind) {
        return switch (kind) {
            case TOKEN_MATCH -> Palette.BLUE;
            case POSITION_FORWARD, POSITION_BACKWARD -> Palette.GREEN;
            case SPECIAL_COPY -> Palette.ORANGE;
            case OTHER -> Palette.GREY;
        };
    }

    /** The operation whose arrow passes nearest the point (figure coordinates), if one passes within reach; else null. */
    public Trace.Operation operationAt(double x, double y) {
        Trace.Operation nearest = null;
        double best = REACH;
        for (Trace.Operation op : operations) {
            double distance = line(Edge.of(op)).ptSegDist(x, y);
            if (distance <= best) {
                best = distance;
                nearest = op;
            }
        }
        return nearest;
    }

    /** Where an operation's arrow is drawn: the midpoint of its line, in figure coordinates (for tests and tooltips). */
    public double[] midpoint(Edge edge) {
        Line2D line = line(edge);
        return new double[] {(line.getX1() + line.getX2()) / 2, (line.getY1() + line.getY2()) / 2};
    }
}
