package dev.lookahead.figures;

import dev.lookahead.interp.PatchingMap;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.Locale;

/**
 * The activation-patching heatmap (docs/interventions.md): one row per residual stream (entering block 1 at the
 * bottom, leaving the last block at the top), one column per token; each cell the share of the logit difference that
 * patching that position's stream from the clean run into the corrupted run restores - blue towards 1 (restored),
 * white at 0, vermillion below 0.
 */
public final class PatchingFigure implements Figure {
    private static final double CELL = 11;
    private static final double LEFT = 48;
    private static final double TOP = 24;
    private static final double BOTTOM = 34;
    private static final Font TEXT = new Font(Font.MONOSPACED, Font.PLAIN, 7);

    private final PatchingMap map;
    private final String[] tokens;
    private final String title;

    public PatchingFigure(PatchingMap map, String[] tokens, String title) {
        this.map = map;
        this.tokens = tokens.clone();
        this.title = title;
    }

    public PatchingMap map() {
        return map;
    }

    @Override
    public double width() {
        return LEFT + tokens.length * CELL + 8;
    }

    @Override
    public double height() {
        return TOP + map.mean().length * CELL + BOTTOM;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, title);
        g.setFont(TEXT);
        int rows = map.mean().length;
        for (int layer = 0; layer < rows; layer++) {
            double y = TOP + (rows - 1 - layer) * CELL;
            g.setColor(Palette.GREY);
            g.drawString(layer == rows - 1 ? "out " + layer : "into " + (layer + 1), 2f, (float) (y + CELL - 3));
            for (int p = 0; p < tokens.length; p++) {
                g.setColor(colour(map.mean()[layer][p]));
                g.fill(new Rectangle2D.Double(LEFT + p * CELL, y, CELL - 1, CELL - 1));
            }
        }
        g.setColor(Palette.INK);
        for (int p = 0; p < tokens.length; p++) {
            String label = tokens[p].equals("PAD") ? "." : tokens[p]; // padding: a dot, so that the row of labels stays legible
            g.drawString(label, (float) (LEFT + p * CELL + (CELL - 1 - g.getFontMetrics().stringWidth(label)) / 2), (float) (TOP + rows * CELL + 8));
        }
        g.setColor(Palette.GREY);
        g.drawString(String.format(Locale.ROOT, "share of the logit difference restored (blue 1, white 0); clean %.2f, corrupted %.2f; %d input%s",
                map.cleanLogitDifference(), map.corruptedLogitDifference(), map.inputs(), map.inputs() == 1 ? "" : "s"), 2f, (float) (height - 4));
    }

    /** White at 0, blue at 1 and above, vermillion at -1 and below. */
    static Color colour(double share) {
        if (Double.isNaN(share)) return new Color(0xEEEEEE);
        double t = Math.min(1, Math.abs(share));
        Color end = share >= 0 ? Palette.BLUE : Palette.VERMILLION;
        return new Color(mix(255, end.getRed(), t), mix(255, end.getGreen(), t), mix(255, end.getBlue(), t));
    }

    private static int mix(int from, int to, double t) {
        return (int) Math.round(from + (to - from) * t);
    }

    /** The cell's value under a point (figure coordinates) as text, or null off the grid. */
    public String describe(double x, double y) {
        int rows = map.mean().length;
        int p = (int) Math.floor((x - LEFT) / CELL);
        int row = (int) Math.floor((y - TOP) / CELL);
        if (p < 0 || p >= tokens.length || row < 0 || row >= rows) return null;
        int layer = rows - 1 - row;
        return String.format(Locale.ROOT, "%s at position %d, stream %s: %.3f restored", tokens[p], p,
                layer == rows - 1 ? "leaving block " + layer : "entering block " + (layer + 1), map.mean()[layer][p]);
    }
}
