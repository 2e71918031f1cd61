package dev.lookahead.ui;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.Edge;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.SearchGraph;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import javafx.scene.control.Label;
import javafx.scene.control.TabPane;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The real window, headless under Monocle. */
class WorkbenchWindowTest extends WindowTest {
    @TempDir
    Path dir;

    @Test
    void opensWithItsPanelsAndABalancedGraphWithStartAndGoalMarked() throws Exception {
        TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
        assertThat(tabs.getTabs()).extracting(t -> t.getText()).containsExactly("Explorer", "Train", "Experiments", "Proofs", "Feedback", "Preference", "Judges", "Benchmarks");

        SearchGraph shown = app.explorer().shownGraph();
        assertThat(shown.vertices()).isNotEmpty();
        onFx(() -> {
            for (int v : shown.vertices()) assertThat(app.explorer().graphView().vertexShape(v)).as("vertex %d drawn", v).isNotNull();
            Circle start = app.explorer().graphView().vertexShape(shown.start());
            Circle goal = app.explorer().graphView().vertexShape(shown.goal());
            assertThat(start.getStyleClass()).contains("start");
            assertThat(goal.getStyleClass()).contains("goal");
            // start sits on a higher layer than the goal it leads to
            assertThat(start.getCenterY()).isLessThan(goal.getCenterY());
        });
        Path png = Path.of("target", "screenshots", "explorer.png");
        snapshot(png);
        assertThat(Files.size(png)).isGreaterThan(10_000);
    }

    @Test
    void aBadFileLeavesTheShownGraphAndExplainsTheProblem() throws Exception {
        SearchGraph before = app.explorer().shownGraph();
        Path bad = dir.resolve("cycle.json");
        Files.writeString(bad, "{\"edges\": [[1, 2], [2, 1]], \"start\": 1, \"goal\": 2}");
        Throwable[] failure = new Throwable[1];
        onFx(() -> {
            try {
                app.explorer().open(bad);
            } catch (IOException e) {
                failure[0] = e;
            }
        });
        assertThat(failure[0]).hasMessageContaining("cycle.json").hasMessageContaining("cycle 1 -> 2 -> 1");
        assertThat(app.explorer().shownGraph()).isSameAs(before);
    }

    @Test
    void opensAndSavesAGraphFile() throws Exception {
        Path good = dir.resolve("chain.json");
        GraphFiles.write(SearchGraph.of(List.of(new Edge(3, 1), new Edge(1, 2), new Edge(3, 4)), 3, 2), good);
        Path saved = dir.resolve("copy.dot");
        onFx(() -> {
            try {
                app.explorer().open(good);
                app.explorer().save(saved);
            } catch (IOException e) {
                throw new AssertionError(e);
            }
            assertThat(app.explorer().graphView().vertexShape(1).getStyleClass()).contains("useful");
        });
        assertThat(GraphFiles.read(saved).edges()).hasSize(3);
        Label status = (Label) stage.getScene().lookup(".status-bar .label");
        assertThat(status.getText()).contains("Saved");
    }

    private void snapshot(Path png) throws Exception {
        FxTesting.snapshot(stage.getScene(), png);
    }

    private static void onFx(Runnable action) throws Exception {
        FxTesting.onFx(action);
    }
}
