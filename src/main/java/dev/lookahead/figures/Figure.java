package dev.lookahead.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;

/**
 * A view drawn once through Java2D, so that the window and the {@code export} command produce the
 * same picture as PNG, SVG or PDF, with no display needed. Sizes are in points (1/72 inch): a
 * two-column paper's column is about 240 points wide.
 */
public interface Figure {
    /** The figure's natural width in points. */
    double width();

    /** The figure's natural height in points. */
    double height();

    /** Draws the figure into the rectangle (0, 0, width, height) of {@code g}. */
    void draw(Graphics2D g, double width, double height);

    /** The start of most drawings: a white page and the title in the top-left corner, in ink. */
    static void page(Graphics2D g, double width, double height, String title) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        g.setColor(Palette.INK);
        g.setFont(ChartStyle.TITLE);
        g.drawString(title, 4f, 13f);
    }
}
