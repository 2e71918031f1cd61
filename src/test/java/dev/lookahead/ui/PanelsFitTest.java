package dev.lookahead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.text.Text;
import org.junit.jupiter.api.Test;

/**
 * Every panel fits the window at its default size and on a 1280 x 720 screen: no button, label or box
 * shows its text cut short. Each panel is photographed to target/screenshots/fit-*.png for a person to
 * look at.
 */
class PanelsFitTest extends WindowTest {
    private static final List<String> TABS = List.of("Explorer", "Train", "Experiments", "Proofs", "Feedback", "Preference", "Judges", "Benchmarks");

    @Test
    void everyPanelShowsEveryLabelWholeAtTheDefaultSizeAndAt1280By720() throws Exception {
        List<String> cut = new ArrayList<>();
        for (double[] size : new double[][] {{1180, 760}, {1280, 720}}) {
            FxTesting.onFx(() -> {
                stage.setWidth(size[0]);
                stage.setHeight(size[1]);
            });
            for (String tab : TABS) {
                FxTesting.onFx(() -> app.showTab(tab));
                FxTesting.onFx(() -> stage.getScene().getRoot().layout());
                String name = "fit-" + tab.toLowerCase() + "-" + (int) size[0] + "x" + (int) size[1] + ".png";
                FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", name));
                FxTesting.onFx(() -> collectCut(stage.getScene().getRoot(), tab + " at " + (int) size[0] + "x" + (int) size[1], cut));
            }
        }
        assertThat(cut).as("labels shown cut short").isEmpty();
    }

    /** Visible labelled controls whose drawn text is not their whole text (JavaFX puts an ellipsis in its place). */
    private static void collectCut(Node node, String where, List<String> cut) {
        if (!node.isVisible() || node.getScene() == null) return;
        if (node instanceof Labeled labeled && labeled.getText() != null && !labeled.getText().isBlank() && !labeled.isWrapText()) {
            for (Node child : labeled.getChildrenUnmodifiable()) {
                if (child instanceof Text text && text.isVisible() && !labeled.getText().equals(text.getText())
                        && labeled.localToScene(labeled.getBoundsInLocal()).getWidth() > 0 && onScreen(labeled)) {
                    cut.add(where + ": '" + labeled.getText() + "' shown as '" + text.getText() + "'");
                }
            }
        }
        if (node instanceof Parent parent) for (Node child : parent.getChildrenUnmodifiable()) collectCut(child, where, cut);
    }

    private static boolean onScreen(Node node) {
        var bounds = node.localToScene(node.getBoundsInLocal());
        var scene = node.getScene();
        return bounds.getMaxX() > 0 && bounds.getMinX() < scene.getWidth() && bounds.getMaxY() > 0 && bounds.getMinY() < scene.getHeight();
    }
}
