package dev.lookahead.ui;

import dev.lookahead.figures.LayeredLayout;
import dev.lookahead.search.SearchGraph;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.scene.control.ContextMenu;
import javafx.scene.input.MouseButton;
import javafx.geometry.Point2D;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.layout.Pane;
import javafx.scene.text.Text;

/**
 * Draws a search graph in the layered DAG layout: vertices as labelled circles, start and goal
 * filled, highlighted vertices (the useful next steps) ringed. Scales to fit its size.
 */
public final class GraphView extends Pane {
    private static final double RADIUS = 17;
    private static final double MARGIN = 36;
    private static final double MAX_SPACING = 120;

    private SearchGraph graph;
    private Set<Integer> highlighted = Set.of();
    private LayeredLayout.Result layout;
    private final Map<Integer, Circle> vertexShapes = new HashMap<>();
    /** An outer ring per marked vertex: its style class says what the mark means. */
    private Map<Integer, String> marks = Map.of();
    private IntConsumer onVertexClicked = id -> { };
    private Runnable onBackgroundDoubleClicked = () -> { };
    private BiConsumer<Integer, Integer> onEdgeDrawn = (from, to) -> { };
    private IntFunction<ContextMenu> vertexMenu = id -> null;
    private BiFunction<Integer, Integer, ContextMenu> edgeMenu = (from, to) -> null;
    private Integer dragFrom;

    public GraphView() {
        getStyleClass().add("graph-view");
        setMinSize(200, 160);
        setOnMouseClicked(e -> {
            if (e.getTarget() == this && e.getButton() == MouseButton.PRIMARY && e.getClickCount() == 2) onBackgroundDoubleClicked.run();
        });
    }

    /** Called when the empty canvas is double-clicked (the editor adds a vertex). */
    public void setOnBackgroundDoubleClicked(Runnable action) {
        this.onBackgroundDoubleClicked = action;
    }

    /** Called with (from, to) when a drag from one vertex ends on another (the editor adds an edge). */
    public void setOnEdgeDrawn(BiConsumer<Integer, Integer> action) {
        this.onEdgeDrawn = action;
    }

    /** The context menu of a vertex (or null for none). */
    public void setVertexMenu(IntFunction<ContextMenu> menu) {
        this.vertexMenu = menu;
    }

    /** The context menu of an edge (or null for none). */
    public void setEdgeMenu(BiFunction<Integer, Integer, ContextMenu> menu) {
        this.edgeMenu = menu;
    }

    /** The vertex drawn at a point of this view, or null. */
    public Integer vertexAt(double x, double y) {
        for (var entry : vertexShapes.entrySet()) {
            Circle c = entry.getValue();
            if (Math.hypot(c.getCenterX() - x, c.getCenterY() - y) <= c.getRadius()) return entry.getKey();
        }
        return null;
    }

    public void show(SearchGraph graph, Set<Integer> highlighted) {
        this.graph = graph;
        this.highlighted = Set.copyOf(highlighted);
        this.layout = LayeredLayout.layout(graph.vertices(), graph.edges());
        this.marks = Map.of();
        requestLayout();
        layout(); // draw now, so the shapes exist as soon as the graph is shown
    }

    public SearchGraph graph() {
        return graph;
    }

    /** Rings vertices with a style class each (e.g. a traced set against the true one); replaces earlier marks. */
    public void mark(Map<Integer, String> marks) {
        this.marks = Map.copyOf(marks);
        requestLayout();
        layout();
    }

    public Map<Integer, String> marks() {
        return marks;
    }

    /** Called with a vertex's id when it is clicked. */
    public void setOnVertexClicked(IntConsumer action) {
        this.onVertexClicked = action;
    }

