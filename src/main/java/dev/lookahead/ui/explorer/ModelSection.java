package dev.lookahead.ui.explorer;

import dev.lookahead.figures.Figure;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.SearchViews;
import dev.lookahead.figures.TokensFigure;
import dev.lookahead.figures.ViewKey;
import dev.lookahead.inspect.Inspection;
import dev.lookahead.inspect.Inspector;
import dev.lookahead.inspect.SetComparison;
import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import dev.lookahead.ui.BackgroundWork;
import dev.lookahead.ui.FigureSaving;
import dev.lookahead.ui.GraphView;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.function.Consumer;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyStringProperty;
import javafx.beans.property.SimpleStringProperty;
import javafx.beans.property.StringProperty;
import javafx.concurrent.Task;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

/**
 * The Explorer's model controls: choose a model, run it on the shown graph, trace its circuit in the
 * background (with progress and cancel), then step through the layers. For the vertex chosen by a
 * click, the graph rings the vertices its tokens hold after the chosen block beside the vertices truly
 * reachable within 2^l hops: in both, missed by the model, or extra.
 */
final class ModelSection extends VBox {
    static final String AGREE = "set-agree";
    static final String MISSED = "set-missed";
    static final String EXTRA = "set-extra";

    private final GraphView graphView;
    private final Consumer<String> status;
    private final Label modelName = new Label("No model loaded");
    private final Label prediction = new Label();
    private final Button run = new Button("Run");
    private final Button traceButton = new Button("Trace");
    private final Button cancel = new Button("Cancel");
    private final Button exportViews = new Button("Export views…");
    private final Button play = new Button("▶ Play layers");
    private final Timeline playing = new Timeline();
    private final ProgressBar progress = new ProgressBar(0);
    private final Slider layer = new Slider(0, 1, 0);
    private final Label layerLabel = new Label();
    private final Label setText = new Label();

    /** The loaded model, its probes and its tracer; null before a model loads. */
    private Inspector inspector;
    /** The model's run on the shown graph: its first look at once, traced when the trace is done; null before a run. */
    private Inspection inspection;
    /** Model, device and the last timings, for the status bar. */
    private final StringProperty info = new SimpleStringProperty("No model");
    private String lastTiming = "";
    private Consumer<Map<ViewKey, Figure>> onViews = figures -> { };
    private Runnable onModelLoaded = () -> { };
    /** The shipped name or folder the model came from. */
    private String modelSource;
    /** A restored session's layer, applied when the next trace arrives. */
    private Integer pendingLayer;
    /** The token of the strip whose arcs are drawn, or null for the last token. */
    /** The graph, its tokens, the chosen vertex and locked token: the Explorer's, shared with its panel. */
    private final ExplorerState state;
    private final BackgroundWork work = new BackgroundWork(progress, cancel);
    /** Knockouts on the traced graph (docs/interventions.md). */
    private final KnockoutSection knockouts;

