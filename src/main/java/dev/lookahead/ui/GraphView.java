package dev.lookahead.ui;

import dev.lookahead.figures.LayeredLayout;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchGraph;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.function.BiConsumer;
import java.util.function.BiFunction;
import java.util.function.Consumer;
import java.util.function.IntConsumer;
import java.util.function.IntFunction;
import javafx.geometry.Point2D;
import javafx.geometry.VPos;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.input.KeyCode;
import javafx.scene.input.MouseButton;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.Pane;
import javafx.scene.shape.Circle;
import javafx.scene.shape.Line;
import javafx.scene.shape.Polygon;
import javafx.scene.shape.Polyline;
import javafx.scene.shape.Rectangle;
import javafx.scene.text.Text;

/**
 * Draws and edits a search graph. A graph without drawing positions gets the layered DAG layout; one
 * with positions (moved by hand, or laid out by force) is drawn where its vertices are. Start and goal
 * are filled, highlighted vertices (the useful next steps) ringed, selected ones outlined.
 *
 * <p>Mouse: click selects a vertex (Shift-click adds to the selection), drag from a vertex to another
 * draws an edge, Shift-drag moves the selection, drag on the background pans, the wheel zooms,
 * double-click on the background adds a vertex. Keys: Delete removes the selection, F fits the graph.
 * Every shape is mouse-transparent and hit-tested here, so redrawing mid-drag never loses the gesture.
 */
public final class GraphView extends Pane {
    private static final double RADIUS = 17;
    private static final double MARGIN = 36;
    /** Room kept free at the top for the note. */
    private static final double NOTE_HEIGHT = 22;
    /** World units per layer (and per column) of the layered layout. */
    public static final double SPACING = 90;

    private enum Gesture { NONE, EDGE, MOVE, PAN }

    private SearchGraph graph;
    private Set<Integer> highlighted = Set.of();
    private LayeredLayout.Result layered;
    /** Every vertex's position in world units; the view maps world to screen by zoom and pan. */
    private final Map<Integer, Point2D> world = new HashMap<>();
    private final Map<Integer, Circle> vertexShapes = new HashMap<>();
    private final Set<Integer> selection = new LinkedHashSet<>();
    private final Label note = new Label();
    private final Line rubberBand = new Line();
    /** An outer ring per marked vertex: its style class says what the mark means. */
    private Map<Integer, String> marks = Map.of();
    private double zoom = 1;
    private double panX;
    private double panY;
    /** Until the user zooms or pans, the graph is refitted whenever the view changes size. */
    private boolean autoFit = true;
    private Integer hovered;
    /** The edge whose token is under the pointer in the token strip, or null. */
    private Edge highlightedEdge;

    private Gesture gesture = Gesture.NONE;
    private Integer pressedVertex;
    private Point2D pressedAt;

    private IntConsumer onVertexClicked = id -> { };
    private Consumer<Integer> onVertexHovered = id -> { };
    private Consumer<SearchGraph.Position> onBackgroundDoubleClicked = at -> { };
    private BiConsumer<Integer, Integer> onEdgeDrawn = (from, to) -> { };
    private Consumer<Map<Integer, SearchGraph.Position>> onMoved = positions -> { };
    private Consumer<Set<Integer>> onDeleteSelection = ids -> { };
    private IntFunction<ContextMenu> vertexMenu = id -> null;
    private BiFunction<Integer, Integer, ContextMenu> edgeMenu = (from, to) -> null;

