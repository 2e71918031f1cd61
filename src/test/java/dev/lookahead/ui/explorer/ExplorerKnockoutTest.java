package dev.lookahead.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.GraphFiles;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import org.junit.jupiter.api.Test;
import org.testfx.util.WaitForAsyncUtils;

/** "What if?": ticking a traced operation knocks it out and the prediction responds; Undo restores it. */
class ExplorerKnockoutTest extends WindowTest {
    private static final Pattern DIFFERENCE = Pattern.compile("logit difference (-?\\d+\\.\\d+) -> (-?\\d+\\.\\d+)");

    private void waitUntil(java.util.function.BooleanSupplier idle) throws Exception {
        for (int k = 0; k < 600; k++) {
            WaitForAsyncUtils.waitForFxEvents();
            boolean[] done = new boolean[1];
            FxTesting.onFx(() -> done[0] = idle.getAsBoolean());
            if (done[0]) return;
            Thread.sleep(100);
        }
        throw new AssertionError("still busy");
    }

    /** Opens a sample, runs and traces it, and returns the knockout list once it offers the traced operations. */
    private KnockoutSection traced(String sample) throws Exception {
        ModelSection section = app.explorer().modelSection();
        waitUntil(() -> section.running() == null && section.modelConfig() != null);
        var graph = GraphFiles.read(Path.of("samples", sample));
        FxTesting.onFx(() -> app.explorer().showNew(graph, sample));
        waitUntil(() -> section.running() == null);
        FxTesting.onFx(app.explorer()::runModel);
        KnockoutSection knockouts = section.knockouts();
        waitUntil(() -> section.running() == null && !knockouts.offered().isEmpty());
        return knockouts;
    }

    @Test
    void tickingAnOperationKnocksItOutAndUndoRestoresThePrediction() throws Exception {
        KnockoutSection knockouts = traced("chain.json");
        dev.lookahead.model.Interventions.Knockout[] chosen = new dev.lookahead.model.Interventions.Knockout[1];
        FxTesting.onFx(() -> chosen[0] = knockouts.offered().stream().filter(k -> k.to() == 31).reduce((a, b) -> b).orElseThrow());
        FxTesting.onFx(() -> knockouts.toggle(chosen[0].layer(), chosen[0].from(), chosen[0].to()));
        waitUntil(() -> !knockouts.busy() && !knockouts.result().getText().isEmpty());
        FxTesting.onFx(() -> {
            String text = knockouts.result().getText();
            assertThat(text).startsWith("1 knocked out");
            Matcher m = DIFFERENCE.matcher(text);
            assertThat(m.find()).as(text).isTrue();
            assertThat(Double.parseDouble(m.group(2))).as("the last token's own read of a token changes its logits").isNotEqualTo(Double.parseDouble(m.group(1)));
            assertThat(knockouts.knockouts()).containsExactly(chosen[0]);
            // the first rows of the list are on screen: ticking one strikes it through
            CheckBox first = (CheckBox) knockouts.lookup(".knockout");
            first.setSelected(true);
            assertThat(first.getStyleClass()).contains("knocked-out");
            first.setSelected(false);
            assertThat(first.getStyleClass()).doesNotContain("knocked-out");
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "explorer-knockout.png"));
        FxTesting.onFx(() -> knockouts.lookupAll(".button").stream().map(n -> (Button) n).filter(b -> b.getText().equals("Undo")).findFirst()
                .orElseThrow().fire());
        FxTesting.onFx(() -> {
            assertThat(knockouts.knockouts()).isEmpty();
            assertThat(knockouts.result().getText()).isEmpty();
        });
    }

    private static void click(dev.lookahead.ui.FigureCanvas canvas, double[] at) {
        // an event fired at a node takes its x and y as scene coordinates and works out the node's own from them
        var scene = canvas.localToScene(at[0] * canvas.scale(), at[1] * canvas.scale());
        double x = scene.getX();
        double y = scene.getY();
        canvas.fireEvent(new javafx.scene.input.MouseEvent(javafx.scene.input.MouseEvent.MOUSE_CLICKED, x, y, x, y,
                javafx.scene.input.MouseButton.PRIMARY, 1, false, false, false, false, false, false, false, false, false, true, null));
    }

    @Test
    void aClickOnAnOperationInTheCircuitViewKnocksItOutAndASecondClickRestoresIt() throws Exception {
        KnockoutSection knockouts = traced("chain.json");
        FxTesting.onFx(() -> app.explorer().showView("circuit"));
        WaitForAsyncUtils.waitForFxEvents();
        var canvas = app.explorer().viewCanvas("circuit");
        dev.lookahead.figures.CircuitFigure[] circuit = new dev.lookahead.figures.CircuitFigure[1];
        dev.lookahead.figures.CircuitFigure.Edge[] edge = new dev.lookahead.figures.CircuitFigure.Edge[1];
        FxTesting.onFx(() -> {
            circuit[0] = (dev.lookahead.figures.CircuitFigure) canvas.figure();
            assertThat(circuit[0].knockedOut()).isEmpty();
            var op = knockouts.offered().stream().filter(k -> k.to() == 31).reduce((a, b) -> b).orElseThrow();
            edge[0] = new dev.lookahead.figures.CircuitFigure.Edge(op.layer(), op.from(), op.to());
            click(canvas, circuit[0].midpoint(edge[0]));
        });
        waitUntil(() -> !knockouts.busy() && !knockouts.result().getText().isEmpty());
        FxTesting.onFx(() -> {
            assertThat(knockouts.result().getText()).startsWith("1 knocked out");
            assertThat(((dev.lookahead.figures.CircuitFigure) canvas.figure()).knockedOut()).containsExactly(edge[0]);
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "explorer-circuit-knockout.png"));
        FxTesting.onFx(() -> click(canvas, circuit[0].midpoint(edge[0])));
        FxTesting.onFx(() -> {
            assertThat(knockouts.knockouts()).isEmpty();
            assertThat(((dev.lookahead.figures.CircuitFigure) canvas.figure()).knockedOut()).isEmpty();
        });
    }

    @Test
    void thePatchingMapFromTheCounterfactualRestoresEverythingAtTheLastTokensFinalStream() throws Exception {
        KnockoutSection knockouts = traced("balanced-lookahead-4.json");
        FxTesting.onFx(knockouts::runPatching);
        waitUntil(() -> !knockouts.patchingBusy() && app.explorer().viewCanvas("patching").figure() != null);
        FxTesting.onFx(() -> {
            var map = ((dev.lookahead.figures.PatchingFigure) app.explorer().viewCanvas("patching").figure()).map();
            int last = map.mean()[0].length - 1;
            assertThat(map.inputs()).isEqualTo(1);
            // the logits are read from the last token's stream after the last block: patching it restores all of the difference
            assertThat(map.mean()[map.mean().length - 1][last]).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-4));
            assertThat(map.mean()[map.mean().length - 1][0]).as("no other position is read after the last block")
                    .isCloseTo(0.0, org.assertj.core.data.Offset.offset(1e-4));
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "explorer-patching.png"));
    }
}
