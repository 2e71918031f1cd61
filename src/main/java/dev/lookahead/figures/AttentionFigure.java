package dev.lookahead.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/**
 * One layer's attention pattern as a heatmap: query positions down, key positions across, each
 * labelled with its token, and a colour scale from 0 to 1 (white to dark blue, a single hue so that
 * order reads without colour vision).
 */
public final class AttentionFigure implements Figure {
    private static final double CELL = 9;
    private static final double LABELS = 30;
    private static final double TITLE = 20;
    private static final double SCALE = 50;
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 6);

    private final float[][] pattern;
    private final String[] tokens;
    private final String title;

    public AttentionFigure(float[][] pattern, String[] tokens, String title) {
        this.pattern = pattern;
        this.tokens = tokens;
        this.title = title;
    }

    @Override
    public double width() {
        return LABELS + tokens.length * CELL + SCALE + 10;
    }

    @Override
    public double height() {
        return TITLE + LABELS + tokens.length * CELL + 10;
    }

    /** The cell under a point of the figure at its natural size: {query, key}, or null. */
    public int[] cellAt(double x, double y) {
        double top = TITLE + LABELS;
        int key = (int) Math.floor((x - LABELS) / CELL);
        int query = (int) Math.floor((y - top) / CELL);
        if (x < LABELS || y < top || key >= tokens.length || query >= tokens.length) return null;
        return new int[] {query, key};
    }

    /** What a hover over a cell shows: the tokens at both ends and the exact weight. */
    public String describe(int query, int key) {
        return String.format("query %d (%s) reads key %d (%s) with weight %.4f", query, tokens[query], key, tokens[key], pattern[query][key]);
    }

    /** A vertical colour scale from 1 (top) to 0 (bottom), labelled at both ends, in the current font. */
    static void scale(Graphics2D g, double x, double top, double height) {
        for (int k = 0; k < 50; k++) {
            g.setColor(shade(1 - k / 49.0));
            g.fill(new Rectangle2D.Double(x, top + k * height / 50, 10, height / 50 + 0.5));
        }
        g.setColor(Palette.INK);
        g.drawString("1", (float) (x + 13), (float) (top + 6));
        g.drawString("0", (float) (x + 13), (float) (top + height));
    }

    /** White for 0, Okabe-Ito blue for 1. */
    static Color shade(double value) {
        double v = Math.max(0, Math.min(1, value));
        Color hi = Palette.BLUE;
        return new Color((int) Math.round(255 + (hi.getRed() - 255) * v), (int) Math.round(255 + (hi.getGreen() - 255) * v),
                (int) Math.round(255 + (hi.getBlue() - 255) * v));
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, title);
        double top = TITLE + LABELS;
        int n = tokens.length;
        for (int i = 0; i < n; i++) {
            for (int j = 0; j < n; j++) {
                g.setColor(shade(pattern[i][j]));
                g.fill(new Rectangle2D.Double(LABELS + j * CELL, top + i * CELL, CELL, CELL));
            }
        }
        g.setColor(Palette.GREY);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(LABELS, top, n * CELL, n * CELL));
        g.setFont(SMALL);
        g.setColor(Palette.INK);
        for (int i = 0; i < n; i++) {
            g.drawString(tokens[i], (float) (LABELS - 3 - g.getFontMetrics().stringWidth(tokens[i])), (float) (top + i * CELL + CELL - 2));
            AffineTransform saved = g.getTransform();
            g.translate(LABELS + i * CELL + CELL - 2, top - 3);
            g.rotate(-Math.PI / 2);
            g.drawString(tokens[i], 0f, 0f);
            g.setTransform(saved);
        }
        double sx = LABELS + n * CELL + 14;
        scale(g, sx, top, n * CELL);
        g.drawString("weight", (float) sx, (float) (top - 4));
        g.drawString("query position (down), key position (across)", (float) LABELS, (float) (height - 2));
    }
}
