package dev.lookahead.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.proofs.ProofReport;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.w3c.dom.Document;

class FigureExportTest {
    @TempDir
    Path dir;

    static ProofReport sampleReport() {
        ProofReport report = new ProofReport();
        for (int k = 0; k < 40; k++) {
            String rule = k % 2 == 0 ? "ModusPonens" : "OrElim";
            boolean strict = k % 3 != 0;
            report.add(rule, 1 + k % 3, 2, k % 4 == 0 ? "ood" : "in-distribution", strict, strict || k % 5 == 0, strict,
                    List.of("correct", "correct", strict ? "correct" : "invalid"), 0, strict ? null : "invalid",
                    strict ? java.util.Map.of("correct_steps", List.of(0, 1, 2)) : java.util.Map.of("correct_steps", List.of(0, 1), "incorrect_steps", List.of(2)));
        }
        return report;
    }

    @Test
    void aChartExportsInEveryFormatWithItsTextKeptAsText() throws Exception {
        Figure figure = ProofCharts.accuracy("Accuracy per rule", "rule", sampleReport().byRule());
        Path png = dir.resolve("accuracy.png");
        Path svg = dir.resolve("accuracy.svg");
        Path pdf = dir.resolve("accuracy.pdf");
        FigureExport.write(figure, FigureFormat.PNG, png, 3);
        FigureExport.write(figure, FigureFormat.SVG, svg, 1);
        FigureExport.write(figure, FigureFormat.PDF, pdf, 1);

        BufferedImage image = ImageIO.read(png.toFile());
        assertThat(image.getWidth()).isEqualTo((int) Math.ceil(figure.width() * 3));
        assertThat(image.getHeight()).isEqualTo((int) Math.ceil(figure.height() * 3));

        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        // the SVG 1.1 doctype names a DTD on the web; parse without fetching it
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        Document xml = factory.newDocumentBuilder().parse(svg.toFile());
        assertThat(xml.getDocumentElement().getNodeName()).isEqualTo("svg");
        assertThat(xml.getElementsByTagName("text").getLength()).isPositive();
        assertThat(Files.readString(svg)).contains("ModusPonens").contains("OrElim");

        try (PDDocument document = Loader.loadPDF(pdf.toFile())) {
            assertThat(document.getNumberOfPages()).isEqualTo(1);
            String text = new PDFTextStripper().getText(document);
            assertThat(text).contains("ModusPonens").contains("valid proof");
        }
    }

    @Test
    void everyProofChartDrawsInEveryFormat() throws Exception {
        ProofReport report = sampleReport();
        List<Figure> figures = List.of(ProofCharts.accuracy("By hops", "hops", report.byHops()),
                ProofCharts.stepLabels(report.labelsByRule(), ""), ProofCharts.firstErrors(report.firstErrors(), ""),
                ProofCharts.firstMistakes(report, " (paper semantics)"));
        for (int k = 0; k < figures.size(); k++) {
            for (FigureFormat format : FigureFormat.values()) {
                Path file = dir.resolve("chart" + k + "." + format.extension());
                FigureExport.write(figures.get(k), format, file, 2);
                assertThat(Files.size(file)).as(file.toString()).isGreaterThan(500);
            }
        }
        assertThat(FigureFormat.ofFile("a/b/chart.SVG")).isEqualTo(FigureFormat.SVG);
        assertThat(FigureFormat.ofFile("chart.txt")).isNull();
    }
}