    public GraphView() {
        getStyleClass().add("graph-view");
        setMinSize(200, 160);
        setFocusTraversable(true);
        Rectangle clip = new Rectangle();
        clip.widthProperty().bind(widthProperty());
        clip.heightProperty().bind(heightProperty());
        setClip(clip);
        note.getStyleClass().add("graph-note");
        note.setMouseTransparent(true);
        rubberBand.getStyleClass().add("graph-rubber-band");
        rubberBand.setMouseTransparent(true);
        rubberBand.setVisible(false);
        setOnMousePressed(this::pressed);
        setOnMouseDragged(this::dragged);
        setOnMouseReleased(this::released);
        setOnMouseClicked(this::clicked);
        setOnMouseMoved(e -> hover(vertexAt(e.getX(), e.getY())));
        setOnMouseExited(e -> hover(null));
        setOnScroll(e -> {
            if (graph == null || e.getDeltaY() == 0) return;
            zoomAt(e.getX(), e.getY(), Math.pow(1.0015, e.getDeltaY()));
        });
        setOnContextMenuRequested(e -> {
            Integer vertex = vertexAt(e.getX(), e.getY());
            ContextMenu menu = vertex != null ? vertexMenu.apply(vertex) : edgeMenuAt(e.getX(), e.getY());
            if (menu != null) menu.show(this, e.getScreenX(), e.getScreenY());
        });
        setOnKeyPressed(e -> {
            if ((e.getCode() == KeyCode.DELETE || e.getCode() == KeyCode.BACK_SPACE) && !selection.isEmpty()) {
                onDeleteSelection.accept(Set.copyOf(selection));
                e.consume();
            } else if (e.getCode() == KeyCode.F) {
                fit();
                e.consume();
            }
        });
    }

    // ---- wiring ------------------------------------------------------------------------------

    /** Called with the world position of a double-click on the empty canvas (the editor adds a vertex there). */
    public void setOnBackgroundDoubleClicked(Consumer<SearchGraph.Position> action) {
        this.onBackgroundDoubleClicked = action;
    }

    /** Called with (from, to) when a drag from one vertex ends on another (the editor adds an edge). */
    public void setOnEdgeDrawn(BiConsumer<Integer, Integer> action) {
        this.onEdgeDrawn = action;
    }

    /** Called with every vertex's position when a Shift-drag moved some (the editor records it as one edit). */
    public void setOnVerticesMoved(Consumer<Map<Integer, SearchGraph.Position>> action) {
        this.onMoved = action;
    }

    /** Called with the selected vertices when Delete is pressed. */
    public void setOnDeleteSelection(Consumer<Set<Integer>> action) {
        this.onDeleteSelection = action;
    }

    /** The context menu of a vertex (or null for none). */
    public void setVertexMenu(IntFunction<ContextMenu> menu) {
        this.vertexMenu = menu;
    }

    /** The context menu of an edge (or null for none). */
    public void setEdgeMenu(BiFunction<Integer, Integer, ContextMenu> menu) {
        this.edgeMenu = menu;
    }

    /** Called with the vertex under the pointer whenever it changes (null when none). */
    public void setOnVertexHovered(Consumer<Integer> action) {
        this.onVertexHovered = action;
    }

    /** Called with a vertex's id when it is clicked. */
    public void setOnVertexClicked(IntConsumer action) {
        this.onVertexClicked = action;
    }

    /** A line of text in the view's corner (the model's vertex limit, or why the graph does not fit it). */
    public void setNote(String text, boolean warning) {
        note.setText(text);
        note.getStyleClass().remove("warning");
        if (warning) note.getStyleClass().add("warning");
    }

    public String noteText() {
        return note.getText();
    }

    // ---- content -----------------------------------------------------------------------------

    /**
     * Shows a graph, keeping the zoom and pan (an edit must not make the picture jump under the
     * pointer); call {@link #fit} for a graph that replaces the shown one.
     */
    public void show(SearchGraph graph, Set<Integer> highlighted) {
        this.graph = graph;
        this.highlighted = Set.copyOf(highlighted);
        this.marks = Map.of();
        selection.retainAll(graph.vertices());
        layered = LayeredLayout.layout(graph.vertices(), graph.edges());
        world.clear();
        for (int id : graph.vertices()) {
            SearchGraph.Position p = graph.positions().get(id);
            LayeredLayout.Point q = layered.positions().get(id);
            world.put(id, p != null ? new Point2D(p.x(), p.y()) : new Point2D(q.x() * SPACING, q.y() * SPACING));
        }
        if (autoFit) fitNow();
        requestLayout();
        layout(); // draw now, so the shapes exist as soon as the graph is shown
    }

