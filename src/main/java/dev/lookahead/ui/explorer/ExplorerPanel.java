package dev.lookahead.ui.explorer;

import dev.lookahead.figures.AttentionFigure;
import dev.lookahead.figures.CircuitFigure;
import dev.lookahead.figures.Figure;
import dev.lookahead.figures.ForceLayout;
import dev.lookahead.figures.LayeredLayout;
import dev.lookahead.figures.ModelViewFigure;
import dev.lookahead.figures.ViewKey;
import dev.lookahead.inspect.GraphFacts;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Edge;
import dev.lookahead.search.Example;
import dev.lookahead.search.GenerationMode;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.GraphFormat;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import dev.lookahead.ui.FigureCanvas;
import dev.lookahead.ui.FigureSaving;
import dev.lookahead.ui.GraphView;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.Session;
import dev.lookahead.ui.Widgets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ComboBox;
import javafx.scene.control.ContextMenu;
import javafx.scene.control.Label;
import javafx.scene.control.MenuItem;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Separator;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextInputDialog;
import javafx.scene.control.Tooltip;
import javafx.scene.input.MouseEvent;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;
import javafx.scene.shape.Circle;

/**
 * The Explorer: generate a graph from the paper's distributions (or open one), see it in a layered
 * layout with start, goal and the useful next steps marked, and read its token sequence.
 */
public final class ExplorerPanel extends BorderPane implements Page {
    private static final int[] SIZES = {32, 44, 56, 68, 80, 98, 128};

    private final ComboBox<Distribution> distribution = new ComboBox<>();
    private final ComboBox<Integer> size = new ComboBox<>();
    private final Spinner<Integer> maxLookahead = new Spinner<>(1, 20, 4);
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final CheckBox testRules = new CheckBox("Test-set rules");
    private final Button previous = new Button("◀ Previous");
    private final Button next = new Button("Next ▶");
    private final GraphView graphView = new GraphView();
    private final Label title = new Label();
    private final Label facts = new Label();
    private final FlowPane tokens = new FlowPane(3, 3);
    private final Consumer<String> status;
    private final ModelSection modelSection;
    private final GraphEditor editor;
    private final Map<ViewKey.Kind, FigureCanvas> viewCanvases = new java.util.EnumMap<>(ViewKey.Kind.class);
    private final TabPane views = new TabPane();
    private final Spinner<Integer> testLookahead = new Spinner<>(1, 20, 2);
    /** Whether the first model load has shown its prediction yet. */
    private boolean welcomed;
    private Map<ViewKey, Figure> shownViews = Map.of();

    private ExampleStream stream;
    /** What is shown - graph, title, tokens, chosen vertex and token - owned here and shared with the model section. */
    private final ExplorerState state = new ExplorerState();
    /** A dfs or si model run on the shown graph, step by step. */
    private final RolloutSection rolloutSection;
    private Runnable onChanged = () -> { };

