package dev.lookahead.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** A model in the Explorer: loaded, traced in the background, its sets drawn layer by layer. */
class ExplorerModelTest extends WindowTest {
    @TempDir
    Path dir;

    private void waitForIdle(ModelSection section) throws Exception {
        for (int k = 0; k < 600; k++) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean[] idle = new boolean[1];
            FxTesting.onFx(() -> idle[0] = section.running() == null);
            if (idle[0]) return;
            Thread.sleep(100);
        }
        throw new AssertionError("the model section stayed busy");
    }

    @Test
    void runningAModelTracesItOffTheUiThreadRingsItsSetsAndExportsEveryView() throws Exception {
        Path folder = dir.resolve("model");
        try (SearchModel random = SearchModel.create(new ModelConfig(32, 2, 16, 1, false, false), Device.cpu(), 3)) {
            ModelFiles.save(random, folder);
        }
        ModelSection section = app.explorer().modelSection();
        waitForIdle(section);
        FxTesting.onFx(() -> section.load(folder.toString()));
        waitForIdle(section);
        FxTesting.onFx(() -> section.lookupAll(".button").stream()
                .map(n -> (javafx.scene.control.Button) n).filter(b -> b.getText().equals("Run")).findFirst().orElseThrow().fire());
        waitForIdle(section);
        FxTesting.onFx(() -> {
            assertThat(section.trace()).isNotNull();
            assertThat(section.trace().layers()).hasSize(3);
            assertThat(section.layerSlider().getMax()).isEqualTo(2);
            section.layerSlider().setValue(0);
            int start = app.explorer().shownGraph().start();
            // an untrained model's trace keeps no circuit under the paper's rules: the graph is left unringed, and
            // the text says why rather than marking every reachable vertex missed
            assertThat(section.trace().explained()).isFalse();
            assertThat(app.explorer().graphView().marks()).isEmpty();
            assertThat(section.setDescription().getText()).contains("Vertex " + start).contains("none of its tokens is a node of the traced circuit");
            assertThat(app.explorer().viewCanvas("attention").figure()).isInstanceOf(dev.lookahead.figures.AttentionFigure.class);
            assertThat(app.explorer().viewCanvas("set-sizes").figure()).isNotNull();
            app.explorer().selectView("attention");
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "explorer-trace.png"));
        // clicking a vertex token of the strip locks it: Token arcs draws what that token reads
        javafx.scene.Node[] token = new javafx.scene.Node[1];
        FxTesting.onFx(() -> {
            app.explorer().selectView("graph");
            token[0] = app.explorer().lookupAll(".token.vertex").iterator().next();
        });
        clickOn(token[0]);
        FxTesting.onFx(() -> {
            assertThat(token[0].getStyleClass()).contains("locked");
            var arcs = (dev.lookahead.figures.TokensFigure) app.explorer().viewCanvas("tokens").figure();
            assertThat(arcs.title()).startsWith("what token ").doesNotContain("the last token");
        });
        FxTesting.onFx(() -> section.lookupAll(".button").stream()
                .map(n -> (javafx.scene.control.Button) n).filter(b -> b.getText().contains("Play")).findFirst().orElseThrow().fire());
        Thread.sleep(2200);
        FxTesting.onFx(() -> assertThat(section.layerSlider().getValue()).as("play stepped through every layer").isEqualTo(2));
        Path figures = dir.resolve("figures");
        FxTesting.onFx(() -> section.exportViews(figures));
        waitForIdle(section);
        assertThat(figures.resolve("graph-layer1.pdf")).exists();
        assertThat(figures.resolve("attention-layer0.svg")).exists();
        assertThat(figures.resolve("set-sizes.png")).exists();
    }

    @Test
    void probesKeptBesideAModelShowTheirEstimateAtOnceUntilTheTraceReplacesIt() throws Exception {
        Path folder = dir.resolve("probed");
        try (SearchModel random = SearchModel.create(new ModelConfig(32, 3, 16, 1, false, false), Device.cpu(), 4)) {
            ModelFiles.save(random, folder);
            var examples = dev.lookahead.search.ExampleSets.generate(dev.lookahead.search.GenerationSpec.training(
                    random.config().layout(), dev.lookahead.search.Distribution.BALANCED, 4), 40, 1);
            dev.lookahead.interp.ReachabilityProbes.train(random, examples, 2, 1, () -> false).save(folder);
        }
        ModelSection section = app.explorer().modelSection();
        waitForIdle(section);
        FxTesting.onFx(() -> section.load(folder.toString()));
        waitForIdle(section);
        FxTesting.onFx(app.explorer()::runModel);
        boolean[] estimate = new boolean[1];
        for (int k = 0; k < 400 && !estimate[0]; k++) {
            FxTesting.onFx(() -> estimate[0] = section.hasSets() && !section.setsTraced());
            if (!estimate[0]) Thread.sleep(10);
        }
        assertThat(estimate[0]).as("the probe estimate showed before the trace finished").isTrue();
        FxTesting.onFx(() -> {
            assertThat(section.layerSlider().isDisabled()).isFalse();
            assertThat(section.layerSlider().getMax()).isEqualTo(3);
            assertThat(app.explorer().graphView().marks()).isNotEmpty();
            assertThat(app.explorer().viewCanvas("model-view").figure()).isInstanceOf(dev.lookahead.figures.ModelViewFigure.class);
            assertThat(app.explorer().modelInfoProperty().get()).contains("probed").contains("CPU").contains("run");
        });
        waitForIdle(section);
        FxTesting.onFx(() -> {
            assertThat(section.setsTraced()).isTrue();
            app.explorer().stepLayer(-1);
            assertThat(section.layerSlider().getValue()).isEqualTo(2);
            assertThat(app.explorer().modelInfoProperty().get()).contains("trace");
        });
    }

    @Test
    void loadingAModelOfAnotherSizeShowsTheGraphAtTheModelsN() throws Exception {
        Path folder = dir.resolve("n44");
        try (SearchModel random = SearchModel.create(new ModelConfig(44, 2, 16, 1, false, false), Device.cpu(), 4)) {
            ModelFiles.save(random, folder);
        }
        ModelSection section = app.explorer().modelSection();
        waitForIdle(section);
        FxTesting.onFx(() -> section.load(folder.toString()));
        waitForIdle(section);
        FxTesting.onFx(() -> {
            assertThat(section.modelConfig().n()).isEqualTo(44);
            javafx.scene.control.ComboBox<?> size = app.explorer().lookupAll(".combo-box").stream()
                    .map(n -> (javafx.scene.control.ComboBox<?>) n).filter(c -> c.getItems().contains(128)).findFirst().orElseThrow();
            assertThat(size.getValue()).as("one source of n: the size box follows the model").isEqualTo(44);
            assertThat(app.explorer().graphView().noteText()).startsWith("Model n = 44");
        });
    }

    @Test
    void aGraphWithoutAGoalCannotBeRunOnThePreviousGraphsTokens() throws Exception {
        ModelSection section = app.explorer().modelSection();
        waitForIdle(section);
        Path noGoal = dir.resolve("no-goal.json");
        java.nio.file.Files.writeString(noGoal, "{\"format\":\"lookahead-graph\",\"version\":1,\"vertices\":[1,2,3],\"edges\":[[1,2],[2,3]],\"start\":1}");
        FxTesting.onFx(() -> {
            try {
                app.explorer().open(noGoal);
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
            javafx.scene.control.Button run = section.lookupAll(".button").stream().map(n -> (javafx.scene.control.Button) n)
                    .filter(b -> b.getText().equals("Run")).findFirst().orElseThrow();
            assertThat(run.isDisabled()).as("no goal, no input: nothing to run").isTrue();
            assertThat(section.trace()).isNull();
        });
    }
}
