package dev.lookahead.ui.explorer;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.SearchGraph;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import javafx.geometry.Point2D;
import javafx.geometry.VerticalDirection;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.shape.Circle;
import org.junit.jupiter.api.Test;

/** Building a graph with the mouse in the real window: add, connect, refuse a cycle, undo and redo. */
class GraphEditingTest extends WindowTest {
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
    void aVertexAndAnEdgeAreAddedByMouseACycleIsRefusedAndEveryEditUndoes() throws Exception {
        SearchGraph before = shown();
        int start = before.start();
        Point2D corner = app.explorer().graphView().localToScreen(12, 12);
        moveTo(corner).doubleClickOn(MouseButton.PRIMARY);
        SearchGraph withVertex = shown();
        int added = before.freeId();
        assertThat(withVertex.vertices()).contains(added).hasSize(before.vertices().size() + 1);

        drag(centre(start), MouseButton.PRIMARY).dropTo(centre(added));
        assertThat(shown().edges()).anyMatch(e -> e.from() == start && e.to() == added);

        drag(centre(added), MouseButton.PRIMARY).dropTo(centre(start));
        assertThat(shown().edges()).noneMatch(e -> e.from() == added && e.to() == start);
        FxTesting.onFx(() -> {
            Label status = (Label) stage.getScene().lookup(".status-bar .label");
            assertThat(status.getText()).contains("Refused").contains("cycle");
            assertThat(app.explorer().graphView().marks()).containsEntry(start, "cycle").containsEntry(added, "cycle");
        });

        FxTesting.onFx(() -> app.explorer().undo());
        assertThat(shown().edges()).noneMatch(e -> e.from() == start && e.to() == added);
        FxTesting.onFx(() -> app.explorer().undo());
        assertThat(shown().vertices()).doesNotContain(added);
        FxTesting.onFx(() -> app.explorer().redo());
        assertThat(shown().vertices()).contains(added);
    }

    @Test
    void verticesMoveSelectRenameAndDeleteByMouseAndKeysAndLayoutsAreUndoable() throws Exception {
        SearchGraph before = shown();
        int start = before.start();
        int goal = before.goal();
        assertThat(before.positions()).isEmpty();

        // Shift-drag moves a vertex: the graph now carries every vertex's position, as one undoable edit
        Point2D from = centre(start);
        press(KeyCode.SHIFT);
        drag(from, MouseButton.PRIMARY).moveBy(40, 25).drop();
        release(KeyCode.SHIFT);
        SearchGraph moved = shown();
        assertThat(moved.positions()).hasSize(before.vertices().size());
        assertThat(moved.edges()).hasSameSizeAs(before.edges());
        FxTesting.onFx(() -> app.explorer().undo());
        assertThat(shown().positions()).isEmpty();

        // Shift-click selects two vertices; Delete removes both at once
        clickOn(centre(start));
        press(KeyCode.SHIFT).clickOn(centre(goal)).release(KeyCode.SHIFT);
        FxTesting.onFx(() -> assertThat(app.explorer().graphView().selection()).containsExactlyInAnyOrder(start, goal));
        type(KeyCode.DELETE);
        assertThat(shown().vertices()).doesNotContain(start, goal).hasSize(before.vertices().size() - 2);
        FxTesting.onFx(() -> app.explorer().undo());
        assertThat(shown().vertices()).contains(start, goal);

        // rename keeps edges, start and goal; a taken id or a non-number is refused
        int fresh = 40;
        FxTesting.onFx(() -> app.explorer().renameVertex(start, Integer.toString(fresh)));
        assertThat(shown().start()).isEqualTo(fresh);
        assertThat(shown().edges()).anyMatch(e -> e.from() == fresh);
        FxTesting.onFx(() -> {
            app.explorer().renameVertex(fresh, Integer.toString(goal));
            assertThat(statusText()).contains("Refused").contains("already exists");
            app.explorer().renameVertex(fresh, "x");
            assertThat(statusText()).contains("not a whole number");
        });
        // id 40 is outside the n = 32 model's ids: the canvas says why Run is refused
        FxTesting.onFx(() -> assertThat(app.explorer().graphView().noteText()).contains("Run refused").contains("40"));
        FxTesting.onFx(() -> app.explorer().undo());
        FxTesting.onFx(() -> assertThat(app.explorer().graphView().noteText()).contains("up to 9 vertices").doesNotContain("refused"));

        // force layout places every vertex; layered layout drops the positions again
        FxTesting.onFx(() -> app.explorer().layoutByForce());
        assertThat(shown().positions()).hasSize(before.vertices().size());
        FxTesting.onFx(() -> app.explorer().layoutLayered());
        assertThat(shown().positions()).isEmpty();

        // the wheel zooms, Fit brings the whole graph back
        double[] zoom = new double[2];
        FxTesting.onFx(() -> zoom[0] = app.explorer().graphView().zoom());
        moveTo(centre(goal)).scroll(3, VerticalDirection.UP);
        FxTesting.onFx(() -> zoom[1] = app.explorer().graphView().zoom());
        assertThat(zoom[1]).isNotEqualTo(zoom[0]);
        FxTesting.onFx(() -> {
            app.explorer().graphView().fit();
            assertThat(app.explorer().graphView().zoom()).isEqualTo(zoom[0]);
        });
    }

    @Test
    void hoveringAnEdgeTokenHighlightsItsEdge() throws Exception {
        javafx.scene.Node[] edgeToken = new javafx.scene.Node[1];
        FxTesting.onFx(() -> edgeToken[0] = app.explorer().lookupAll(".token").stream()
                .filter(n -> ((Label) n).getText().equals("E")).findFirst().orElseThrow());
        moveTo(edgeToken[0]);
        FxTesting.waitUntil(() -> app.explorer().graphView().lookup(".graph-edge.hovered") != null, "the edge is highlighted");
        moveTo(app.explorer().graphView());
        FxTesting.waitUntil(() -> app.explorer().graphView().lookup(".graph-edge.hovered") == null, "the highlight goes");
    }

    @Test
    void aTestExampleHasExactlyTheAskedLookahead() throws Exception {
        FxTesting.onFx(() -> app.explorer().testExample(3));
        SearchGraph graph = shown();
        dev.lookahead.search.GroundTruth truth = new dev.lookahead.search.GroundTruth(graph.edges());
        int[] useful = truth.usefulNext(graph.start(), graph.goal());
        assertThat(useful).hasSize(1);
        assertThat(dev.lookahead.search.InputAnalysis.lookahead(graph.edges(), graph.start(), useful[0], graph.goal())).isEqualTo(3);
    }

    private String statusText() {
        return ((Label) stage.getScene().lookup(".status-bar .label")).getText();
    }
}
