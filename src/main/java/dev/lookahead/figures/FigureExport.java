package dev.lookahead.figures;

import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2D;
import de.rototor.pdfbox.graphics2d.PdfBoxGraphics2DFontTextDrawerDefaultFonts;
import dev.lookahead.io.AtomicFiles;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.apache.batik.dom.GenericDOMImplementation;
import org.apache.batik.svggen.SVGGeneratorContext;
import org.apache.batik.svggen.SVGGraphics2D;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.pdmodel.PDPage;
import org.apache.pdfbox.pdmodel.PDPageContentStream;
import org.apache.pdfbox.pdmodel.common.PDRectangle;
import org.apache.pdfbox.pdmodel.graphics.form.PDFormXObject;
import org.w3c.dom.Document;

/**
 * Writes a {@link Figure} as PNG (scaled for print), SVG (Apache Batik) or PDF (PDFBox), each
 * atomically. In the vector formats text stays text: SVG {@code <text>} elements, and PDF text in the
 * standard fonts, so a figure's labels can be searched and edited.
 */
public final class FigureExport {
    private FigureExport() {
    }

    /** Writes {@code figure} to {@code file} in {@code format}; {@code scale} multiplies the PNG's pixels. */
    public static void write(Figure figure, FigureFormat format, Path file, double scale) throws IOException {
        switch (format) {
            case PNG -> png(figure, file, scale);
            case SVG -> svg(figure, file);
            case PDF -> pdf(figure, file);
        }
    }

    /** The figure as an image of {@code scale} pixels per point (white background). */
    public static BufferedImage image(Figure figure, double scale) {
        int w = (int) Math.ceil(figure.width() * scale);
        int h = (int) Math.ceil(figure.height() * scale);
        BufferedImage image = new BufferedImage(w, h, BufferedImage.TYPE_INT_ARGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_TEXT_ANTIALIASING, RenderingHints.VALUE_TEXT_ANTIALIAS_ON);
            g.setRenderingHint(RenderingHints.KEY_STROKE_CONTROL, RenderingHints.VALUE_STROKE_PURE);
            g.setColor(java.awt.Color.WHITE);
            g.fillRect(0, 0, w, h);
            g.scale(scale, scale);
            figure.draw(g, figure.width(), figure.height());
        } finally {
            g.dispose();
        }
        return image;
    }

    private static void png(Figure figure, Path file, double scale) throws IOException {
        if (!(scale > 0) || scale > 16) throw new IllegalArgumentException("the PNG scale must be above 0 and at most 16 (got " + scale + ")");
        BufferedImage image = image(figure, scale);
        AtomicFiles.writeBytes(file, out -> {
            if (!ImageIO.write(image, "png", out)) throw new IOException("no PNG writer in this Java runtime");
        });
    }

    private static void svg(Figure figure, Path file) throws IOException {
        Document document = GenericDOMImplementation.getDOMImplementation().createDocument("http://www.w3.org/2000/svg", "svg", null);
        SVGGeneratorContext context = SVGGeneratorContext.createDefault(document);
        context.setComment("drawn by lookahead");
        SVGGraphics2D g = new SVGGraphics2D(context, false);
        g.setSVGCanvasSize(new java.awt.Dimension((int) Math.ceil(figure.width()), (int) Math.ceil(figure.height())));
        figure.draw(g, figure.width(), figure.height());
        AtomicFiles.writeBytes(file, out -> {
            Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
            g.stream(writer, true);
            writer.flush();
        });
        g.dispose();
    }

    private static void pdf(Figure figure, Path file) throws IOException {
        try (PDDocument document = new PDDocument()) {
            float w = (float) figure.width();
            float h = (float) figure.height();
            PDPage page = new PDPage(new PDRectangle(w, h));
            document.addPage(page);
            PdfBoxGraphics2D g = new PdfBoxGraphics2D(document, w, h);
            // text as PDF text in the standard fonts rather than as outlines
            g.setFontTextDrawer(new PdfBoxGraphics2DFontTextDrawerDefaultFonts());
            try {
                figure.draw(g, w, h);
            } finally {
                g.dispose();
            }
            PDFormXObject form = g.getXFormObject();
            try (PDPageContentStream content = new PDPageContentStream(document, page)) {
                content.drawForm(form);
            }
            AtomicFiles.writeBytes(file, document::save);
        }
    }
}
