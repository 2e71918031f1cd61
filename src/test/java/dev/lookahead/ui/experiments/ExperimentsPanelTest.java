package dev.lookahead.ui.experiments;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.experiments.Sweep;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny sweep run from the window, its table and plots, and the sensitivity heatmap of its models. */
class ExperimentsPanelTest extends WindowTest {
    @TempDir
    Path dir;

    @Test
    void aSweepRunsFromTheWindowAndItsModelsFillTheHeatmap() throws Exception {
        ExperimentsPanel panel = app.experiments();
        Path spec = dir.resolve("spec.json");
        Files.writeString(spec, """
                {"n": [20], "layers": [1], "hidden": [4], "distribution": ["naive", "balanced"], "seeds": [1],
                 "examples": 1280, "batch": 64, "warmup": 5, "eval_per_lookahead": 20}""");
        Path folder = dir.resolve("sweep");
        FxTesting.onFx(() -> {
            panel.specField().setText(spec.toString());
            panel.folderField().setText(folder.toString());
            panel.runSweep();
        });
        FxTesting.waitUntil(() -> !panel.sweepRunning() && panel.resultRows() == 2, "both jobs finish");
        FxTesting.onFx(() -> assertThat(panel.chartCount()).isEqualTo(4));
        assertThat(folder.resolve(Sweep.TABLE)).exists();

        FxTesting.onFx(() -> {
            panel.addModel(folder.resolve("jobs/n20-l1-h4-naive-s1").toString());
            panel.addModel(folder.resolve("jobs/n20-l1-h4-balanced-s1").toString());
            panel.computeSensitivity();
        });
        FxTesting.waitUntil(() -> panel.grid() != null, "the heatmap is computed");
        FxTesting.onFx(() -> {
            assertThat(panel.grid().models()).containsExactly("n20-l1-h4-naive-s1", "n20-l1-h4-balanced-s1");
            assertThat(panel.grid().columns()).contains("naive", "star", "balanced L=2");
        });
    }
}