    public SearchGraph graph() {
        return graph;
    }

    /** Every vertex's position as drawn now, in world units (what a layout or a move hands the editor). */
    public Map<Integer, SearchGraph.Position> positions() {
        Map<Integer, SearchGraph.Position> positions = new HashMap<>();
        world.forEach((id, p) -> positions.put(id, new SearchGraph.Position(p.getX(), p.getY())));
        return positions;
    }

    /** Rings vertices with a style class each (e.g. a traced set against the true one); replaces earlier marks. */
    public void mark(Map<Integer, String> marks) {
        this.marks = Map.copyOf(marks);
        requestLayout();
        layout();
    }

    /** Highlights one edge (its token is hovered in the token strip), or none for null. */
    public void highlightEdge(Edge edge) {
        highlightedEdge = edge;
        requestLayout();
    }

    public Map<Integer, String> marks() {
        return marks;
    }

    public Set<Integer> selection() {
        return Set.copyOf(selection);
    }

    public void select(Set<Integer> ids) {
        selection.clear();
        selection.addAll(ids);
        requestLayout();
    }

    /** The circle drawn for a vertex, or null. */
    public Circle vertexShape(int id) {
        return vertexShapes.get(id);
    }

    /** The vertex drawn at a point of this view, or null. */
    public Integer vertexAt(double x, double y) {
        for (var entry : vertexShapes.entrySet()) {
            Circle c = entry.getValue();
            if (Math.hypot(c.getCenterX() - x, c.getCenterY() - y) <= c.getRadius() + 2) return entry.getKey();
        }
        return null;
    }

    // ---- view transform ----------------------------------------------------------------------

    public double zoom() {
        return zoom;
    }

    /** Scales the picture by {@code factor} around a point of the view. */
    public void zoomAt(double x, double y, double factor) {
        double next = Math.max(0.1, Math.min(8, zoom * factor));
        panX = x - (x - panX) * next / zoom;
        panY = y - (y - panY) * next / zoom;
        zoom = next;
        autoFit = false;
        requestLayout();
    }

    /** Fits the whole graph into the view (and keeps it fitted as the view resizes, until the next zoom or pan). */
    public void fit() {
        autoFit = true;
        fitNow();
        requestLayout();
    }

    private void fitNow() {
        if (world.isEmpty() || getWidth() <= 0 || getHeight() <= 0) return;
        double minX = Double.MAX_VALUE, minY = Double.MAX_VALUE, maxX = -Double.MAX_VALUE, maxY = -Double.MAX_VALUE;
        for (Point2D p : world.values()) {
            minX = Math.min(minX, p.getX());
            minY = Math.min(minY, p.getY());
            maxX = Math.max(maxX, p.getX());
            maxY = Math.max(maxY, p.getY());
        }
        double spanX = Math.max(maxX - minX, 1);
        double spanY = Math.max(maxY - minY, 1);
        // never blow a small graph up beyond its natural size
        double usableHeight = getHeight() - NOTE_HEIGHT;
        zoom = Math.min(1.3, Math.min((getWidth() - 2 * MARGIN) / spanX, (usableHeight - 2 * MARGIN) / spanY));
        zoom = Math.max(0.1, zoom);
        panX = getWidth() / 2 - (minX + maxX) / 2 * zoom;
        panY = NOTE_HEIGHT + usableHeight / 2 - (minY + maxY) / 2 * zoom;
    }

    private Point2D toScreen(double wx, double wy) {
        return new Point2D(wx * zoom + panX, wy * zoom + panY);
    }

    private Point2D toWorld(double sx, double sy) {
        return new Point2D((sx - panX) / zoom, (sy - panY) / zoom);
    }

    // ---- mouse -------------------------------------------------------------------------------