    /** The circle drawn for a vertex, or null. */
    public Circle vertexShape(int id) {
        return vertexShapes.get(id);
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        vertexShapes.clear();
        if (graph == null) return;
        double width = getWidth();
        double height = getHeight();
        double dx = Math.min(MAX_SPACING, (width - 2 * MARGIN) / Math.max(1, layout.width()));
        double dy = Math.min(MAX_SPACING, (height - 2 * MARGIN) / Math.max(1, layout.layerCount() - 1));
        double left = (width - layout.width() * dx) / 2;
        double top = (height - (layout.layerCount() - 1) * dy) / 2;

        List<int[]> edges = graph.edges();
        for (int i = 0; i < edges.size(); i++) {
            List<LayeredLayout.Point> route = layout.routes().get(i);
            Polyline line = new Polyline();
            line.getStyleClass().add("graph-edge");
            Point2D previous = null;
            Point2D last = null;
            for (int k = 0; k < route.size(); k++) {
                Point2D p = new Point2D(left + route.get(k).x() * dx, top + route.get(k).y() * dy);
                if (k == route.size() - 1) {
                    previous = last;
                    Point2D direction = p.subtract(previous).normalize();
                    p = p.subtract(direction.multiply(RADIUS + 1));
                }
                line.getPoints().addAll(p.getX(), p.getY());
                last = p;
            }
            int from = edges.get(i)[0];
            int to = edges.get(i)[1];
            line.setOnContextMenuRequested(e -> {
                ContextMenu menu = edgeMenu.apply(from, to);
                if (menu != null) menu.show(line, e.getScreenX(), e.getScreenY());
            });
            getChildren().addAll(line, arrowHead(previous, last));
        }
        for (var entry : layout.positions().entrySet()) {
            int id = entry.getKey();
            double x = left + entry.getValue().x() * dx;
            double y = top + entry.getValue().y() * dy;
            Circle circle = new Circle(x, y, RADIUS);
            circle.getStyleClass().add("graph-vertex");
            boolean emphasis = false;
            if (Integer.valueOf(id).equals(graph.start())) {
                circle.getStyleClass().add("start");
                emphasis = true;
            }
            if (Integer.valueOf(id).equals(graph.goal())) {
                circle.getStyleClass().add("goal");
                emphasis = true;
            }
            if (highlighted.contains(id)) circle.getStyleClass().add("useful");
            Text label = new Text(Integer.toString(id));
            label.getStyleClass().add("graph-vertex-label");
            if (emphasis) label.getStyleClass().add("on-emphasis");
            label.setMouseTransparent(true);
            label.applyCss();
            label.setX(x - label.getLayoutBounds().getWidth() / 2);
            label.setY(y + label.getLayoutBounds().getHeight() / 4);
            circle.setOnMouseClicked(e -> {
                if (e.getButton() == MouseButton.PRIMARY && e.isStillSincePress()) onVertexClicked.accept(id);
            });
            circle.setOnMousePressed(e -> dragFrom = e.getButton() == MouseButton.PRIMARY ? id : null);
            circle.setOnMouseReleased(e -> {
                Integer to = vertexAt(e.getX(), e.getY());
                if (dragFrom != null && to != null && !to.equals(dragFrom)) onEdgeDrawn.accept(dragFrom, to);
                dragFrom = null;
            });
            circle.setOnContextMenuRequested(e -> {
                ContextMenu menu = vertexMenu.apply(id);
                if (menu != null) menu.show(circle, e.getScreenX(), e.getScreenY());
            });
            vertexShapes.put(id, circle);
            String mark = marks.get(id);
            if (mark != null) {
                Circle ring = new Circle(x, y, RADIUS + 5);
                ring.getStyleClass().addAll("graph-mark", mark);
                ring.setMouseTransparent(true);
                getChildren().add(ring);
            }
            getChildren().addAll(circle, label);
        }
    }

    private static Polygon arrowHead(Point2D from, Point2D tip) {
        Point2D direction = tip.subtract(from).normalize();
        Point2D normal = new Point2D(-direction.getY(), direction.getX());
        Point2D base = tip.subtract(direction.multiply(10));
        Polygon head = new Polygon(tip.getX(), tip.getY(),
                base.getX() + normal.getX() * 4.5, base.getY() + normal.getY() * 4.5,
                base.getX() - normal.getX() * 4.5, base.getY() - normal.getY() * 4.5);
        head.getStyleClass().add("graph-arrow");
        return head;
    }
}
