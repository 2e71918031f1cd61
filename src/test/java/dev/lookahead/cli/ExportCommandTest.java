package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import javax.xml.parsers.DocumentBuilderFactory;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** export: every view of a graph in every format, valid and readable. */
class ExportCommandTest {
    @TempDir
    Path dir;

    @Test
    void everyViewExportsInEveryFormat() throws Exception {
        Path model = dir.resolve("model");
        try (SearchModel random = SearchModel.create(new ModelConfig(32, 2, 16, 1, false, false), Device.cpu(), 5)) {
            ModelFiles.save(random, model);
        }
        Path figures = dir.resolve("figures");
        assertThat(LookaheadCommand.execute("export", "--graph", "samples/worked-example.json", "--model", model.toString(),
                "--scale", "2", "--out", figures.toString())).isZero();
        String[] views = {"graph-layer0", "graph-layer1", "graph-layer2", "attention-layer0", "attention-layer1", "tokens-layer0",
            "tokens-layer1", "prediction", "set-sizes"};
        DocumentBuilderFactory factory = DocumentBuilderFactory.newInstance();
        factory.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
        for (String view : views) {
            BufferedImage png = ImageIO.read(figures.resolve(view + ".png").toFile());
            assertThat(png).as(view).isNotNull();
            assertThat(png.getWidth()).isGreaterThan(200);
            factory.newDocumentBuilder().parse(figures.resolve(view + ".svg").toFile());
            try (PDDocument pdf = Loader.loadPDF(figures.resolve(view + ".pdf").toFile())) {
                assertThat(pdf.getNumberOfPages()).isEqualTo(1);
            }
        }
        // the vertex labels stay text in the vector formats
        String svg = Files.readString(figures.resolve("graph-layer1.svg"));
        assertThat(svg).contains("<text").contains(">5<").contains(">7<");
        assertThat(Files.exists(figures.resolve("attention-layer2.png"))).as("no attention after the last block").isFalse();
    }
}
