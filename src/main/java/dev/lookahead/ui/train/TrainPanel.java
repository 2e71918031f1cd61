package dev.lookahead.ui.train;

import dev.lookahead.figures.Palette;
import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.CurriculumRule;
import dev.lookahead.train.LearningCurve;
import dev.lookahead.train.Trainer;
import dev.lookahead.train.TrainingConfig;
import dev.lookahead.train.TrainingProgress;
import dev.lookahead.train.TrainingRun;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.SidePanel;
import dev.lookahead.ui.Visibility;
import dev.lookahead.ui.Widgets;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import javafx.application.Platform;
import javafx.collections.FXCollections;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Spinner;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.NumberAxis;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;
import org.jfree.chart.renderer.xy.XYLineAndShapeRenderer;
import org.jfree.data.xy.XYSeries;
import org.jfree.data.xy.XYSeriesCollection;

/**
 * The Train panel: train a search transformer from the window - the same runs as {@code train}, in a
 * folder that the command line can resume and vice versa. Start, pause (it stops at a checkpoint),
 * resume (also after the window was closed), with live curves of loss, training accuracy and held-out
 * accuracy per lookahead, a progress bar with speed and ETA, and the model opened in the Explorer at once.
 */
public final class TrainPanel extends BorderPane implements Page {
    private static final int[] SIZES = {17, 23, 32, 44, 56, 68, 80, 98, 128};

    private final Consumer<String> status;
    private final Consumer<Path> openInExplorer;
    private final ChoiceBox<Integer> n = new ChoiceBox<>(FXCollections.observableArrayList());
    private final Spinner<Integer> layers = new Spinner<>(1, 16, 6);
    private final Spinner<Integer> hidden = new Spinner<>(0, 256, 16);
    private final Spinner<Integer> heads = new Spinner<>(1, 8, 1);
    private final ChoiceBox<String> distribution = new ChoiceBox<>(FXCollections.observableArrayList("balanced", "naive", "star", "mix"));
    private final Spinner<Integer> maxLookahead = new Spinner<>(1, 40, 4);
    private final TextField examples = new TextField("2000000");
    private final TextField learningRate = new TextField("5e-4");
    private final Spinner<Integer> seed = new Spinner<>(0, Integer.MAX_VALUE, 1);
    private final ChoiceBox<String> device = new ChoiceBox<>(FXCollections.observableArrayList("auto", "cpu", "gpu"));
    private final ChoiceBox<String> curriculum = new ChoiceBox<>(FXCollections.observableArrayList(
            Arrays.stream(CurriculumRule.values()).map(CurriculumRule::id).toList()));
    private final ChoiceBox<String> initialization = new ChoiceBox<>(FXCollections.observableArrayList(
            Arrays.stream(Initialization.values()).map(Initialization::id).toList()));
    private final TextField folder = new TextField(Path.of(System.getProperty("user.home"), "lookahead-runs", "run-1").toString());
    private final Button start = new Button("Start");
    private final Button pause = new Button("Pause");
    private final Button resume = new Button("Resume…");
    private final Button cancel = new Button("Cancel");
    private final Button open = new Button("Open in the Explorer");
    private final ProgressBar progress = new ProgressBar(0);
    private final Label progressText = new Label("No run yet");
    private final XYSeries loss = new XYSeries("loss");
    private final XYSeries accuracy = new XYSeries("training accuracy");
    private final XYSeriesCollection heldOut = new XYSeriesCollection();
    private final Map<String, XYSeries> heldOutSeries = new LinkedHashMap<>();

    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private final AtomicBoolean cancelRequested = new AtomicBoolean();
    private Thread worker;
    private Path runFolder;

    /** Points were added to the curves while the panel was out of sight. */
    private boolean curvesStale;