    ModelSection(GraphView graphView, ExplorerState state, Consumer<String> status) {
        super(6);
        this.state = state;
        this.graphView = graphView;
        this.status = status;
        this.knockouts = new KnockoutSection(status);
        Button choose = new Button("Choose a model folder…");
        choose.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a training folder (holding model.json and weights.bin)");
            File folder = chooser.showDialog(getScene().getWindow());
            if (folder != null) load(folder.toPath().toString());
        });
        run.setOnAction(e -> runAndTrace());
        exportViews.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder for the figures (PDF, SVG and PNG of every view)");
            File target = chooser.showDialog(getScene().getWindow());
            if (target != null) exportViews(target.toPath());
        });
        traceButton.setOnAction(e -> startTrace(false));
        layer.setMajorTickUnit(1);
        layer.setMinorTickCount(0);
        layer.setSnapToTicks(true);
        layer.setShowTickMarks(true);
        layer.setDisable(true);
        layer.valueProperty().addListener((obs, old, value) -> showSets());
        modelName.setWrapText(true);
        prediction.setWrapText(true);
        setText.setWrapText(true);
        layerLabel.setWrapText(true);
        graphView.setOnVertexClicked(id -> {
            state.chooseVertex(id);
            showSets();
        });
        // play steps the slider from the embedding to the last block, a layer every 0.7 s
        playing.getKeyFrames().add(new KeyFrame(Duration.millis(700), e -> {
            if (layer.getValue() >= layer.getMax()) playing.stop();
            else layer.setValue(layer.getValue() + 1);
        }));
        playing.setCycleCount(Animation.INDEFINITE);
        playing.statusProperty().addListener((obs, old, now) -> play.setText(now == Animation.Status.RUNNING ? "❚❚ Pause" : "▶ Play layers"));
        play.setOnAction(e -> {
            if (playing.getStatus() == Animation.Status.RUNNING) {
                playing.stop();
            } else {
                if (layer.getValue() >= layer.getMax()) layer.setValue(0);
                playing.play();
            }
        });
        play.disableProperty().bind(layer.disabledProperty());
        getChildren().addAll(modelName, choose, new HBox(6, run, traceButton), new HBox(6, progress, cancel), prediction,
                layerLabel, layer, play, setText, exportViews);
        setEnabled();
        ModelFiles.shipped(dev.lookahead.search.Task.SEARCH).stream().findFirst().ifPresentOrElse(this::load,
                () -> modelName.setText("No model shipped in this build: choose a training folder"));
    }

    /** Loads a shipped model or a training folder in the background. */
    void load(String nameOrFolder) {
        Task<Inspector> task = new Task<>() {
            @Override
            protected Inspector call() throws Exception {
                SearchModel opened = SearchModel.openSearch(nameOrFolder, "auto");
                try {
                    return Inspector.of(opened, ReachabilityProbes.forModel(nameOrFolder).orElse(null));
                } catch (IOException | RuntimeException e) {
                    // damaged probes only cost the early estimate; the trace still comes
                    return Inspector.of(opened, null);
                }
            }
        };
        start(task, loaded -> {
            if (inspector != null) inspector.model().close();
            inspector = loaded;
            SearchModel model = loaded.model();
            modelSource = nameOrFolder;
            forgetResults();
            lastTiming = "";
            updateInfo();
            modelName.setText("Model: " + (ModelFiles.isShipped(nameOrFolder) ? nameOrFolder + " (shipped)" : Path.of(nameOrFolder).getFileName())
                    + String.format(" - n = %d, %d layers", model.config().n(), model.config().layers()));
            status.accept("Loaded the model " + nameOrFolder);
            onModelLoaded.run();
        }, failure -> modelName.setText("No model loaded: " + failure.getMessage()));
    }

    /** Drops the prediction, sets and trace shown: they belong to another graph or another model. */
    private void forgetResults() {
        inspection = null;
        knockouts.clear();
        prediction.setText("");
        layerLabel.setText("");
        setText.setText("");
        layer.setDisable(true);
    }

    /** The "What if?" knockouts of the traced graph, shown in the sidebar below the model. */
    KnockoutSection knockouts() {
        return knockouts;
    }

    /** Model, device and last timings, e.g. for a status bar. */
    ReadOnlyStringProperty infoProperty() {
        return info;
    }

    private void updateInfo() {
        if (inspector == null) {
            info.set("No model");
            return;
        }
        SearchModel model = inspector.model();
        String device = model.device().isGpu() ? "GPU" : "CPU";
        info.set(String.format("%s · n = %d, %d layers · %s%s", ModelFiles.isShipped(modelSource) ? modelSource : Path.of(modelSource).getFileName(),
                model.config().n(), model.config().layers(), device, lastTiming.isEmpty() ? "" : " · " + lastTiming));
    }

    /** Moves the layer slider by {@code delta} layers (keyboard stepping). */
    void stepLayer(int delta) {
        if (layer.isDisabled()) return;
        playing.stop();
        layer.setValue(Math.max(0, Math.min(layer.getMax(), Math.round(layer.getValue()) + delta)));
    }

    /** Plays the layers from the embedding, or pauses. */
    void togglePlay() {
        if (!layer.isDisabled()) play.fire();
    }

    /** Called on the UI thread each time a model has loaded. */
    void setOnModelLoaded(Runnable action) {
        this.onModelLoaded = action;
    }

    /** Where the loaded model came from (a shipped name or a folder), or null. */
    String modelSource() {
        return modelSource;
    }

    /** The layer chosen now (0 before a trace). */
    int chosenLayer() {
        return (int) Math.round(layer.getValue());
    }

    /** The vertex whose set is shown, or null. */
    Integer chosenVertex() {
        return state.vertex();
    }

    /** A restored session's view: the vertex at once, the layer once the graph is traced. */
    void restoreView(Integer vertex, int layerIndex) {
        state.chooseVertex(vertex);
        pendingLayer = layerIndex;
    }

    /** The loaded model's configuration, or null. */
    ModelConfig modelConfig() {
        return inspector == null ? null : inspector.model().config();
    }

    /** A graph the model cannot take is shown: Run is refused, with the reason shown. */
    void refuse(String reason) {
        graphChanged();
        prediction.setText("Run is refused: " + reason + ".");
    }

    /** Another graph is shown (the state has it): the last run and trace are forgotten. */
    void graphChanged() {
        forgetResults();
        setEnabled();
    }

    private void setEnabled() {
        ModelConfig config = modelConfig();
        int[] tokens = state.tokens();
        boolean fits = config != null && tokens != null && tokens.length == config.n();
        run.setDisable(!fits || work.running() != null);
        traceButton.setDisable(!fits || work.running() != null);
        exportViews.setDisable(!fits || work.running() != null);
        if (config != null && tokens != null && tokens.length != config.n()) {
            prediction.setText("The model reads n = " + config.n() + "; this graph is shown at n = " + tokens.length + ".");
        }
    }

    /** Runs the model, then traces its circuit, both in the background; the prediction shows as soon as it is known. */
    void runAndTrace() {
        if (run.isDisabled()) return;
        startTrace(true);
    }

    private static String predictionText(Inspection look) {
        int predicted = look.predicted();
        return String.format("The model predicts %s (p = %.2f): %s.", look.input().layout().tokenName(predicted), look.probabilities()[predicted],
                look.correct() ? "a useful next step" : "not a useful next step");
    }

    private void startTrace(boolean predictFirst) {
        knockouts.clear();
        int[] input = state.tokens();
        Inspector current = inspector;
        Task<Inspection> task = new Task<>() {
            @Override
            protected Inspection call() {
                Inspection look = firstLook(current, input, predictFirst);
                long traceBegan = System.nanoTime();
                Inspection traced = current.trace(look, this::isCancelled, share -> updateProgress(share, 1.0));
                double traceSeconds = (System.nanoTime() - traceBegan) / 1e9;
                Platform.runLater(() -> lastTiming = String.format("run %.0f ms, trace %.1f s", look.runMillis(), traceSeconds));
                return traced;
            }
        };
        status.accept(!current.hasProbes() ? "Tracing the circuit…" : "Probe estimate shown; tracing the circuit…");
        start(task, traced -> {
            if (input != state.tokens()) return; // the graph changed meanwhile
            inspection = traced;
            updateInfo();
            Trace trace = traced.trace();
            String merges = trace.pathMergeOperations() >= 0 ? String.format("; %d path-merge operations", trace.pathMergeOperations()) : "";
            status.accept(String.format("Traced (%s rules) after %,d patched forward passes: %s%s", trace.rules().id(), trace.forwardPasses(),
                    trace.explained() ? "explained" : "not explained (" + trace.reason() + ")", merges));
            if (traced.traced()) showLayers();
            knockouts.show(inspector.model(), traced);
        }, failure -> status.accept("Tracing failed: " + failure.getMessage()));
    }

    /**
     * The model's prediction and the probes' estimate for the shown graph, without a trace: what a new
     * window shows at once, so the sets can be stepped through before anything is pressed.
     */
    void preview() {
        ModelConfig config = modelConfig();
        int[] tokens = state.tokens();
        if (config == null || tokens == null || tokens.length != config.n() || work.running() != null) return;
        int[] input = state.tokens();
        Inspector current = inspector;
        Task<Inspection> task = new Task<>() {
            @Override
            protected Inspection call() {
                return firstLook(current, input, true);
            }
        };
        start(task, look -> status.accept(!current.hasProbes() ? "The model's prediction is shown; Run traces its circuit"
                : "The model's prediction and the probes' estimate are shown; Run traces the circuit"),
                failure -> status.accept("The model could not run: " + failure.getMessage()));
    }

    /**
     * The model's first look at the input (on a worker thread: the first one warms the engine up), then on the UI
     * thread the views, the prediction when asked, and the probes' estimate while nothing is traced.
     */
    private Inspection firstLook(Inspector current, int[] input, boolean showPrediction) {
        Inspection look = current.look(Tokenizer.decode(current.model().config().layout(), input));
        String text = predictionText(look);
        Platform.runLater(() -> {
            if (input != state.tokens()) return; // the graph changed meanwhile
            boolean traced = inspection != null && inspection.traced();
            if (!traced) inspection = look;
            lastTiming = String.format("run %.0f ms", look.runMillis());
            updateInfo();
            if (showPrediction) prediction.setText(text);
            if (!traced && !look.sets().isEmpty()) showLayers();
        });
        return look;
    }

    /** Runs a job in the background; the buttons follow whether one is running. */
    private <T> void start(Task<T> task, Consumer<T> done, Consumer<Throwable> failed) {
        work.start(task, "explorer-model", result -> {
            done.accept(result);
            setEnabled();
        }, failure -> {
            failed.accept(failure);
            setEnabled();
        }, () -> {
            status.accept("Cancelled");
            setEnabled();
        });
        setEnabled();
    }

    /**
     * Writes every view of the shown graph - the graph with the traced sets (when traced), attention,
     * token arcs, prediction, set sizes - as PDF, SVG and PNG into {@code folder}, as {@code export} does.
     */
    void exportViews(Path folder) {
        Inspector current = inspector;
        int[] input = state.tokens();
        Inspection shown = inspection;
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() throws Exception {
                Inspection drawn = shown != null ? shown : current.look(Tokenizer.decode(current.model().config().layout(), input));
                List<Integer> layers = new ArrayList<>();
                for (int l = 0; l <= current.model().config().layers(); l++) layers.add(l);
                var figures = SearchViews.byFileName(SearchViews.all(drawn, layers));
                Files.createDirectories(folder);
                int written = 0;
                for (var figure : figures.entrySet()) {
                    for (var format : FigureFormat.values()) {
                        FigureExport.write(figure.getValue(), format,
                                folder.resolve(figure.getKey() + "." + format.extension()), FigureSaving.PNG_SCALE);
                        written++;
                    }
                }
                return written;
            }
        };
        boolean traced = shown != null && shown.traced();
        status.accept("Exporting the views…");
        start(task, written -> status.accept("Wrote " + written + " figures to " + folder
                + (traced ? "" : " (no trace yet: the graph views show no sets)")), failure -> status.accept("Export failed: " + failure.getMessage()));
    }

    /** Puts the shown inspection's per-layer sets on the slider: the probes' estimate first, replaced by the traced sets. */
    private void showLayers() {
        List<Map<Integer, SortedSet<Integer>>> sets = inspection.sets();
        boolean first = layer.isDisabled();
        layer.setMax(Math.max(1, sets.size() - 1));
        if (pendingLayer != null) {
            layer.setValue(Math.min(pendingLayer, sets.size() - 1));
            if (inspection.traced()) pendingLayer = null;
        } else if (first) {
            layer.setValue(sets.size() - 1);
        }
        layer.setDisable(false);
        showSets();
    }

    /** The sentence under the slider that says what the chosen vertex's tokens hold. */
    Label setDescription() {
        return setText;
    }

    /** The graph view's style class for a vertex's mark. */
    static String styleClass(SetComparison.Mark mark) {
        return switch (mark) {
            case AGREE -> AGREE;
            case MISSED -> MISSED;
            case EXTRA -> EXTRA;
        };
    }

    /** Rings the chosen vertex's set at the chosen layer (traced, or the probes' estimate) against its true 2^l-hop set. */
    private void showSets() {
        Integer chosen = state.vertex();
        if (inspection == null || chosen == null) return;
        if (inspection.sets().isEmpty()) {
            onViews.accept(withArcsFromLockedToken(SearchViews.all(inspection, List.of(0)), 0));
            return;
        }
        int l = (int) Math.min(Math.round(layer.getValue()), inspection.sets().size() - 1);
        boolean traced = inspection.traced();
        layerLabel.setText((l == 0 ? "Layer 0: the embedding" : "After block " + l + " of " + (inspection.sets().size() - 1))
                + (traced ? " (traced)" : " (probe estimate)"));
        Inspection.Held held = inspection.held(l, chosen);
        Set<Integer> truth = inspection.facts().reachableAfterLayer(chosen, l);
        Map<Integer, String> marks = new HashMap<>();
        inspection.compare(l, chosen).marks().forEach((v, mark) -> marks.put(v, styleClass(mark)));
        graphView.mark(marks);
        String heldText = held.vertices().isEmpty() ? (traced ? "nothing traced at this layer" : "nothing the probes call reachable")
                : held.vertices().toString();
        SortedSet<Integer> absent = inspection.claimedAbsent(l, chosen);
        setText.setText(!held.inCircuit()
                ? String.format("Vertex %d: none of its tokens is a node of the traced circuit %s (the paper's rules keep only the"
                        + " nodes that explain the prediction); truly reachable within %d hop%s: %s.", chosen,
                        l == 0 ? "in the embedding" : "after block " + l, 1 << l, l == 0 ? "" : "s", truth)
                : String.format("Vertex %d: its tokens hold %s; truly reachable within %d hop%s: %s.%s", chosen, heldText,
                        1 << l, l == 0 ? "" : "s", truth,
                        absent.isEmpty() ? "" : " The probes also call reachable ids the graph does not have: " + absent + "."));
        onViews.accept(withArcsFromLockedToken(SearchViews.all(inspection, List.of(l)), l));
    }

    /** The token arcs drawn from the locked token of the strip (the last token until one is clicked). */
    private Map<ViewKey, Figure> withArcsFromLockedToken(Map<ViewKey, Figure> figures, int l) {
        float[][][][] patterns = inspection.attention();
        Integer lockedToken = state.lockedToken();
        int[] tokens = inspection.tokens();
        if (lockedToken == null || lockedToken >= tokens.length || l >= patterns.length) return figures;
        TokenLayout layout = inspection.input().layout();
        String[] labels = Arrays.stream(tokens).mapToObj(layout::tokenName).toArray(String[]::new);
        Map<ViewKey, Figure> replaced = new LinkedHashMap<>(figures);
        replaced.put(ViewKey.at(ViewKey.Kind.TOKENS, l), new TokensFigure(labels, patterns[l][0][lockedToken], lockedToken,
                "what token " + lockedToken + " (" + labels[lockedToken] + ") reads in block " + (l + 1)));
        return replaced;
    }

    /**
     * Locks a token of the strip: its arcs show in Token arcs and, for a vertex token, its vertex's
     * sets on the graph; null unlocks (back to the last token).
     */
    void lockToken(Integer position) {
        state.lockToken(position);
        int[] tokens = state.tokens();
        ModelConfig config = modelConfig();
        if (position != null && tokens != null && position < tokens.length && config != null && config.layout().isVertex(tokens[position])) {
            state.chooseVertex(tokens[position]);
        }
        showSets();
    }

    /** Called with the views of the chosen layer (attention, token arcs, prediction, set sizes) whenever it changes. */
    void setOnViews(Consumer<Map<ViewKey, Figure>> action) {
        this.onViews = action;
    }

    Trace trace() {
        return inspection == null ? null : inspection.trace();
    }

    Task<?> running() {
        return work.running();
    }

    Slider layerSlider() {
        return layer;
    }

    /** Whether the sets on the slider are traced (false: the probes' estimate, or none yet). */
    boolean setsTraced() {
        return inspection != null && inspection.traced();
    }

    boolean hasSets() {
        return inspection != null && !inspection.sets().isEmpty();
    }
}
