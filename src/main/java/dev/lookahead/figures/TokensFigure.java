package dev.lookahead.figures;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.QuadCurve2D;
import java.awt.geom.Rectangle2D;

/**
 * The serialized input as a row of tokens, with arcs from one chosen token to the tokens it attends
 * to in a layer: an arc's width and darkness follow the attention weight; weights below 0.05 are left out.
 */
public final class TokensFigure implements Figure {
    private static final double BOX = 15;
    private static final double GAP = 2;
    private static final double TOP = 70;
    private static final Font TEXT = new Font(Font.MONOSPACED, Font.PLAIN, 7);

    private final String[] tokens;
    private final float[] weights;
    private final int chosen;
    private final String title;

    /** @param weights the chosen token's attention row (one weight per position) */
    public TokensFigure(String[] tokens, float[] weights, int chosen, String title) {
        this.tokens = tokens;
        this.weights = weights;
        this.chosen = chosen;
        this.title = title;
    }

    public String title() {
        return title;
    }

    @Override
    public double width() {
        return 12 + tokens.length * (BOX + GAP);
    }

    @Override
    public double height() {
        return TOP + BOX + 14;
    }

    private double centre(int position) {
        return 6 + position * (BOX + GAP) + BOX / 2;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, title);
        for (int j = 0; j < tokens.length; j++) {
            float w = weights[j];
            if (w < 0.05f || j == chosen) continue;
            double x1 = centre(chosen);
            double x2 = centre(j);
            double lift = Math.min(TOP - 24, 12 + Math.abs(x2 - x1) / 4);
            g.setColor(AttentionFigure.shade(0.25 + 0.75 * w));
            g.setStroke(new BasicStroke((float) (0.6 + 3 * w)));
            g.draw(new QuadCurve2D.Double(x1, TOP, (x1 + x2) / 2, TOP - lift, x2, TOP));
        }
        g.setFont(TEXT);
        for (int i = 0; i < tokens.length; i++) {
            double x = 6 + i * (BOX + GAP);
            g.setColor(i == chosen ? Palette.ORANGE : new Color(0xEEEEEE));
            g.fill(new Rectangle2D.Double(x, TOP, BOX, BOX));
            g.setColor(Palette.INK);
            String label = tokens[i];
            g.drawString(label, (float) (x + (BOX - g.getFontMetrics().stringWidth(label)) / 2), (float) (TOP + BOX - 5));
        }
        g.setColor(Palette.GREY);
        g.drawString("arcs: attention from the highlighted token (weight >= 0.05)", 6f, (float) (height - 2));
    }
}
