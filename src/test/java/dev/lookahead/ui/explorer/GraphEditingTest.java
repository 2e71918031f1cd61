package dev.lookahead.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.SearchGraph;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WorkbenchApp;
import javafx.geometry.Point2D;
import javafx.scene.control.Label;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.testfx.api.FxRobot;
import org.testfx.framework.junit5.ApplicationExtension;
import org.testfx.framework.junit5.Start;

/** Building a graph with the mouse in the real window: add, connect, refuse a cycle, undo and redo. */
@ExtendWith(ApplicationExtension.class)
class GraphEditingTest {
    private WorkbenchApp app;
    private Stage stage;

    @Start
    void start(Stage stage) {
        this.stage = stage;
        app = new WorkbenchApp();
        app.start(stage);
    }

    private SearchGraph shown() throws Exception {
        SearchGraph[] graph = new SearchGraph[1];
        FxTesting.onFx(() -> graph[0] = app.explorer().shownGraph());
        return graph[0];
    }

    private Point2D centre(int vertex) throws Exception {
        Point2D[] point = new Point2D[1];
        FxTesting.onFx(() -> {
            Circle c = app.explorer().graphView().vertexShape(vertex);
            point[0] = c.localToScreen(c.getCenterX(), c.getCenterY());
        });
        return point[0];
    }

    @Test
    void aVertexAndAnEdgeAreAddedByMouseACycleIsRefusedAndEveryEditUndoes(FxRobot robot) throws Exception {
        SearchGraph before = shown();
        int start = before.start();
        Point2D corner = app.explorer().graphView().localToScreen(12, 12);
        robot.moveTo(corner).doubleClickOn(MouseButton.PRIMARY);
        SearchGraph withVertex = shown();
        int added = before.freeId();
        assertThat(withVertex.vertices()).contains(added).hasSize(before.vertices().size() + 1);

        robot.drag(centre(start), MouseButton.PRIMARY).dropTo(centre(added));
        assertThat(shown().edges()).anyMatch(e -> e[0] == start && e[1] == added);

        robot.drag(centre(added), MouseButton.PRIMARY).dropTo(centre(start));
        assertThat(shown().edges()).noneMatch(e -> e[0] == added && e[1] == start);
        FxTesting.onFx(() -> {
            Label status = (Label) stage.getScene().lookup(".status-bar .label");
            assertThat(status.getText()).contains("Refused").contains("cycle");
            assertThat(app.explorer().graphView().marks()).containsEntry(start, "cycle").containsEntry(added, "cycle");
        });

        FxTesting.onFx(() -> app.explorer().undo());
        assertThat(shown().edges()).noneMatch(e -> e[0] == start && e[1] == added);
        FxTesting.onFx(() -> app.explorer().undo());
        assertThat(shown().vertices()).doesNotContain(added);
        FxTesting.onFx(() -> app.explorer().redo());
        assertThat(shown().vertices()).contains(added);
    }
}