    public ExplorerPanel(Consumer<String> status) {
        this.status = status;
        modelSection = new ModelSection(graphView, state, status);
        rolloutSection = new RolloutSection(state::graph, status, this::showRollout);
        rolloutSection.setOnModelLoaded(this::updateNote);
        editor = new GraphEditor(edited -> showGraph(edited, "Edited graph"), status);
        graphView.setOnBackgroundDoubleClicked(editor::addVertex);
        graphView.setOnEdgeDrawn((from, to) -> editor.addEdge(from, to).ifPresent(this::showCycle));
        graphView.setOnVerticesMoved(positions -> editor.place(positions, "Moved " + graphView.selection().size() + " vertices"));
        graphView.setOnDeleteSelection(editor::deleteVertices);
        graphView.setOnVertexHovered(this::highlightTokens);
        modelSection.setOnModelLoaded(() -> {
            // one source of n: the size box follows the loaded model
            int modelN = modelSection.modelConfig().n();
            if (!size.getItems().contains(modelN)) size.getItems().add(modelN);
            if (size.getValue() == null || size.getValue() != modelN) {
                size.setValue(modelN);
                if (state.graph() != null) showGraph(state.graph(), state.title()); // the shown graph again, as an input of the model's n
            }
            updateNote();
            onChanged.run();
            if (!welcomed) {
                // the first window shows what the tool is for: a prediction and sets to step through at once
                welcomed = true;
                modelSection.preview();
            }
        });
        modelSection.layerSlider().valueProperty().addListener((obs, old, value) -> onChanged.run());
        graphView.setVertexMenu(this::vertexMenu);
        graphView.setEdgeMenu((from, to) -> {
            MenuItem delete = new MenuItem("Delete the edge " + from + " -> " + to);
            delete.setOnAction(e -> editor.deleteEdge(from, to));
            return new ContextMenu(delete);
        });
        distribution.getItems().setAll(Distribution.values());
        distribution.setValue(Distribution.BALANCED);
        distribution.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(Distribution d) {
                return d == null ? "" : capitalise(d.id());
            }

            @Override
            public Distribution fromString(String text) {
                return Distribution.parse(text);
            }
        });
        for (int n : SIZES) size.getItems().add(n);
        size.setValue(32);
        size.valueProperty().addListener((obs, old, n) -> {
            int largest = (new TokenLayout(n).maxEdges() - 1) / 2;
            maxLookahead.getValueFactory().setValue(Math.min(new TokenLayout(n).defaultMaxLookahead(), largest));
        });
        seed.setEditable(true);
        maxLookahead.setEditable(true);

        Button generate = new Button("Generate");
        generate.setDefaultButton(true);
        generate.setMaxWidth(Double.MAX_VALUE);
        generate.setOnAction(e -> restartStream());
        previous.setOnAction(e -> showExample(stream.previous()));
        next.setOnAction(e -> showExample(stream.next()));
        HBox stepping = new HBox(6, previous, next);
        testLookahead.setEditable(true);
        testLookahead.setPrefWidth(70);
        Button testExample = new Button("Test example");
        testExample.setTooltip(new Tooltip("An example with exactly this lookahead under the paper's test-set rules"
                + " (one useful next step, one shortest path, the current vertex branching); Next and Previous go on in that stream"));
        testExample.setOnAction(e -> testExample(testLookahead.getValue()));
        HBox testing = new HBox(6, testExample, new Label("L ="), testLookahead);
        testing.setAlignment(Pos.CENTER_LEFT);

        VBox side = new VBox(8,
                heading("Generate"),
                labelled("Distribution", distribution),
                labelled("Sequence length n", size),
                labelled("Max lookahead", maxLookahead),
                labelled("Seed", seed),
                testRules, generate, stepping, testing,
                new Separator(),
                heading("Model"),
                modelSection,
                new Separator(),
                heading("What if? (knockouts)"),
                modelSection.knockouts(),
                new Separator(),
                heading("Search in context"),
                rolloutSection,
                new Separator(),
                legend());
        side.getStyleClass().add("side-panel");
        side.setPrefWidth(250);
        ScrollPane sideScroll = new ScrollPane(side);
        sideScroll.setFitToWidth(true);
        sideScroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        sideScroll.setPrefWidth(268);
        setLeft(sideScroll);

        title.getStyleClass().add("panel-title");
        facts.setWrapText(true);
        VBox info = new VBox(6, title, facts, new Label("Tokens (what the model reads):"), tokens);
        info.setPadding(new Insets(10));
        // the model's views of the chosen layer, drawn by the same code as the exported figures
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        views.getTabs().add(new Tab("Graph", info));
        record ViewTab(ViewKey.Kind kind, String title, String tip) {
        }
        for (ViewTab view : List.of(new ViewTab(ViewKey.Kind.ATTENTION, "Attention", "The attention of block l + 1, which reads layer l:"
                        + " each row a query token, each column a key; hover a cell for its exact weight"),
                new ViewTab(ViewKey.Kind.MODEL_VIEW, "Model view", "Every block (columns) and head (rows) at once; hover for the exact weight"),
                new ViewTab(ViewKey.Kind.TOKENS, "Token arcs", "What the last token reads in block l + 1"),
                new ViewTab(ViewKey.Kind.PREDICTION, "Prediction", "The model's next-vertex distribution; green bars are the truly useful next steps"),
                new ViewTab(ViewKey.Kind.SET_SIZES, "Set sizes", "Mean traced set size per layer against the true 2^l-hop sets and 2^l itself"),
                new ViewTab(ViewKey.Kind.PATCHING, "Patching", "Activation patching from a counterfactual (What if? > Patching map):"
                        + " the share of the logit difference each (layer, position) restores"),
                new ViewTab(ViewKey.Kind.CIRCUIT, "Circuit", "The traced circuit: every attention operation between the layers,"
                        + " coloured by what explains it; click one to knock it out (click again, or Undo, to restore it)"),
                new ViewTab(ViewKey.Kind.ROLLOUT, "Search in context", "A dfs or si model's search on this graph, one step at a time:"
                        + " visited vertices numbered, the next vertex's parent ringed, the model's choice and distribution"))) {
            FigureCanvas canvas = new FigureCanvas();
            canvas.setPrefHeight(240);
            viewCanvases.put(view.kind(), canvas);
            Tab tab = new Tab(view.title(), canvas);
            tab.setTooltip(new Tooltip(view.tip()));
            views.getTabs().add(tab);
        }
        views.getSelectionModel().selectedItemProperty().addListener((obs, old, tab) -> {
            if (tab != null && tab.getContent() instanceof FigureCanvas canvas) canvas.refresh();
            updateNote(); // the in-context model's limit belongs to its own view
        });
        explainOnHover(viewCanvases.get(ViewKey.Kind.ATTENTION));
        explainOnHover(viewCanvases.get(ViewKey.Kind.MODEL_VIEW));
        explainOnHover(viewCanvases.get(ViewKey.Kind.PATCHING));
        knockOutOnClick(viewCanvases.get(ViewKey.Kind.CIRCUIT));
        modelSection.setOnViews(this::showViews);
        VBox.setVgrow(graphView, Priority.ALWAYS);
        Button exportView = new Button("Export this view…");
        exportView.setTooltip(new Tooltip("Save the view in front as PDF, SVG or PNG (the same figure as `export`)"));
        exportView.setOnAction(e -> exportSelectedView());
        HBox viewBar = new HBox(6, exportView);
        viewBar.setPadding(new Insets(2, 8, 2, 8));
        setCenter(new VBox(canvasToolbar(), graphView, viewBar, views));

        // a new window opens on a lookahead-4 test example: the deepest search the default model does
        testLookahead.getValueFactory().setValue(maxLookahead.getValue());
        startStream(true);
    }

    public GraphView graphView() {
        return graphView;
    }

    ModelSection modelSection() {
        return modelSection;
    }

    GraphEditor editor() {
        return editor;
    }

    /** Called after every change worth autosaving: an edit, a new graph, a model, a layer. */
    public void setOnChanged(Runnable action) {
        this.onChanged = action;
    }

    /** What the Explorer shows now, as a session. */
    public Session session() {
        return new Session(state.graph(), state.title(), modelSection.modelSource(), modelSection.chosenLayer(),
                modelSection.chosenVertex());
    }

    /** Shows a saved session: its graph, its model (loaded in the background), its vertex and layer. */
    public void restore(Session session) {
        showNew(session.graph(), session.title());
        if (session.model() != null && !session.model().equals(modelSection.modelSource())) modelSection.load(session.model());
        modelSection.restoreView(session.vertex(), session.layer());
    }

    /** Shows a graph as if opened: the edit history starts again from it. */
    public void showNew(SearchGraph graph, String name) {
        editor.reset(graph);
        showGraph(graph, name);
        graphView.fit();
    }

    /** Back to the layered layout: the drawing positions are dropped (an undoable edit). */
    public void layoutLayered() {
        if (state.graph().positions().isEmpty()) return;
        editor.place(Map.of(), "Layered layout");
        graphView.fit();
    }

    /** The force-directed layout, started from the layered one (an undoable edit). */
    public void layoutByForce() {
        var layered = LayeredLayout.layout(state.graph().vertices(), state.graph().edges());
        Map<Integer, LayeredLayout.Point> start = new HashMap<>();
        layered.positions().forEach((id, p) -> start.put(id, new LayeredLayout.Point(p.x() * GraphView.SPACING,
                p.y() * GraphView.SPACING)));
        Map<Integer, SearchGraph.Position> placed = new HashMap<>();
        ForceLayout.layout(start, state.graph().edges(), GraphView.SPACING)
                .forEach((id, p) -> placed.put(id, new SearchGraph.Position(p.x(), p.y())));
        editor.place(placed, "Force layout");
        graphView.fit();
    }

    /** Generates test examples with exactly lookahead {@code lookahead} from the chosen distribution, size and seed. */
    public void testExample(int lookahead) {
        testLookahead.getValueFactory().setValue(lookahead);
        startStream(true);
    }

    /** Adds a vertex with the smallest free id, as a double-click on the canvas does. */
    public void addVertex() {
        editor.addVertex(null);
    }

    /** Adds an edge, as a drag from vertex to vertex does (refused when it would close a cycle). */
    public void addEdge(int from, int to) {
        editor.addEdge(from, to);
    }

    /** Runs the loaded model on the shown graph and traces it in the background, as the Run button does. */
    public void runModel() {
        modelSection.runAndTrace();
    }

    /** Whether the model section is loading, tracing or exporting. */
    public boolean modelBusy() {
        return modelSection.running() != null;
    }

    /** The traced operations the knockout list offers, in its order (empty before a trace). */
    public List<dev.lookahead.model.Interventions.Knockout> knockoutsOffered() {
        return modelSection.knockouts().offered();
    }

    /** Knocks a traced operation out, or restores it, as a click on it in the circuit view does. */
    public boolean toggleKnockout(dev.lookahead.model.Interventions.Knockout operation) {
        return modelSection.knockouts().toggle(operation.layer(), operation.from(), operation.to());
    }

    /** Whether the last knockout's re-run has finished and its outcome is shown. */
    public boolean knockoutShown() {
        KnockoutSection knockouts = modelSection.knockouts();
        return !knockouts.busy() && !knockouts.result().getText().isEmpty();
    }

    public void undo() {
        editor.undo();
    }

    public void redo() {
        editor.redo();
    }

    private ContextMenu vertexMenu(int id) {
        MenuItem start = new MenuItem("Make " + id + " the start");
        start.setOnAction(e -> editor.setStart(id));
        MenuItem goal = new MenuItem("Make " + id + " the goal");
        goal.setOnAction(e -> editor.setGoal(id));
        MenuItem rename = new MenuItem("Rename " + id + "…");
        rename.setOnAction(e -> {
            TextInputDialog ask = new TextInputDialog(Integer.toString(id));
            ask.setTitle("Rename vertex " + id);
            ask.setHeaderText("The new id of vertex " + id + " (a positive whole number no other vertex has)");
            ask.initOwner(getScene().getWindow());
            ask.showAndWait().ifPresent(text -> renameVertex(id, text));
        });
        MenuItem delete = new MenuItem(graphView.selection().size() > 1 && graphView.selection().contains(id)
                ? "Delete the " + graphView.selection().size() + " selected vertices" : "Delete vertex " + id);
        delete.setOnAction(e -> {
            if (graphView.selection().size() > 1 && graphView.selection().contains(id)) editor.deleteVertices(graphView.selection());
            else editor.deleteVertex(id);
        });
        return new ContextMenu(start, goal, rename, delete);
    }

    /** Renames a vertex from typed text; a bad id is refused with the reason in the status bar. */
    void renameVertex(int id, String text) {
        try {
            editor.rename(id, Integer.parseInt(text.strip()));
        } catch (NumberFormatException e) {
            status.accept("Refused: \"" + text.strip() + "\" is not a whole number");
        }
    }

    /** Layout, fit and zoom over the graph, and how to edit it. */
    private HBox canvasToolbar() {
        Button layered = new Button("Layered layout");
        layered.setTooltip(new Tooltip("Arrange the graph in layers along its edges (undoable)"));
        layered.setOnAction(e -> layoutLayered());
        Button force = new Button("Force layout");
        force.setTooltip(new Tooltip("Let edges pull and vertices push until the graph settles (undoable)"));
        force.setOnAction(e -> layoutByForce());
        Button fit = new Button("Fit");
        fit.setTooltip(new Tooltip("Show the whole graph (F)"));
        fit.setOnAction(e -> graphView.fit());
        Button zoomIn = new Button("+");
        zoomIn.setOnAction(e -> graphView.zoomAt(graphView.getWidth() / 2, graphView.getHeight() / 2, 1.25));
        Button zoomOut = new Button("−");
        zoomOut.setOnAction(e -> graphView.zoomAt(graphView.getWidth() / 2, graphView.getHeight() / 2, 0.8));
        Label hint = new Label("Double-click: add a vertex · drag vertex to vertex: add an edge · Shift-drag: move · Shift-click: select more"
                + " · Delete: remove the selection · right-click: start, goal, rename · wheel: zoom · drag the background: pan");
        hint.getStyleClass().add("logical-form");
        hint.setWrapText(true);
        HBox.setHgrow(hint, Priority.ALWAYS);
        for (Button b : List.of(layered, force, fit, zoomIn, zoomOut)) b.setMinWidth(Region.USE_PREF_SIZE);
        HBox bar = new HBox(6, layered, force, fit, zoomIn, zoomOut, hint);
        bar.setAlignment(Pos.CENTER_LEFT);
        bar.setPadding(new Insets(4, 8, 4, 8));
        return bar;
    }

    /** Puts the views of the chosen layer into their tabs (the first head's attention). */
    private void showViews(Map<ViewKey, Figure> figures) {
        Figure rollout = shownViews.get(ViewKey.of(ViewKey.Kind.ROLLOUT));
        if (rollout != null && !figures.containsKey(ViewKey.of(ViewKey.Kind.ROLLOUT))) {
            figures = new java.util.LinkedHashMap<>(figures);
            figures.put(ViewKey.of(ViewKey.Kind.ROLLOUT), rollout); // the search-in-context view stays exportable
        }
        Figure patching = shownViews.get(ViewKey.of(ViewKey.Kind.PATCHING));
        if (patching != null && !figures.containsKey(ViewKey.of(ViewKey.Kind.PATCHING))) {
            figures = new java.util.LinkedHashMap<>(figures);
            figures.put(ViewKey.of(ViewKey.Kind.PATCHING), patching); // made on demand: it stays until the graph changes
        }
        figures = withKnockouts(figures);
        shownViews = figures;
        figures.forEach((key, figure) -> {
            FigureCanvas canvas = viewCanvases.get(key.kind());
            if (canvas != null && key.head() == 0) canvas.setFigure(figure);
        });
    }

    /** Shows a step of the search in context in its view, in front. */
    private void showRollout(Figure figure) {
        Map<ViewKey, Figure> next = new java.util.LinkedHashMap<>(shownViews);
        next.put(ViewKey.of(ViewKey.Kind.ROLLOUT), figure);
        showViews(next);
        selectView(ViewKey.Kind.ROLLOUT.id());
    }

    RolloutSection rolloutSection() {
        return rolloutSection;
    }

    /** Saves the view in front (or the graph itself, with the layer's sets, from the Graph tab) as a figure. */
    private void exportSelectedView() {
        Tab tab = views.getSelectionModel().getSelectedItem();
        ViewKey.Kind kind = viewCanvases.entrySet().stream().filter(e -> e.getValue() == tab.getContent()).map(Map.Entry::getKey)
                .findFirst().orElse(ViewKey.Kind.GRAPH);
        ViewKey key = shownViews.keySet().stream().filter(k -> k.kind() == kind && k.head() == 0).findFirst().orElse(null);
        if (key == null) {
            status.accept("Run the model first: the " + tab.getText() + " view is drawn from its output");
            return;
        }
        FigureSaving.chooseAndSave(this, shownViews.get(key), key.fileName(), status);
    }

    /**
     * The circuit view: a click on an operation knocks it out (or restores it), through the knockout list, whose every
     * change redraws the circuit with the knocked-out operations struck through.
     */
    private void knockOutOnClick(FigureCanvas canvas) {
        canvas.setOnMouseClicked(e -> {
            if (!(canvas.figure() instanceof CircuitFigure circuit)) return;
            var op = circuit.operationAt(e.getX() / canvas.scale(), e.getY() / canvas.scale());
            if (op != null) modelSection.knockouts().toggle(op.layer(), op.source(), op.destination());
        });
        modelSection.knockouts().setOnChange(knocked -> showViews(shownViews));
        modelSection.knockouts().setOnPatching(figure -> {
            Map<ViewKey, Figure> next = new java.util.LinkedHashMap<>(shownViews);
            next.remove(ViewKey.of(ViewKey.Kind.PATCHING));
            if (figure != null) next.put(ViewKey.of(ViewKey.Kind.PATCHING), figure);
            // the old map goes from the shown views first, or showViews would keep it as a view made on demand
            shownViews = next;
            viewCanvases.get(ViewKey.Kind.PATCHING).setFigure(figure);
            showViews(next);
            if (figure != null) selectView(ViewKey.Kind.PATCHING.id());
        });
    }

    /** The circuit with the operations knocked out now struck through, for every redraw (a new layer keeps them). */
    private Map<ViewKey, Figure> withKnockouts(Map<ViewKey, Figure> figures) {
        ViewKey key = ViewKey.of(ViewKey.Kind.CIRCUIT);
        if (!(figures.get(key) instanceof CircuitFigure circuit)) return figures;
        var edges = modelSection.knockouts().knockouts().stream().map(k -> new CircuitFigure.Edge(k.layer(), k.from(), k.to()))
                .collect(java.util.stream.Collectors.toSet());
        Map<ViewKey, Figure> next = new java.util.LinkedHashMap<>(figures);
        next.put(key, circuit.withKnockedOut(edges));
        return next;
    }

    /** A tooltip with the exact weight under the pointer, on a heatmap view. */
    private void explainOnHover(FigureCanvas canvas) {
        Tooltip tip = new Tooltip();
        canvas.setOnMouseMoved(e -> {
            String text = null;
            double x = e.getX() / canvas.scale();
            double y = e.getY() / canvas.scale();
            if (canvas.figure() instanceof AttentionFigure attention) {
                int[] cell = attention.cellAt(x, y);
                if (cell != null) text = attention.describe(cell[0], cell[1]);
            } else if (canvas.figure() instanceof ModelViewFigure model) {
                int[] entry = model.entryAt(x, y);
                if (entry != null) text = model.describe(entry);
            } else if (canvas.figure() instanceof dev.lookahead.figures.PatchingFigure patching) {
                text = patching.describe(x, y);
            }
            if (text == null) {
                tip.hide();
            } else {
                tip.setText(text);
                tip.show(canvas, e.getScreenX() + 14, e.getScreenY() + 14);
            }
        });
        canvas.setOnMouseExited(e -> tip.hide());
    }

    /** Model, device and last timings, for the status bar. */
    public ReadOnlyStringProperty modelInfoProperty() {
        return modelSection.infoProperty();
    }

    /** Steps the layer slider (keyboard: Ctrl+Left / Ctrl+Right). */
    public void stepLayer(int delta) {
        modelSection.stepLayer(delta);
    }

    public void togglePlay() {
        modelSection.togglePlay();
    }

    /** The canvas of one view ("attention", "tokens", "prediction", "set-sizes"). */
    FigureCanvas viewCanvas(String view) {
        return viewCanvases.get(kind(view));
    }

    /** Brings a view's tab to the front ("graph": the facts and the token strip; "attention", "model-view", ...). */
    public void showView(String view) {
        selectView(view);
    }

    /** Brings a view's tab to the front ("graph": the facts and the token strip). */
    void selectView(String view) {
        if (view.equals("graph")) views.getSelectionModel().select(0);
        for (Tab tab : views.getTabs()) if (tab.getContent() == viewCanvases.get(kind(view))) views.getSelectionModel().select(tab);
    }

    private static ViewKey.Kind kind(String id) {
        for (ViewKey.Kind kind : ViewKey.Kind.values()) if (kind.id().equals(id)) return kind;
        throw new IllegalArgumentException("no view '" + id + "'");
    }

    /** Rings the vertices of a refused cycle until the next edit. */
    private void showCycle(List<Integer> cycle) {
        Map<Integer, String> marks = new HashMap<>();
        for (int v : cycle) marks.put(v, "cycle");
        graphView.mark(marks);
    }

    /** Loads a shipped model or a training folder into the Explorer's model section. */
    public void openModel(String nameOrFolder) {
        modelSection.load(nameOrFolder);
    }

    /** The graph on screen (generated or opened). */
    public SearchGraph shownGraph() {
        return state.graph();
    }

    /** Opens a graph file; on a bad file the current graph stays and the error names file and line. */
    public void open(Path file) throws IOException {
        SearchGraph graph = GraphFiles.read(file);
        showNew(graph, file.getFileName().toString());
        status.accept("Opened " + file);
    }

    /** Saves the graph in the format its extension names; a token line is written for the loaded model's n. */
    public void save(Path file) throws IOException {
        if (GraphFormat.of(file) == GraphFormat.TOKENS) {
            GraphFiles.writeTokens(state.graph(), tokenLayout(), file);
        } else {
            GraphFiles.write(state.graph(), file);
        }
        status.accept("Saved " + file);
    }

    private void restartStream() {
        startStream(false);
    }

    /** A new seeded stream from the settings; with {@code fixedLookahead}, test examples of the test-lookahead field's lookahead. */
    private void startStream(boolean fixedLookahead) {
        TokenLayout layout = tokenLayout();
        try {
            GenerationSpec spec = GenerationSpec.training(layout, distribution.getValue(), maxLookahead.getValue())
                    .withMode(GenerationMode.FIRST_STEP).withTestSet(testRules.isSelected() || fixedLookahead);
            if (fixedLookahead) spec = spec.withFixedLookahead(testLookahead.getValue());
            stream = new ExampleStream(spec, seed.getValue());
            showExample(stream.next());
        } catch (IllegalArgumentException e) {
            status.accept(e.getMessage());
        }
    }

    private void showExample(Example example) {
        SearchGraph shown = SearchGraph.of(example.edges(), example.start(), example.goal());
        editor.reset(shown);
        graphView.show(shown, Arrays.stream(example.usefulNext()).boxed().collect(Collectors.toSet()));
        previous.setDisable(!stream.hasPrevious());
        String shownTitle = String.format("%s %sexample %d (seed %d, n = %d)", capitalise(example.distribution().id()),
                stream.spec().testSet() ? "test " : "", stream.position(), stream.seed(), example.n());
        title.setText(shownTitle);
        state.show(shown, shownTitle, example.tokens());
        facts.setText(String.format("Start %d, goal %d. Lookahead %d. Useful next step%s: %s (training label %d). "
                        + "%d vertices, %d edges.",
                example.start(), example.goal(), example.lookahead(), example.usefulNext().length == 1 ? "" : "s",
                join(example.usefulNext()), example.label(), shown.vertices().size(), example.edges().size()));
        showTokens(new TokenLayout(example.n()), example.tokens());
        modelSection.graphChanged();
        rolloutSection.graphChanged();
        graphView.fit();
        updateNote();
        onChanged.run();
        status.accept("Generated a " + example.distribution().id() + " graph with lookahead " + example.lookahead());
    }

    private void showGraph(SearchGraph graph, String name) {
        Set<Integer> useful = Set.of();
        StringBuilder text = new StringBuilder(String.format("%d vertices, %d edges.", graph.vertices().size(), graph.edges().size()));
        if (graph.start() != null && graph.goal() != null) {
            GraphFacts graphFacts = GraphFacts.of(graph.edges(), graph.start(), graph.goal());
            int[] next = graphFacts.usefulNext();
            useful = Arrays.stream(next).boxed().collect(Collectors.toSet());
            text.insert(0, String.format("Start %d, goal %d. ", graph.start(), graph.goal()));
            if (next.length > 0) {
                text.append(String.format(" Lookahead %d. Useful next: %s.", graphFacts.lookahead(), join(next)));
            } else {
                text.append(" The goal is not reachable from the start.");
            }
        }
        graphView.show(graph, useful);
        title.setText(name);
        TokenLayout layout = tokenLayout();
        Optional<String> unfit = graph.whyNotFor(layout);
        if (unfit.isPresent()) {
            tokens.getChildren().setAll(new Label("Not an input for n = " + layout.n() + ": " + unfit.get()));
            state.show(graph, name, null);
            modelSection.refuse(unfit.get());
            rolloutSection.graphChanged();
        } else {
            SearchInput input = graph.toInput(layout);
            int[] sequence = Tokenizer.encode(input);
            showTokens(layout, sequence);
            state.show(graph, name, graph.start() != null && graph.goal() != null ? sequence : null);
            modelSection.graphChanged();
            rolloutSection.graphChanged();
        }
        facts.setText(text.toString());
        updateNote();
        onChanged.run();
    }

    /** The token layout graphs are shown, generated and saved at: the size box's n, which follows the loaded model. */
    private TokenLayout tokenLayout() {
        return new TokenLayout(size.getValue());
    }

    /** The model's vertex limit in the canvas corner, in red with the reason when the shown graph does not fit it. */
    private void updateNote() {
        if (state.graph() == null) return;
        var config = modelSection.modelConfig();
        TokenLayout layout = tokenLayout();
        String limit = String.format("%s n = %d: up to %d vertices (ids 1-%d) and %d edges · this graph: %d vertices, %d edges",
                config != null ? "Model" : "Inputs at", layout.n(), layout.maxVertex(), layout.maxVertex(), layout.maxEdges(),
                state.graph().vertices().size(), state.graph().edges().size());
        Optional<String> unfit = state.graph().whyNotFor(layout);
        Tab shown = views.getSelectionModel().getSelectedItem();
        boolean inContextView = shown != null && shown.getContent() == viewCanvases.get(ViewKey.Kind.ROLLOUT);
        String note = unfit.map(reason -> limit + " · Run refused: " + reason).orElse(limit)
                + (inContextView ? rolloutSection.limitNote(state.graph()) : "");
        graphView.setNote(note, unfit.isPresent());
    }

    private void showTokens(TokenLayout layout, int[] sequence) {
        tokens.getChildren().clear();
        for (int position = 0; position < sequence.length; position++) {
            int token = sequence[position];
            int at = position;
            Label label = new Label(layout.tokenName(token));
            label.getStyleClass().add("token");
            if (layout.isVertex(token)) label.getStyleClass().add("vertex");
            if (token == layout.padToken()) label.getStyleClass().add("pad");
            label.setTooltip(new Tooltip("Position " + position + ": click to draw its arcs"
                    + (layout.isVertex(token) ? " and its vertex's sets" : "") + "; click again to let go"));
            if (layout.isVertex(token)) {
                // hovering a vertex token rings its vertex on the graph
                label.setOnMouseEntered(e -> {
                    Circle circle = graphView.vertexShape(token);
                    if (circle != null) circle.getStyleClass().add("hovered");
                });
                label.setOnMouseExited(e -> {
                    Circle circle = graphView.vertexShape(token);
                    if (circle != null) circle.getStyleClass().remove("hovered");
                });
            }
            Edge edge = edgeAt(layout, sequence, position);
            if (edge != null) {
                // hovering any token of an edge "E u v" highlights that edge on the graph
                label.addEventHandler(MouseEvent.MOUSE_ENTERED, e -> graphView.highlightEdge(edge));
                label.addEventHandler(MouseEvent.MOUSE_EXITED, e -> graphView.highlightEdge(null));
            }
            label.setOnMouseClicked(e -> lockToken(label, at));
            tokens.getChildren().add(label);
        }
    }

    /** The edge {u, v} whose "E u v" tokens include this position, or null. */
    private static Edge edgeAt(TokenLayout layout, int[] sequence, int position) {
        for (int start = Math.max(0, position - 2); start <= position; start++) {
            if (sequence[start] == layout.edgeToken() && start + 2 < sequence.length) return new Edge(sequence[start + 1], sequence[start + 2]);
        }
        return null;
    }

    /** Locks the clicked token of the strip (its arcs and sets), or lets go when it was locked already. */
    private void lockToken(Label label, int position) {
        boolean wasLocked = label.getStyleClass().contains("locked");
        tokens.getChildren().forEach(node -> node.getStyleClass().remove("locked"));
        if (!wasLocked) label.getStyleClass().add("locked");
        modelSection.lockToken(wasLocked ? null : position);
        selectView("tokens");
    }

    /** Highlights the tokens of a vertex in the strip (hovering a vertex on the canvas), or none for null. */
    private void highlightTokens(Integer vertex) {
        for (Node node : tokens.getChildren()) {
            Label label = (Label) node;
            boolean match = vertex != null && label.getText().equals(Integer.toString(vertex)) && label.getStyleClass().contains("vertex");
            if (match && !label.getStyleClass().contains("hovered")) label.getStyleClass().add("hovered");
            if (!match) label.getStyleClass().remove("hovered");
        }
    }

    private static VBox labelled(String text, Node control) {
        if (control instanceof javafx.scene.control.Control c) c.setMaxWidth(Double.MAX_VALUE);
        return new VBox(2, new Label(text), control);
    }

    private static Label heading(String text) {
        return Widgets.heading(text);
    }

    private static VBox legend() {
        return new VBox(4, heading("Legend"),
                swatch("start", "Start"), swatch("goal", "Goal"), swatch("useful", "Useful next step"),
                ring(ModelSection.AGREE, "Held by the model and truly reachable"),
                ring(ModelSection.MISSED, "Truly reachable, not held (missed)"),
                ring(ModelSection.EXTRA, "Held, not reachable within 2^l (extra)"));
    }

    private static HBox ring(String styleClass, String text) {
        Circle circle = new Circle(8);
        circle.getStyleClass().addAll("graph-mark", styleClass);
        Label label = new Label(text);
        label.setWrapText(true);
        HBox row = new HBox(8, circle, label);
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static HBox swatch(String styleClass, String text) {
        Circle circle = new Circle(8);
        circle.getStyleClass().addAll("graph-vertex", styleClass);
        HBox row = new HBox(8, circle, new Label(text));
        row.setAlignment(Pos.CENTER_LEFT);
        return row;
    }

    private static String join(int[] values) {
        return Arrays.stream(values).mapToObj(Integer::toString).collect(Collectors.joining(", "));
    }

    private static String capitalise(String text) {
        return Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    @Override
    public String title() {
        return "Explorer";
    }

    @Override
    public Node view() {
        return this;
    }
}
