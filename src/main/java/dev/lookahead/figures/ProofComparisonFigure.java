package dev.lookahead.figures;

import dev.lookahead.proofs.CheckedProof;
import dev.lookahead.proofs.ProofComparison;
import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.FontMetrics;
import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.util.List;

/**
 * The proof comparison as a figure: gold and candidate proofs in two aligned columns, each step with
 * its label colour, rule and premises, assumption scopes as indented bars, the first error outlined.
 */
public final class ProofComparisonFigure implements Figure {
    private static final Font TITLE = new Font(Font.SANS_SERIF, Font.BOLD, 10);
    private static final Font TEXT = new Font(Font.SANS_SERIF, Font.PLAIN, 9);
    private static final Font SMALL = new Font(Font.SANS_SERIF, Font.PLAIN, 7);
    private static final double MARGIN = 12;
    private static final double COLUMN = 300;
    private static final double GAP = 14;
    private static final double ROW = 27;
    private static final double HEADER = 46;
    private static final double LEGEND = 22;
    private static final double INDENT = 8;

    private final ProofComparison comparison;

    public ProofComparisonFigure(ProofComparison comparison) {
        this.comparison = comparison;
    }

    @Override
    public double width() {
        return 2 * MARGIN + 2 * COLUMN + GAP;
    }

    @Override
    public double height() {
        return HEADER + comparison.rows().size() * ROW + LEGEND + MARGIN;
    }

    @Override
    public void draw(Graphics2D g, double width, double height) {
        g.setColor(Color.WHITE);
        g.fill(new Rectangle2D.Double(0, 0, width, height));
        CheckedProof candidate = comparison.candidate();
        g.setColor(Palette.INK);
        g.setFont(TITLE);
        g.drawString(fit(g, comparison.query() == null ? "" : comparison.query(), 2 * COLUMN + GAP), (float) MARGIN, (float) (MARGIN + 8));
        g.setFont(TEXT);
        String verdict = "candidate (" + candidate.semantics().id() + " semantics): " + candidate.verdict().replace('_', ' ')
                + (candidate.firstError() == null ? "" : ", first error at step " + (candidate.firstError() + 1));
        g.drawString(verdict, (float) MARGIN, (float) (MARGIN + 21));
        g.setFont(TITLE);
        g.drawString("Gold proof", (float) MARGIN, (float) (HEADER - 4));
        g.drawString("Candidate proof", (float) (MARGIN + COLUMN + GAP), (float) (HEADER - 4));

        List<ProofComparison.Row> rows = comparison.rows();
        for (int r = 0; r < rows.size(); r++) {
            double y = HEADER + r * ROW;
            ProofComparison.Row row = rows.get(r);
            if (row.gold() != null) cell(g, comparison.gold(), row.gold(), MARGIN, y, false);
            if (row.candidate() != null) {
                cell(g, candidate, row.candidate(), MARGIN + COLUMN + GAP, y, row.candidate().equals(candidate.firstError()));
            }
        }
        legend(g, height - MARGIN - 6);
    }

    private void cell(Graphics2D g, CheckedProof proof, int index, double x, double y, boolean firstError) {
        CheckedProof.Step step = proof.steps().get(index);
        double indent = step.depth() * INDENT;
        g.setStroke(new BasicStroke(1f));
        for (int d = 0; d < step.depth(); d++) {
            g.setColor(Palette.GREY);
            g.draw(new java.awt.geom.Line2D.Double(x + 2 + d * INDENT, y + 1, x + 2 + d * INDENT, y + ROW - 2));
        }
        double left = x + indent;
        g.setColor(Palette.stepLabel(step.label().id()));
        g.fill(new Rectangle2D.Double(left + 4, y + 2, 4, ROW - 6));
        if (step.misleading()) {
            g.setColor(Palette.YELLOW);
            g.fill(new Rectangle2D.Double(left + 9, y + 2, 3, ROW - 6));
        }
        if (firstError) {
            g.setColor(Palette.VERMILLION);
            g.setStroke(new BasicStroke(1.5f));
            g.draw(new Rectangle2D.Double(left + 1, y, COLUMN - indent - 2, ROW - 2));
        }
        g.setColor(Palette.INK);
        g.setFont(TEXT);
        double textLeft = left + 15;
        double room = COLUMN - indent - 18;
        g.drawString(fit(g, (index + 1) + ". " + step.text(), room), (float) textLeft, (float) (y + 11));
        g.setFont(SMALL);
        g.setColor(Palette.GREY);
        g.drawString(fit(g, step.summary() + (firstError ? "  - first error" : ""), room), (float) textLeft, (float) (y + 21));
    }

    private void legend(Graphics2D g, double y) {
        double x = MARGIN;
        g.setFont(SMALL);
        for (String label : List.of("correct", "non_atomic", "skip", "invalid", "unparseable", "misleading")) {
            g.setColor(Palette.stepLabel(label));
            g.fill(new Rectangle2D.Double(x, y - 7, 8, 8));
            g.setColor(Palette.INK);
            String name = label.replace('_', '-');
            g.drawString(name, (float) (x + 11), (float) y);
            x += 18 + g.getFontMetrics().stringWidth(name);
        }
    }

    /** The text, cut with an ellipsis to fit {@code room} points. */
    private static String fit(Graphics2D g, String text, double room) {
        FontMetrics metrics = g.getFontMetrics();
        if (metrics.stringWidth(text) <= room) return text;
        String cut = text;
        while (!cut.isEmpty() && metrics.stringWidth(cut + "…") > room) cut = cut.substring(0, cut.length() - 1);
        return cut + "…";
    }
}