    private void pressed(MouseEvent e) {
        requestFocus();
        e.consume(); // else the enclosing tab pane takes the focus back, and Delete and F never reach this view
        if (e.getButton() != MouseButton.PRIMARY || graph == null) return;
        pressedVertex = vertexAt(e.getX(), e.getY());
        pressedAt = new Point2D(e.getX(), e.getY());
        if (pressedVertex == null) gesture = Gesture.PAN;
        else gesture = e.isShiftDown() ? Gesture.MOVE : Gesture.EDGE;
    }

    private void dragged(MouseEvent e) {
        if (pressedAt == null) return;
        double dx = e.getX() - pressedAt.getX();
        double dy = e.getY() - pressedAt.getY();
        switch (gesture) {
            case PAN -> {
                panX += dx;
                panY += dy;
                autoFit = false;
                pressedAt = new Point2D(e.getX(), e.getY());
            }
            case MOVE -> {
                // dragging a vertex outside the selection moves that vertex alone
                if (!selection.contains(pressedVertex)) {
                    selection.clear();
                    selection.add(pressedVertex);
                }
                for (int id : selection) world.computeIfPresent(id, (k, p) -> p.add(dx / zoom, dy / zoom));
                pressedAt = new Point2D(e.getX(), e.getY());
            }
            case EDGE -> {
                Circle from = vertexShapes.get(pressedVertex);
                if (from != null) {
                    rubberBand.setStartX(from.getCenterX());
                    rubberBand.setStartY(from.getCenterY());
                    rubberBand.setEndX(e.getX());
                    rubberBand.setEndY(e.getY());
                    rubberBand.setVisible(true);
                }
                return;
            }
            default -> {
                return;
            }
        }
        requestLayout();
    }

    private void released(MouseEvent e) {
        Gesture ended = gesture;
        gesture = Gesture.NONE;
        rubberBand.setVisible(false);
        if (ended == Gesture.EDGE && !e.isStillSincePress()) {
            Integer to = vertexAt(e.getX(), e.getY());
            if (to != null && !to.equals(pressedVertex)) onEdgeDrawn.accept(pressedVertex, to);
        } else if (ended == Gesture.MOVE && !e.isStillSincePress()) {
            onMoved.accept(positions());
        }
        pressedAt = null;
    }

    private void clicked(MouseEvent e) {
        if (e.getButton() != MouseButton.PRIMARY || !e.isStillSincePress() || graph == null) return;
        Integer vertex = vertexAt(e.getX(), e.getY());
        if (vertex == null) {
            if (e.getClickCount() == 2) {
                Point2D at = toWorld(e.getX(), e.getY());
                onBackgroundDoubleClicked.accept(new SearchGraph.Position(at.getX(), at.getY()));
            } else {
                selection.clear();
                requestLayout();
            }
            return;
        }
        if (e.isShiftDown()) {
            if (!selection.remove(vertex)) selection.add(vertex);
        } else {
            selection.clear();
            selection.add(vertex);
        }
        requestLayout();
        onVertexClicked.accept(vertex);
    }

    private void hover(Integer vertex) {
        if (Objects.equals(vertex, hovered)) return;
        if (hovered != null && vertexShapes.get(hovered) != null) vertexShapes.get(hovered).getStyleClass().remove("hovered");
        hovered = vertex;
        if (vertex != null && vertexShapes.get(vertex) != null) vertexShapes.get(vertex).getStyleClass().add("hovered");
        onVertexHovered.accept(vertex);
    }

    /** The menu of the edge within a few pixels of a point, if any. */
    private ContextMenu edgeMenuAt(double x, double y) {
        if (graph == null) return null;
        Point2D p = new Point2D(x, y);
        for (Edge edge : graph.edges()) {
            List<Point2D> route = route(edge, graph.edges().indexOf(edge));
            for (int k = 1; k < route.size(); k++) {
                if (distanceToSegment(p, route.get(k - 1), route.get(k)) <= 5) return edgeMenu.apply(edge.from(), edge.to());
            }
        }
        return null;
    }

