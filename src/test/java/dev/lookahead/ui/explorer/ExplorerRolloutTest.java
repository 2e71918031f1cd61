package dev.lookahead.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.figures.RolloutFigure;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The shipped in-context models play their search on the shown graph in the real window, step by step (docs/model-card-dfs32.md). */
class ExplorerRolloutTest extends WindowTest {
    @TempDir
    Path dir;

    private void runSearch(RolloutSection section) throws Exception {
        FxTesting.onFx(() -> section.lookupAll(".button").stream().map(n -> (javafx.scene.control.Button) n)
                .filter(b -> b.getText().equals("Run search")).findFirst().orElseThrow().fire());
        FxTesting.waitUntil(() -> section.running() == null && section.result() != null, "the search ends");
    }

    @Test
    void eachShippedInContextModelPlaysItsSearchMarksItsFirstWrongStepAndExportsTheSteps() throws Exception {
        SearchGraph graph = GraphFiles.read(Path.of("samples", "in-context", "backtrack.json"));
        FxTesting.onFx(() -> app.explorer().showNew(graph, "backtrack"));
        RolloutSection section = app.explorer().rolloutSection();
        FxTesting.waitUntil(() -> section.running() == null && section.lookupAll(".label").stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("dfs32: depth-first search")), "dfs32 loads");

        FxTesting.onFx(() -> {
            app.explorer().selectView("graph");
            assertThat(app.explorer().graphView().noteText()).as("the in-context model's limit belongs to its own view").doesNotContain("dfs32");
            app.explorer().selectView("rollout");
            assertThat(app.explorer().graphView().noteText()).as("the canvas corner says the model's limits")
                    .contains("dfs32 (dfs) takes up to 7 edges: this graph fits");
        });
        runSearch(section);
        FxTesting.onFx(() -> {
            assertThat(section.result().steps()).hasSize(3);
            assertThat(section.result().steps().get(0).attention()).as("one row of attention per block").hasNumberOfRows(3);
            assertThat(section.outcome().getText()).contains("Not solved after 3 steps").contains("First wrong step: 3");
            assertThat(section.stepSlider().getMax()).isEqualTo(3);
            assertThat(app.explorer().viewCanvas("rollout").figure()).isInstanceOf(RolloutFigure.class);
        });
        for (int k = 1; k <= 3; k++) {
            int step = k;
            FxTesting.onFx(() -> section.stepSlider().setValue(step));
            FxTesting.onFx(() -> assertThat(app.explorer().viewCanvas("rollout").figure()).isInstanceOf(RolloutFigure.class));
        }
        FxTesting.onFx(() -> section.stepSlider().setValue(2));
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "explorer-rollout-dfs32.png"));
        FxTesting.onFx(() -> section.exportSteps(dir.resolve("steps")));
        assertThat(dir.resolve("steps/step-3.png")).exists();
        assertThat(dir.resolve("steps/step-4.pdf")).as("the end").exists();
        assertThat(dir.resolve("steps/rollout.svg")).exists();

        FxTesting.onFx(() -> section.load("si32"));
        FxTesting.waitUntil(() -> section.running() == null && section.lookupAll(".label").stream()
                .anyMatch(n -> ((javafx.scene.control.Label) n).getText().startsWith("si32: selection-inference")), "si32 loads");
        runSearch(section);
        FxTesting.onFx(() -> {
            assertThat(section.result().steps()).extracting(s -> s.kind()).containsExactly("inference", "selection", "inference");
            assertThat(section.outcome().getText()).contains("First wrong step: 3");
        });

        FxTesting.onFx(() -> app.explorer().showNew(graph.withEdge(4, 6).withEdge(2, 6), "too many edges"));
        FxTesting.onFx(() -> section.runSearch());
        FxTesting.onFx(() -> {
            app.explorer().selectView("rollout");
            assertThat(section.outcome().getText()).contains("Run search is refused").contains("at most 5");
            assertThat(app.explorer().graphView().noteText()).contains("si32 (si) takes up to 5 edges: not this graph");
        });
    }
}
