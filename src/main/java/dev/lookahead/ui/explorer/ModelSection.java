package dev.lookahead.ui.explorer;

import dev.lookahead.figures.Figure;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.SearchViews;
import dev.lookahead.figures.TokensFigure;
import dev.lookahead.interp.CircuitTracer;
import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.model.Tensor;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.SearchInput;
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
import java.util.TreeSet;
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

    private SearchModel model;
    private ReachabilityProbes probes;
    /** Per layer, each token position's vertex set: the probes' estimate at once, the traced sets when the trace is done. */
    private List<Map<Integer, SortedSet<Integer>>> sets;
    private boolean setsTraced;
    /** Ids the probes call reachable that the graph does not have, per layer and position (empty once traced). */
    private List<Map<Integer, SortedSet<Integer>>> claimedAbsent = List.of();
    /** Model, device and the last timings, for the status bar. */
    private final StringProperty info = new SimpleStringProperty("No model");
    private String lastTiming = "";
    /** What the views below the graph draw from: the input, each block's attention, the prediction. */
    private record Views(SearchInput input, float[][][][] patterns, float[] probabilities) {
    }

    /** A loaded model with the reachability probes kept beside it (null when it has none). */
    private record Loaded(SearchModel model, ReachabilityProbes probes) {
    }

    private Views views;
    private Consumer<Map<String, Figure>> onViews = figures -> { };
    private Runnable onModelLoaded = () -> { };
    /** The shipped name or folder the model came from. */
    private String modelSource;
    /** A restored session's layer, applied when the next trace arrives. */
    private Integer pendingLayer;
    /** The token of the strip whose arcs are drawn, or null for the last token. */
    private Integer lockedToken;
    private SearchGraph graph;
    private int[] tokens;
    private Trace trace;
    private Integer chosen;
    private final BackgroundWork work = new BackgroundWork(progress, cancel);

    ModelSection(GraphView graphView, Consumer<String> status) {
        super(6);
        this.graphView = graphView;
        this.status = status;
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
            chosen = id;
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
        ModelFiles.shipped().stream().findFirst().ifPresentOrElse(this::load,
                () -> modelName.setText("No model shipped in this build: choose a training folder"));
    }

    /** Loads a shipped model or a training folder in the background. */
    void load(String nameOrFolder) {
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws Exception {
                SearchModel opened = SearchModel.open(nameOrFolder, "auto");
                try {
                    return new Loaded(opened, ReachabilityProbes.forModel(nameOrFolder).orElse(null));
                } catch (IOException | RuntimeException e) {
                    // damaged probes only cost the early estimate; the trace still comes
                    return new Loaded(opened, null);
                }
            }
        };
        start(task, loaded -> {
            if (model != null) model.close();
            model = loaded.model();
            probes = loaded.probes();
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
        trace = null;
        sets = null;
        claimedAbsent = List.of();
        views = null;
        prediction.setText("");
        layerLabel.setText("");
        setText.setText("");
        layer.setDisable(true);
    }

    /** Model, device and last timings, e.g. for a status bar. */
    ReadOnlyStringProperty infoProperty() {
        return info;
    }

    private void updateInfo() {
        if (model == null) {
            info.set("No model");
            return;
        }
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
        return chosen;
    }

    /** A restored session's view: the vertex at once, the layer once the graph is traced. */
    void restoreView(Integer vertex, int layerIndex) {
        chosen = vertex;
        pendingLayer = layerIndex;
    }

    /** The loaded model's configuration, or null. */
    ModelConfig modelConfig() {
        return model == null ? null : model.config();
    }

    /** A graph the model cannot take: Run is refused, with the reason shown. */
    void refuse(SearchGraph shown, String reason) {
        showGraph(shown, null);
        prediction.setText("Run is refused: " + reason + ".");
    }

    /** The graph now shown; forgets the last trace. */
    void showGraph(SearchGraph shown, int[] shownTokens) {
        graph = shown;
        tokens = shownTokens;
        lockedToken = null;
        chosen = shown.start();
        forgetResults();
        setEnabled();
    }

    private void setEnabled() {
        boolean fits = model != null && tokens != null && tokens.length == model.config().n();
        run.setDisable(!fits || work.running() != null);
        traceButton.setDisable(!fits || work.running() != null);
        exportViews.setDisable(!fits || work.running() != null);
        if (model != null && tokens != null && tokens.length != model.config().n()) {
            prediction.setText("The model reads n = " + model.config().n() + "; this graph is shown at n = " + tokens.length + ".");
        }
    }

    /** Runs the model, then traces its circuit, both in the background; the prediction shows as soon as it is known. */
    void runAndTrace() {
        if (run.isDisabled()) return;
        startTrace(true);
    }

    private String predictionText(float[] probabilities) {
        int predicted = SearchModel.argMax(probabilities);
        TokenLayout layout = model.config().layout();
        int[] useful = new GroundTruth(graph.edges()).usefulNext(graph.start(), graph.goal());
        boolean correct = Arrays.stream(useful).anyMatch(v -> v == predicted);
        return String.format("The model predicts %s (p = %.2f): %s.", layout.tokenName(predicted), probabilities[predicted],
                correct ? "a useful next step" : "not a useful next step");
    }

    private void startTrace(boolean predictFirst) {
        int[] input = tokens;
        SearchModel current = model;
        CircuitTracer tracer = new CircuitTracer(current);
        Task<Trace> task = new Task<>() {
            @Override
            protected Trace call() throws Exception {
                double runMillis = firstLook(current, input, predictFirst);
                long traceBegan = System.nanoTime();
                Trace traced = tracer.trace(input, this::isCancelled, share -> updateProgress(share, 1.0));
                double traceSeconds = (System.nanoTime() - traceBegan) / 1e9;
                Platform.runLater(() -> lastTiming = String.format("run %.0f ms, trace %.1f s", runMillis, traceSeconds));
                return traced;
            }
        };
        status.accept(probes == null ? "Tracing the circuit…" : "Probe estimate shown; tracing the circuit…");
        start(task, traced -> {
            trace = traced;
            updateInfo();
            String merges = trace.pathMergeOperations() >= 0 ? String.format("; %d path-merge operations", trace.pathMergeOperations()) : "";
            status.accept(String.format("Traced (%s rules) after %,d patched forward passes: %s%s", trace.rules().id(), trace.forwardPasses(),
                    trace.explained() ? "explained" : "not explained (" + trace.reason() + ")", merges));
            if (!trace.layers().isEmpty()) showLayers(trace.layers(), true);
        }, failure -> status.accept("Tracing failed: " + failure.getMessage()));
    }

    /**
     * The model's prediction and the probes' estimate for the shown graph, without a trace: what a new
     * window shows at once, so the sets can be stepped through before anything is pressed.
     */
    void preview() {
        if (model == null || tokens == null || tokens.length != model.config().n() || work.running() != null) return;
        int[] input = tokens;
        SearchModel current = model;
        Task<Double> task = new Task<>() {
            @Override
            protected Double call() {
                return firstLook(current, input, true);
            }
        };
        start(task, millis -> status.accept(probes == null ? "The model's prediction is shown; Run traces its circuit"
                : "The model's prediction and the probes' estimate are shown; Run traces the circuit"),
                failure -> status.accept("The model could not run: " + failure.getMessage()));
    }

    /**
     * One forward pass with its activations (on a worker thread: the first one warms the engine up), then
     * on the UI thread the views, the prediction when asked, and the probes' estimate while nothing is
     * traced. Returns the pass's time in milliseconds.
     */
    private double firstLook(SearchModel current, int[] input, boolean showPrediction) {
        TokenLayout layout = current.config().layout();
        long began = System.nanoTime();
        float[] probabilities = current.probabilities(new int[][] {input})[0];
        Map<String, Tensor> captured = current.capture(input);
        double runMillis = (System.nanoTime() - began) / 1e6;
        Views computed = new Views(Tokenizer.decode(layout, input), SearchModel.attentionPatterns(captured, current.config()), probabilities);
        ReachabilityProbes.Estimate estimate = probes == null ? null : probes.estimate(captured, input, layout);
        String text = predictionText(probabilities);
        Platform.runLater(() -> {
            if (input != tokens) return; // the graph changed meanwhile
            views = computed;
            lastTiming = String.format("run %.0f ms", runMillis);
            updateInfo();
            if (showPrediction) prediction.setText(text);
            if (estimate != null && sets == null) {
                claimedAbsent = estimate.absent();
                showLayers(estimate.sets(), false);
            }
        });
        return runMillis;
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
        SearchModel current = model;
        int[] input = tokens;
        Trace traced = trace;
        TokenLayout layout = current.config().layout();
        Task<Integer> task = new Task<>() {
            @Override
            protected Integer call() throws Exception {
                SearchInput searchInput = Tokenizer.decode(layout, input);
                List<Integer> layers = new ArrayList<>();
                for (int l = 0; l <= current.config().layers(); l++) layers.add(l);
                var figures = SearchViews.all(searchInput, current.attentionPatterns(input),
                        current.probabilities(new int[][] {input})[0], traced, layers);
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
        status.accept("Exporting the views…");
        start(task, written -> status.accept("Wrote " + written + " figures to " + folder
                + (traced == null ? " (no trace yet: the graph views show no sets)" : "")), failure -> status.accept("Export failed: " + failure.getMessage()));
    }

    /** Puts per-layer sets on the slider: the probes' estimate first, replaced by the traced sets. */
    private void showLayers(List<Map<Integer, SortedSet<Integer>>> layerSets, boolean traced) {
        boolean first = sets == null;
        sets = layerSets;
        setsTraced = traced;
        if (traced) claimedAbsent = List.of();
        layer.setMax(Math.max(1, sets.size() - 1));
        if (pendingLayer != null) {
            layer.setValue(Math.min(pendingLayer, sets.size() - 1));
            if (traced) pendingLayer = null;
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

    /** Rings the chosen vertex's set at the chosen layer (traced, or the probes' estimate) against its true 2^l-hop set. */
    private void showSets() {
        if (sets == null || sets.isEmpty() || chosen == null) return;
        int l = (int) Math.min(Math.round(layer.getValue()), sets.size() - 1);
        layerLabel.setText((l == 0 ? "Layer 0: the embedding" : "After block " + l + " of " + (sets.size() - 1))
                + (setsTraced ? " (traced)" : " (probe estimate)"));
        SortedSet<Integer> traced = new TreeSet<>();
        boolean inCircuit = false;
        for (Map.Entry<Integer, SortedSet<Integer>> node : sets.get(l).entrySet()) {
            if (tokens[node.getKey()] != chosen) continue;
            inCircuit = true;
            traced.addAll(node.getValue());
        }
        Set<Integer> truth = new GroundTruth(graph.edges()).reachableWithin(chosen, 1 << l);
        Map<Integer, String> marks = new HashMap<>();
        if (inCircuit || !setsTraced) {
            for (int v : traced) marks.put(v, truth.contains(v) ? AGREE : EXTRA);
            for (int v : truth) marks.putIfAbsent(v, MISSED);
        }
        graphView.mark(marks);
        String held = traced.isEmpty() ? (setsTraced ? "nothing traced at this layer" : "nothing the probes call reachable") : traced.toString();
        setText.setText(setsTraced && !inCircuit
                ? String.format("Vertex %d: none of its tokens is a node of the traced circuit %s (the paper's rules keep only the"
                        + " nodes that explain the prediction); truly reachable within %d hop%s: %s.", chosen,
                        l == 0 ? "in the embedding" : "after block " + l, 1 << l, l == 0 ? "" : "s", truth)
                : String.format("Vertex %d: its tokens hold %s; truly reachable within %d hop%s: %s.%s", chosen, held,
                        1 << l, l == 0 ? "" : "s", truth, absentNote(l)));
        if (views != null) onViews.accept(withArcsFromLockedToken(SearchViews.all(views.input(), views.patterns(), views.probabilities(),
                trace, List.of(l)), l));
    }

    /** Says which ids, absent from the graph, the probes call reachable from the chosen vertex's tokens. */
    private String absentNote(int l) {
        if (l >= claimedAbsent.size()) return "";
        SortedSet<Integer> absent = new TreeSet<>();
        claimedAbsent.get(l).forEach((position, ids) -> {
            if (tokens[position] == chosen) absent.addAll(ids);
        });
        return absent.isEmpty() ? "" : " The probes also call reachable ids the graph does not have: " + absent + ".";
    }

    /** The token arcs drawn from the locked token of the strip (the last token until one is clicked). */
    private Map<String, Figure> withArcsFromLockedToken(Map<String, Figure> figures, int l) {
        if (lockedToken == null || lockedToken >= tokens.length || l >= views.patterns().length) return figures;
        TokenLayout layout = model.config().layout();
        String[] labels = Arrays.stream(tokens).mapToObj(layout::tokenName).toArray(String[]::new);
        Map<String, Figure> replaced = new LinkedHashMap<>(figures);
        replaced.put("tokens-layer" + l, new TokensFigure(labels, views.patterns()[l][0][lockedToken], lockedToken,
                "what token " + lockedToken + " (" + labels[lockedToken] + ") reads in block " + (l + 1)));
        return replaced;
    }

    /**
     * Locks a token of the strip: its arcs show in Token arcs and, for a vertex token, its vertex's
     * sets on the graph; null unlocks (back to the last token).
     */
    void lockToken(Integer position) {
        lockedToken = position;
        if (position != null && tokens != null && position < tokens.length && model != null && model.config().layout().isVertex(tokens[position])) {
            chosen = tokens[position];
        }
        showSets();
    }

    /** Called with the views of the chosen layer (attention, token arcs, prediction, set sizes) whenever it changes. */
    void setOnViews(Consumer<Map<String, Figure>> action) {
        this.onViews = action;
    }

    Trace trace() {
        return trace;
    }

    Task<?> running() {
        return work.running();
    }

    Slider layerSlider() {
        return layer;
    }

    /** Whether the sets on the slider are traced (false: the probes' estimate, or none yet). */
    boolean setsTraced() {
        return sets != null && setsTraced;
    }

    boolean hasSets() {
        return sets != null;
    }
}