    public TrainPanel(Consumer<String> status, Consumer<Path> openInExplorer) {
        this.status = status;
        this.openInExplorer = openInExplorer;
        for (int size : SIZES) n.getItems().add(size);
        n.setValue(32);
        n.valueProperty().addListener((obs, old, value) -> maxLookahead.getValueFactory().setValue(new TokenLayout(value).defaultMaxLookahead()));
        distribution.setValue("balanced");
        device.setValue("auto");
        curriculum.setValue(CurriculumRule.NONE.id());
        curriculum.setTooltip(new Tooltip("paper: the reference's curriculum (+1 lookahead when the last batch of 2^18 examples"
                + " scores > 0.99 after its update); lenient: the workbench's first rule (> 0.98 in the training pass)"));
        initialization.setValue(Initialization.PYTORCH.id());
        initialization.setTooltip(new Tooltip("pytorch: the reference's (uniform +-1/sqrt(fan_in)); djl: DJL's defaults, as the shipped models"));
        for (Spinner<Integer> s : List.of(layers, hidden, heads, maxLookahead, seed)) {
            s.setEditable(true);
            s.setPrefWidth(100);
        }
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int row = 0;
        for (var entry : List.<Map.Entry<String, javafx.scene.Node>>of(Map.entry("Sequence length n", n), Map.entry("Layers", layers),
                Map.entry("Hidden", hidden), Map.entry("Heads", heads), Map.entry("Distribution", distribution),
                Map.entry("Max lookahead", maxLookahead), Map.entry("Examples", examples), Map.entry("Learning rate", learningRate),
                Map.entry("Curriculum", curriculum), Map.entry("Initialisation", initialization),
                Map.entry("Seed", seed), Map.entry("Device", device), Map.entry("Run folder", folder))) {
            form.add(new Label(entry.getKey()), 0, row);
            form.add(entry.getValue(), 1, row++);
        }
        Button browse = new Button("Folder…");
        browse.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) folder.setText(chosen.toPath().resolve("run-1").toString());
        });
        start.setDefaultButton(true);
        start.setOnAction(e -> startNew());
        pause.setOnAction(e -> pause());
        cancel.setOnAction(e -> cancel());
        cancel.setTooltip(new Tooltip("Stop and end the run: the folder keeps the model as it stands, but not the"
                + " optimiser state needed to resume it"));
        pause.setTooltip(new Tooltip("Stop at a checkpoint; Resume… continues the run, also after the window was closed"));
        resume.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) resume(chosen.toPath());
        });
        open.setOnAction(e -> {
            if (runFolder != null) openInExplorer.accept(runFolder);
        });
        Label title = Widgets.heading("Train a model");
        Label note = new Label("The run folder is the one `train --out` writes: the command line resumes it with"
                + " `train --out FOLDER --resume`, and this panel resumes command-line runs.");
        note.setWrapText(true);
        note.getStyleClass().add("logical-form");
        form.setVgap(4);
        VBox side = new VBox(8, title, form, browse, SidePanel.row(start, pause, resume, cancel), open, note);
        setLeft(SidePanel.of(side, 360));

        XYSeriesCollection trainingCurves = new XYSeriesCollection();
        trainingCurves.addSeries(loss);
        trainingCurves.addSeries(accuracy);
        progress.setPrefWidth(400);
        VBox centre = new VBox(8, new HBox(10, progress, progressText),
                viewer(chart("Training", trainingCurves, "loss, training accuracy")),
                viewer(chart("Held-out accuracy per lookahead", heldOut, "accuracy")));
        centre.setPadding(new Insets(10));
        setCenter(centre);
        setRunning(false);
        // the tab pane shows and hides the container around this panel: redraw what arrived meanwhile
        parentProperty().addListener((obs, old, parent) -> {
            if (parent != null) parent.visibleProperty().addListener((o, was, visible) -> {
                if (visible && curvesStale) redrawCurvesIfInSight();
            });
        });
    }

    private static JFreeChart chart(String title, XYSeriesCollection data, String range) {
        NumberAxis x = new NumberAxis("examples seen");
        NumberAxis y = new NumberAxis(range);
        XYLineAndShapeRenderer renderer = new XYLineAndShapeRenderer(true, false);
        for (int i = 0; i < 8; i++) renderer.setSeriesPaint(i, Palette.series(i));
        XYPlot plot = new XYPlot(data, x, y, renderer);
        plot.setBackgroundPaint(java.awt.Color.WHITE);
        JFreeChart chart = new JFreeChart(title, new java.awt.Font(java.awt.Font.SANS_SERIF, java.awt.Font.BOLD, 12), plot, true);
        chart.setBackgroundPaint(java.awt.Color.WHITE);
        return chart;
    }

    private static ChartViewer viewer(JFreeChart chart) {
        ChartViewer viewer = new ChartViewer(chart);
        viewer.setPrefSize(700, 280);
        return viewer;
    }

    private void setRunning(boolean running) {
        start.setDisable(running);
        resume.setDisable(running);
        pause.setDisable(!running);
        cancel.setDisable(!running);
        open.setDisable(runFolder == null);
    }

    private TrainingConfig config() {
        ModelConfig model = new ModelConfig(n.getValue(), layers.getValue(), hidden.getValue(), heads.getValue(), false, false);
        List<Distribution> chosen = Distribution.parseMix(distribution.getValue());
        long count = Long.parseLong(examples.getText().strip().replace("_", "").replace(",", ""));
        float lr = Float.parseFloat(learningRate.getText().strip());
        return new TrainingConfig(model, Initialization.parse(initialization.getValue()), chosen, maxLookahead.getValue(),
                CurriculumRule.parse(curriculum.getValue()), count, 256, lr, 500, 0.01f, 1f,
                seed.getValue(), device.getValue(), Math.max(256, count / 40), 100);
    }

    /** Starts a new run in the folder field's folder. */
    public void startNew() {
        TrainingConfig config;
        try {
            config = config();
        } catch (RuntimeException e) {
            status.accept("Cannot start: " + e.getMessage());
            return;
        }
        Path target = Path.of(folder.getText().strip());
        launch(() -> TrainingRun.start(config, target), target);
    }

    /** Starts a new run with the form's settings in {@code target} (the folder field follows). */
    public void startNew(Path target) {
        folder.setText(target.toString());
        startNew();
    }

    /** Resumes the run in {@code runFolder} from its checkpoint. */
    public void resume(Path existing) {
        launch(() -> TrainingRun.resume(existing, null), existing);
    }

    /** Asks the run to stop at its next checkpoint (written at once); Resume continues it. */
    public void pause() {
        stopRequested.set(true);
        status.accept("Pausing at a checkpoint…");
    }

    /**
     * Stops the run and ends it: the checkpoint (the optimiser state) is deleted once the run has
     * stopped, while the model as it stands stays in the folder, loadable in the Explorer.
     */
    public void cancel() {
        cancelRequested.set(true);
        stopRequested.set(true);
        status.accept("Cancelling the run…");
    }

    private interface Opening {
        TrainingRun open() throws Exception;
    }

    private void launch(Opening opening, Path target) {
        if (worker != null && worker.isAlive()) return;
        stopRequested.set(false);
        cancelRequested.set(false);
        runFolder = target;
        loss.clear();
        accuracy.clear();
        heldOut.removeAllSeries();
        heldOutSeries.clear();
        setRunning(true);
        worker = new Thread(() -> {
            try (TrainingRun run = opening.open()) {
                LearningCurve history = LearningCurve.read(target);
                Platform.runLater(() -> {
                    showHistory(history);
                    status.accept("Training in " + target + " (" + run.config().model().parameterCount() + " parameters)");
                });
                Trainer.run(run, new Trainer.Listener() {
                    @Override
                    public void progress(TrainingProgress p) {
                        Platform.runLater(() -> showProgress(p));
                    }

                    @Override
                    public void evaluated(long examplesSeen, Map<String, Proportion> heldOutAccuracy) {
                        Platform.runLater(() -> showHeldOut(examplesSeen, heldOutAccuracy));
                    }
                }, stopRequested::get);
                boolean paused = stopRequested.get() && !run.finished();
                boolean cancelled = cancelRequested.get() && !run.finished();
                if (cancelled) Files.deleteIfExists(target.resolve(TrainingRun.CHECKPOINT));
                Platform.runLater(() -> {
                    setRunning(false);
                    status.accept(cancelled ? "Run cancelled: the model as it stood is in " + target
                            : paused ? "Paused at a checkpoint; Resume… continues " + target : "Training finished: the model is in " + target);
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    setRunning(false);
                    status.accept("Training stopped: " + e.getMessage());
                });
            }
        }, "train-panel");
        worker.setDaemon(true);
        worker.start();
    }

    /** A resumed run's curves so far, from its log. */
    private void showHistory(LearningCurve history) {
        for (LearningCurve.TrainingPoint p : history.training()) {
            loss.add(p.examples(), p.loss(), false);
            accuracy.add(p.examples(), p.accuracy(), false);
        }
        loss.fireSeriesChanged();
        accuracy.fireSeriesChanged();
        for (LearningCurve.HeldOutPoint p : history.heldOut()) {
            p.accuracy().forEach((bucket, value) -> heldOutSeries(bucket).add(p.examples(), value));
        }
    }

    private XYSeries heldOutSeries(String bucket) {
        return heldOutSeries.computeIfAbsent(bucket, b -> {
            XYSeries series = new XYSeries(b.equals("naive") ? "naive" : "lookahead " + b);
            heldOut.addSeries(series);
            return series;
        });
    }

    private void showProgress(TrainingProgress p) {
        progress.setProgress(p.fraction());
        double eta = p.etaSeconds();
        progressText.setText(String.format("step %,d of %,d · %,.0f examples/s · ETA %s", p.step(), p.totalSteps(), p.examplesPerSecond(),
                Double.isNaN(eta) ? "-" : String.format("%d:%02d:%02d", (long) eta / 3600, (long) eta / 60 % 60, (long) eta % 60)));
        loss.add(p.examplesSeen(), p.loss(), false);
        accuracy.add(p.examplesSeen(), p.accuracy(), false);
        redrawCurvesIfInSight();
    }

    private void showHeldOut(long examplesSeen, Map<String, Proportion> heldOutAccuracy) {
        heldOutAccuracy.forEach((bucket, p) -> heldOutSeries(bucket).add(examplesSeen, p.value(), false));
        redrawCurvesIfInSight();
    }

    /**
     * New points are added without redrawing; the charts redraw once per update while the Train tab is
     * on screen, and once when it comes back into view - a run training behind the Explorer costs the
     * window no chart drawing.
     */
    private void redrawCurvesIfInSight() {
        curvesStale = true;
        if (!Visibility.inSight(this)) return;
        curvesStale = false;
        loss.fireSeriesChanged();
        accuracy.fireSeriesChanged();
        heldOutSeries.values().forEach(XYSeries::fireSeriesChanged);
    }

    /** Whether a run is going on (for tests). */
    public boolean running() {
        return worker != null && worker.isAlive();
    }

    public Path runFolder() {
        return runFolder;
    }

    /** Points of the loss curve so far (for tests). */
    public int lossPoints() {
        return loss.getItemCount();
    }

    TextField folderField() {
        return folder;
    }

    TextField examplesField() {
        return examples;
    }

    ChoiceBox<Integer> sizeChoice() {
        return n;
    }

    Spinner<Integer> layerSpinner() {
        return layers;
    }

    List<String> heldOutBuckets() {
        return new ArrayList<>(heldOutSeries.keySet());
    }

    @Override
    public String title() {
        return "Train";
    }

    @Override
    public Node view() {
        return this;
    }
}
