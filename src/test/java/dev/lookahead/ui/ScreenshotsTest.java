package dev.lookahead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;

/**
 * The window as the documentation shows it, with the shipped default model: a sample traced in the
 * Explorer, and the Experiments tab on the scaling sweep reported in docs/experiments.md. The PNGs go
 * to target/screenshots/; docs/images/ holds copies.
 */
class ScreenshotsTest extends WindowTest {
    private static final Path SHOTS = Path.of("target", "screenshots");

    @Override
    public void start(Stage stage) {
        super.start(stage);
        stage.setWidth(1280);
        stage.setHeight(860);
    }

    @Test
    void theExplorerTracesASampleWithTheShippedModelAndTheExperimentsTabShowsASweep() throws Exception {
        FxTesting.waitUntil(() -> app.explorer().modelInfoProperty().get().startsWith("default"), "the default model loads");
        FxTesting.onFx(() -> app.open(Path.of("samples", "balanced-lookahead-4.json")));
        FxTesting.onFx(app.explorer()::runModel);
        FxTesting.waitUntil(() -> !app.explorer().modelBusy() && app.explorer().modelInfoProperty().get().contains("trace"), "the trace");
        FxTesting.onFx(() -> {
            app.explorer().stepLayer(-4); // after block 2
            assertThat(app.explorer().graphView().marks()).isNotEmpty();
            app.explorer().showView("model-view");
        });
        FxTesting.snapshot(stage.getScene(), SHOTS.resolve("explorer-traced.png"));

        Path sweep = Path.of("docs", "experiments", "scaling");
        if (Files.isDirectory(sweep)) {
            FxTesting.onFx(() -> {
                app.showTab("Experiments");
                app.experiments().showSweep(sweep);
            });
            FxTesting.waitUntil(() -> app.experiments().chartCount() == 4, "the sweep's plots");
            FxTesting.snapshot(stage.getScene(), SHOTS.resolve("experiments.png"));
        }
    }

    @Test
    void thePreferenceTabComparesTheMethodsOfDocsPreference() throws Exception {
        Path runs = Path.of("docs", "experiments", "preference", "runs");
        if (!Files.isDirectory(runs.resolve("scpo"))) return;
        FxTesting.onFx(() -> {
            app.showTab("Preference");
            var panel = app.preference();
            panel.open(runs.resolve("scpo"));
            for (String method : java.util.List.of("irpo", "dpo", "rft", "sft")) panel.compare(runs.resolve(method));
            for (String reward : java.util.List.of("bradley-terry", "with-critiques")) {
                panel.addRewardModel(Path.of("docs", "experiments", "preference", "reward", reward));
            }
        });
        FxTesting.waitUntil(() -> app.preference().charts().size() >= 6, "the comparison's charts");
        FxTesting.snapshot(stage.getScene(), SHOTS.resolve("preference.png"));
    }
}
