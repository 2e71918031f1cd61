package dev.lookahead.figures;

import dev.lookahead.experiments.SensitivityGrid;
import dev.lookahead.stats.Proportion;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.geom.AffineTransform;
import java.awt.geom.Rectangle2D;

/**
 * The sensitivity heatmap: a row per model, a column per test distribution, each cell shaded by
 * accuracy (white 0 to blue 1) and printed with it, as in the paper's figure.
 */
public final class SensitivityFigure implements Figure {
    static final double CELL_WIDTH = 40;
    static final double CELL_HEIGHT = 22;
    private static final double TITLE = 22;
    private static final double COLUMN_LABELS = 62;
    private static final double SCALE = 46;
    private static final Font CELL = new Font(Font.SANS_SERIF, Font.PLAIN, 8);

    private final SensitivityGrid grid;
    private final double rowLabels;

    public SensitivityFigure(SensitivityGrid grid) {
        this.grid = grid;
        // as wide as the longest row label drawn in its font, so no label runs off the page
        var context = new java.awt.font.FontRenderContext(null, true, true);
        double longest = grid.models().stream().mapToDouble(name -> ChartStyle.LABEL.getStringBounds(name, context).getWidth())
                .max().orElse(30);
        rowLabels = 12 + longest;
    }

    @Override
    public double width() {
        return Math.max(300, rowLabels + grid.columns().size() * CELL_WIDTH + SCALE); // room for the title
    }

    @Override
    public double height() {
        return TITLE + COLUMN_LABELS + grid.models().size() * CELL_HEIGHT + 22;
    }

    /** The cell under a point of the figure as drawn at its natural size: {row, column}, or null. */
    public int[] cellAt(double x, double y) {
        double top = TITLE + COLUMN_LABELS;
        int column = (int) Math.floor((x - rowLabels) / CELL_WIDTH);
        int row = (int) Math.floor((y - top) / CELL_HEIGHT);
        if (x < rowLabels || y < top || row >= grid.models().size() || column >= grid.columns().size()) return null;
        return new int[] {row, column};
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        Figure.page(g, width, height, "Accuracy: models (rows) x test sets (columns)");
        double top = TITLE + COLUMN_LABELS;
        g.setFont(CELL);
        for (int r = 0; r < grid.models().size(); r++) {
            for (int c = 0; c < grid.columns().size(); c++) {
                Proportion p = grid.cells()[r][c];
                Rectangle2D cell = new Rectangle2D.Double(rowLabels + c * CELL_WIDTH, top + r * CELL_HEIGHT, CELL_WIDTH, CELL_HEIGHT);
                g.setColor(AttentionFigure.shade(p.value()));
                g.fill(cell);
                String text = p.trials() == 0 ? "-" : String.format("%.2f", p.value());
                g.setColor(p.value() > 0.6 ? Color.WHITE : Palette.INK);
                g.drawString(text, (float) (cell.getCenterX() - g.getFontMetrics().stringWidth(text) / 2.0), (float) (cell.getCenterY() + 3));
            }
        }
        g.setColor(Palette.GREY);
        g.setStroke(new BasicStroke(0.5f));
        g.draw(new Rectangle2D.Double(rowLabels, top, grid.columns().size() * CELL_WIDTH, grid.models().size() * CELL_HEIGHT));
        g.setColor(Palette.INK);
        g.setFont(ChartStyle.LABEL);
        for (int r = 0; r < grid.models().size(); r++) {
            String name = grid.models().get(r);
            g.drawString(name, (float) (rowLabels - 4 - g.getFontMetrics().stringWidth(name)), (float) (top + r * CELL_HEIGHT + CELL_HEIGHT / 2 + 3));
        }
        for (int c = 0; c < grid.columns().size(); c++) {
            AffineTransform saved = g.getTransform();
            g.translate(rowLabels + c * CELL_WIDTH + CELL_WIDTH / 2 + 3, top - 4);
            g.rotate(-Math.PI / 4);
            g.drawString(grid.columns().get(c), 0f, 0f);
            g.setTransform(saved);
        }
        g.setFont(CELL);
        AttentionFigure.scale(g, rowLabels + grid.columns().size() * CELL_WIDTH + 12, top, grid.models().size() * CELL_HEIGHT);
        g.drawString(String.format("%d test examples per cell (seed %d), test-set rules", grid.perColumn(), grid.seed()), 4f, (float) (height - 6));
    }
}
