package dev.lookahead.figures;

import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;
import java.util.Locale;

/**
 * The position-consistency matrix: for each (item, judge) judged in both orders, its winner when a was shown first
 * (row) against its winner when b was shown first (column). The diagonal is consistency; a heavy (a, b) cell means
 * the judge picks whichever response comes first.
 */
public final class ConsistencyMatrixFigure implements Figure {
    private static final double CELL = 54;
    private static final double LEFT = 110;
    private static final double TOP = 62;
    private static final List<String> NAMES = List.of("a", "b", "tie");

    private final long[][] counts;

    /** @param counts [row winner a-first][column winner b-first], in the order a, b, tie */
    public ConsistencyMatrixFigure(long[][] counts) {
        this.counts = counts;
    }

    @Override
    public double width() {
        return Math.max(300, LEFT + 3 * CELL + 16);
    }

    @Override
    public double height() {
        return TOP + 3 * CELL + 30;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, "Position consistency");
        long total = 0;
        long max = 1;
        for (long[] row : counts) {
            for (long c : row) {
                total += c;
                max = Math.max(max, c);
            }
        }
        g.setFont(GraphFigure.TEXT);
        g.setColor(Palette.INK);
        g.drawString("winner shown b first", (float) LEFT, (float) (TOP - 22));
        g.drawString("winner shown a first", 6f, (float) (TOP - 6));
        for (int c = 0; c < 3; c++) g.drawString(NAMES.get(c), (float) (LEFT + c * CELL + CELL / 2 - 4), (float) (TOP - 6));
        for (int r = 0; r < 3; r++) {
            g.setColor(Palette.INK);
            g.drawString(NAMES.get(r), (float) (LEFT - 8 - g.getFontMetrics().stringWidth(NAMES.get(r))), (float) (TOP + r * CELL + CELL / 2 + 3));
            for (int c = 0; c < 3; c++) {
                double t = counts[r][c] / (double) max;
                Color blue = r == c ? Palette.BLUE : Palette.VERMILLION;
                g.setColor(new Color((int) (255 + (blue.getRed() - 255) * t), (int) (255 + (blue.getGreen() - 255) * t),
                        (int) (255 + (blue.getBlue() - 255) * t)));
                g.fill(new Rectangle2D.Double(LEFT + c * CELL, TOP + r * CELL, CELL - 2, CELL - 2));
                g.setColor(t > 0.6 ? Color.WHITE : Palette.INK);
                g.drawString(Long.toString(counts[r][c]), (float) (LEFT + c * CELL + CELL / 2 - 6), (float) (TOP + r * CELL + CELL / 2 + 3));
            }
        }
        long diagonal = counts[0][0] + counts[1][1] + counts[2][2];
        g.setColor(Palette.INK);
        g.drawString(String.format(Locale.ROOT, "consistent %d of %d", diagonal, total), (float) LEFT, (float) (TOP + 3 * CELL + 16));
    }
}