    private static double distanceToSegment(Point2D p, Point2D a, Point2D b) {
        Point2D ab = b.subtract(a);
        double length2 = ab.dotProduct(ab);
        double t = length2 == 0 ? 0 : Math.max(0, Math.min(1, p.subtract(a).dotProduct(ab) / length2));
        return p.distance(a.add(ab.multiply(t)));
    }

    // ---- drawing -----------------------------------------------------------------------------

    /** The screen points an edge passes: the layered layout's bends while nobody has placed vertices by hand. */
    private List<Point2D> route(Edge edge, int index) {
        List<Point2D> points = new ArrayList<>();
        if (graph.positions().isEmpty() && gesture != Gesture.MOVE && index < layered.routes().size()) {
            for (LayeredLayout.Point q : layered.routes().get(index)) points.add(toScreen(q.x() * SPACING, q.y() * SPACING));
        } else {
            Point2D from = world.get(edge.from());
            Point2D to = world.get(edge.to());
            points.add(toScreen(from.getX(), from.getY()));
            points.add(toScreen(to.getX(), to.getY()));
        }
        return points;
    }

    @Override
    protected void layoutChildren() {
        getChildren().clear();
        vertexShapes.clear();
        if (graph == null) {
            getChildren().add(note);
            return;
        }
        if (autoFit) fitNow();
        double radius = RADIUS * Math.max(0.8, Math.min(1.3, zoom)); // a label must still fit when zoomed out
        List<Edge> edges = graph.edges();
        for (int i = 0; i < edges.size(); i++) {
            List<Point2D> route = route(edges.get(i), i);
            Point2D tip = route.getLast();
            Point2D before = route.get(route.size() - 2);
            Point2D direction = tip.subtract(before).normalize();
            tip = tip.subtract(direction.multiply(radius + 1));
            Polyline line = new Polyline();
            line.getStyleClass().add("graph-edge");
            for (int k = 0; k < route.size() - 1; k++) line.getPoints().addAll(route.get(k).getX(), route.get(k).getY());
            line.getPoints().addAll(tip.getX(), tip.getY());
            line.setMouseTransparent(true);
            Polygon head = arrowHead(before, tip);
            head.setMouseTransparent(true);
            if (edges.get(i).equals(highlightedEdge)) {
                line.getStyleClass().add("hovered");
                head.getStyleClass().add("hovered");
            }
            getChildren().addAll(line, head);
        }
        for (int id : graph.vertices()) {
            Point2D p = world.get(id);
            Point2D s = toScreen(p.getX(), p.getY());
            Circle circle = new Circle(s.getX(), s.getY(), radius);
            circle.getStyleClass().add("graph-vertex");
            circle.setMouseTransparent(true);
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
            if (selection.contains(id)) circle.getStyleClass().add("selected");
            if (Integer.valueOf(id).equals(hovered)) circle.getStyleClass().add("hovered");
            Text label = new Text(Integer.toString(id));
            label.getStyleClass().add("graph-vertex-label");
            if (emphasis) label.getStyleClass().add("on-emphasis");
            label.setMouseTransparent(true);
            // centred by its own bounds once styled, instead of styling every label here to measure it
            label.setTextOrigin(VPos.CENTER);
            label.layoutBoundsProperty().addListener((obs, old, bounds) -> label.setX(s.getX() - bounds.getWidth() / 2));
            label.setX(s.getX() - label.getLayoutBounds().getWidth() / 2);
            label.setY(s.getY());
            vertexShapes.put(id, circle);
            String mark = marks.get(id);
            if (mark != null) {
                Circle ring = new Circle(s.getX(), s.getY(), radius + 5);
                ring.getStyleClass().addAll("graph-mark", mark);
                ring.setMouseTransparent(true);
                getChildren().add(ring);
            }
            getChildren().addAll(circle, label);
        }
        getChildren().addAll(rubberBand, note);
        note.relocate(8, 6);
        note.autosize();
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
