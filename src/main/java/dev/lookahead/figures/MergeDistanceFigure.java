package dev.lookahead.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * The paper's path-merge heatmap, one panel per block (numbered from 1): rows the receiving token's vertex (its
 * distance from the start; the paper's "source vertex"), columns the attended token's vertex (the
 * paper's "target vertex"), each column normalised to sum to one as the paper's figure script does.
 * Counts come from tracing under the paper's rules (docs/tracing.md).
 */
public final class MergeDistanceFigure implements Figure {
    private static final double CELL = 22;
    private static final double GAP = 26;
    private static final double TOP = 48;
    private static final double LEFT = 40;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 7);

    private final List<Integer> layers = new ArrayList<>();
    private final List<long[][]> counts = new ArrayList<>();
    private final int size;
    private final String note;

    /** {@code byLayer}: per block, counts [receiving distance][attended distance]; {@code note} is printed under the panels. */
    public MergeDistanceFigure(Map<Integer, long[][]> byLayer, String note) {
        int used = 1;
        for (Map.Entry<Integer, long[][]> entry : byLayer.entrySet()) {
            layers.add(entry.getKey());
            counts.add(entry.getValue());
            long[][] c = entry.getValue();
            for (int i = 0; i < c.length; i++) for (int j = 0; j < c[i].length; j++) if (c[i][j] > 0) used = Math.max(used, Math.max(i, j) + 1);
        }
        this.size = used;
        this.note = note;
    }

    @Override
    public double width() {
        return Math.max(320, LEFT + Math.max(1, layers.size()) * (size * CELL + GAP) + 40);
    }

    @Override
    public double height() {
        return TOP + size * CELL + 40;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, "Path merges by distance from the start, per block");
        if (layers.isEmpty()) {
            g.setFont(ChartStyle.LABEL);
            g.drawString("no path merges between vertices the start reaches", 4f, (float) TOP);
            return;
        }
        for (int p = 0; p < layers.size(); p++) panel(g, LEFT + p * (size * CELL + GAP), layers.get(p), counts.get(p));
        g.setFont(SMALL);
        g.setColor(Palette.INK);
        AffineTransform saved = g.getTransform();
        String rows = "receiving token (paper: source)";
        g.translate(14, TOP + size * CELL / 2 + g.getFontMetrics().stringWidth(rows) / 2.0);
        g.rotate(-Math.PI / 2);
        g.drawString(rows, 0f, 0f);
        g.setTransform(saved);
        g.drawString("columns: the attended token (paper: target); both as the distance of the token's vertex from the start;"
                + " each column sums to 1; block 1 is the first", (float) LEFT, (float) (TOP + size * CELL + 16));
        g.drawString(note, 4f, (float) (height - 6));
        AttentionFigure.scale(g, width - 30, TOP, size * CELL);
    }

    private void panel(Graphics2D g, double left, int layer, long[][] c) {
        g.setFont(SMALL);
        g.setColor(Palette.INK);
        g.drawString("block " + (layer + 1), (float) left, (float) (TOP - 14));
        for (int j = 0; j < size; j++) {
            long column = 0;
            for (int i = 0; i < size; i++) column += c[i][j];
            for (int i = 0; i < size; i++) {
                double share = column == 0 ? 0 : (double) c[i][j] / column;
                g.setColor(AttentionFigure.shade(share));
                g.fill(new Rectangle2D.Double(left + j * CELL, TOP + i * CELL, CELL, CELL));
            }
        }
        g.setColor(Palette.GREY);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(left, TOP, size * CELL, size * CELL));
        g.setColor(Palette.INK);
        for (int k = 0; k < size; k++) {
            String label = Integer.toString(k);
            g.drawString(label, (float) (left + k * CELL + CELL / 2 - 2), (float) (TOP - 3));
            g.drawString(label, (float) (left - 8), (float) (TOP + k * CELL + CELL / 2 + 3));
        }
        g.setColor(Color.BLACK);
    }
}
