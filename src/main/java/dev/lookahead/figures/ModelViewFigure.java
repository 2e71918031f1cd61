package dev.lookahead.figures;

import java.awt.BasicStroke;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * BertViz's model view: every block's attention, one small heatmap per block (columns, as wide
 * windows and paper columns suit) and head (rows), on one colour scale, so the whole model's reading
 * pattern shows at a glance.
 */
public final class ModelViewFigure implements Figure {
    private static final double CELL = 3;
    private static final double GAP = 14;
    private static final double LEFT = 44;
    private static final double TOP = 34;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 7);

    private final float[][][][] patterns;
    private final int n;

    /** @param patterns [layer][head][query][key] */
    public ModelViewFigure(float[][][][] patterns) {
        this.patterns = patterns;
        this.n = patterns.length == 0 ? 0 : patterns[0][0].length;
    }

    private int heads() {
        return patterns.length == 0 ? 0 : patterns[0].length;
    }

    private double tile() {
        return n * CELL;
    }

    @Override
    public double width() {
        return LEFT + patterns.length * (tile() + GAP) + 10;
    }

    @Override
    public double height() {
        return TOP + heads() * (tile() + GAP) + 6;
    }

    /** The entry under a point of the figure at its natural size: {layer, head, query, key}, or null. */
    public int[] entryAt(double x, double y) {
        double step = tile() + GAP;
        int layer = (int) Math.floor((x - LEFT) / step);
        int head = (int) Math.floor((y - TOP) / step);
        if (x < LEFT || y < TOP || head >= heads() || layer >= patterns.length) return null;
        int key = (int) Math.floor((x - LEFT - layer * step) / CELL);
        int query = (int) Math.floor((y - TOP - head * step) / CELL);
        if (key >= n || query >= n) return null;
        return new int[] {layer, head, query, key};
    }

    /** What a hover over an entry shows: where it is and the exact weight. */
    public String describe(int[] entry) {
        return String.format("block %d, head %d: query %d reads key %d with weight %.4f", entry[0] + 1, entry[1], entry[2], entry[3],
                patterns[entry[0]][entry[1]][entry[2]][entry[3]]);
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, "Model view: attention per block (columns) and head (rows)");
        g.setFont(SMALL);
        double step = tile() + GAP;
        for (int l = 0; l < patterns.length; l++) {
            g.setColor(Palette.INK);
            g.drawString("block " + (l + 1), (float) (LEFT + l * step), (float) (TOP - 4));
        }
        for (int h = 0; h < heads(); h++) {
            double y0 = TOP + h * step;
            g.setColor(Palette.INK);
            g.drawString("head " + h, 4f, (float) (y0 + tile() / 2 + 3));
            for (int l = 0; l < patterns.length; l++) {
                double x0 = LEFT + l * step;
                for (int i = 0; i < n; i++) {
                    for (int j = 0; j < n; j++) {
                        g.setColor(AttentionFigure.shade(patterns[l][h][i][j]));
                        g.fill(new Rectangle2D.Double(x0 + j * CELL, y0 + i * CELL, CELL, CELL));
                    }
                }
                g.setColor(Palette.GREY);
                g.setStroke(new BasicStroke(0.4f));
                g.draw(new Rectangle2D.Double(x0, y0, tile(), tile()));
            }
        }
    }
}
