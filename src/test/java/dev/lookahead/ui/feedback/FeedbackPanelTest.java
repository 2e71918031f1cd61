package dev.lookahead.ui.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.feedback.BotTurnSignals;
import dev.lookahead.feedback.SignalReport;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Feedback panel in the real window, headless under Monocle. */
class FeedbackPanelTest extends WindowTest {
    @TempDir
    Path dir;

    /** Selects a tab by its title, so that a screenshot never shows another tab when the tabs are reordered. */
    private static void select(TabPane pane, String title) {
        pane.getSelectionModel().select(pane.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst()
                .orElseThrow(() -> new AssertionError("no tab \"" + title + "\"")));
    }

    @Test
    void openTheSampleDragKFindADisagreementReadWhyAndExportACharts() throws Exception {
        FeedbackPanel panel = app.feedback();
        var task = new javafx.concurrent.Task<?>[1];
        FxTesting.onFx(() -> {
            select((TabPane) stage.getScene().lookup(".tab-pane"), "Feedback");
            task[0] = panel.open(Path.of("samples", "dialogue", "synthetic-log.jsonl"));
        });
        task[0].get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        FxTesting.onFx(() -> {
            assertThat(panel.report().conversations()).isEqualTo(150);
            assertThat(panel.report().signals()).contains("length_5", "length_20", "joy_length", "liked");
            assertThat(panel.chartFigures()).hasSize(6);
        });

        // moving k adds its length signal and relabels every turn
        FxTesting.onFx(() -> {
            panel.kSlider().setValue(12);
            panel.relabelNow();
            SignalReport report = panel.report();
            assertThat(report.signals()).contains("length_12");
            double rate12 = report.rate("length_12", "all").value();
            assertThat(rate12).isLessThan(report.rate("length_5", "all").value()).isGreaterThan(report.rate("length_20", "all").value());
        });

        FxTesting.onFx(() -> {
            panel.showDisagreements("length_5", "joy_length");
            assertThat(panel.turnList().getItems()).isNotEmpty();
            for (BotTurnSignals turn : panel.turnList().getItems()) {
                Map<String, Boolean> values = SignalReport.values(turn);
                assertThat(values.get("length_5")).isNotEqualTo(values.get("joy_length"));
            }
            panel.turnList().getSelectionModel().select(0);
            String shown = panel.detail().lookupAll(".label").stream().map(n -> ((Label) n).getText()).reduce("", (a, b) -> a + "\n" + b);
            assertThat(shown).contains("words (the sentiment and joy signals need 5)").contains("VADER compound").contains("joy:");
        });
        TabPane views = (TabPane) panel.lookup(".tab-pane");
        TabPane window = (TabPane) stage.getScene().lookup(".tab-pane");
        FxTesting.onFx(() -> {
            select(views, "Browse");
            assertThat(window.getSelectionModel().getSelectedItem().getText()).as("the screenshot shows the Feedback tab").isEqualTo("Feedback");
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "feedback-browse.png"));
        FxTesting.onFx(() -> {
            select(views, "Lengths and turns");
            assertThat(window.getSelectionModel().getSelectedItem().getText()).isEqualTo("Feedback");
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "feedback-charts.png"));

        Path pdf = dir.resolve("lengths.pdf");
        FxTesting.onFx(() -> panel.export(panel.chartFigures().get(0), pdf));
        assertThat(Files.size(pdf)).isGreaterThan(1000);
        assertThat(new String(Files.readAllBytes(pdf), java.nio.charset.StandardCharsets.ISO_8859_1)).startsWith("%PDF");
    }
}
