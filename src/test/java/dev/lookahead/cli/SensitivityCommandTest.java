package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lookahead.io.Json;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class SensitivityCommandTest {
    @TempDir
    Path dir;

    @Test
    void theGridComesOutAsJsonWithIntervalsAndAsAFigure() throws Exception {
        for (int seed = 1; seed <= 2; seed++) {
            try (SearchModel random = SearchModel.create(new ModelConfig(20, 1, 4, 1, false, false), Device.cpu(), seed)) {
                ModelFiles.save(random, dir.resolve("model-" + seed));
            }
        }
        Path json = dir.resolve("grid.json");
        Path pdf = dir.resolve("grid.pdf");
        assertThat(LookaheadCommand.execute("sensitivity", "--model", dir.resolve("model-1").toString(), "--model",
                dir.resolve("model-2").toString(), "--label", "first", "--label", "second", "--test-per-column", "20",
                "--json", json.toString(), "--figure", pdf.toString())).isZero();
        var grid = Json.MAPPER.readTree(json.toFile());
        assertThat(grid.get("models").toString()).isEqualTo("[\"first\",\"second\"]");
        assertThat(grid.get("columns")).hasSize(4);
        var cell = grid.get("accuracy").get(1).get(3);
        assertThat(cell.get("trials").asInt()).isEqualTo(20);
        assertThat(cell.get("lower").asDouble()).isLessThanOrEqualTo(cell.get("value").asDouble());
        assertThat(new String(Files.readAllBytes(pdf), 0, 5)).isEqualTo("%PDF-");

        assertThat(LookaheadCommand.execute("sensitivity", "--model", dir.resolve("model-1").toString(), "--label", "a", "--label", "b"))
                .isEqualTo(2);
        assertThat(LookaheadCommand.execute("sensitivity", "--model", dir.resolve("model-1").toString(), "--test-per-column", "5",
                "--figure", dir.resolve("grid.gif").toString())).isEqualTo(2);
    }
}
