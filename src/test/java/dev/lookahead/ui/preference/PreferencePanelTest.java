package dev.lookahead.ui.preference;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.figures.PathPairFigure;
import dev.lookahead.prefopt.Iterations;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A tiny IRPO run driven from the window: its charts appear, a pair opens on its graph, a chart exports; and the screenshot. */
class PreferencePanelTest extends WindowTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Override
    public void start(Stage stage) {
        super.start(stage);
        stage.setWidth(1280);
        stage.setHeight(860);
    }

    @Test
    void aTinyRunShowsItsChartsOpensAPairOnItsGraphAndExportsAChart() throws Exception {
        PreferencePanel panel = app.preference();
        Path out = dir.resolve("irpo");
        FxTesting.onFx(() -> {
            app.showTab("Preference");
            panel.open(out);
            panel.configure("n32-paths", "irpo", 1, 40, 6, 10);
            panel.runIterations();
        });
        FxTesting.waitUntil(() -> Files.exists(Iterations.iterationFolder(out, 1).resolve(Iterations.EVAL)) && !panel.running()
                && !panel.loading(), "the iteration ends and its folder is read");
        FxTesting.onFx(() -> {
            assertThat(panel.charts()).as("whole paths per lookahead, vote shares, vote share vs accuracy, losses").hasSizeGreaterThanOrEqualTo(6);
            assertThat(panel.pairList()).isNotEmpty();
            panel.selectPair(0);
            assertThat(panel.pairFigure()).isInstanceOf(PathPairFigure.class);
            panel.exportChart(0, dir.resolve("chart.svg"));
        });
        FxTesting.waitUntil(() -> Files.exists(dir.resolve("chart.svg")), "the chart is written");
        assertThat(Files.readString(dir.resolve("chart.svg"))).contains("<svg");
        FxTesting.snapshot(stage.getScene(), SHOTS.resolve("preference-panel.png"));
    }
}
