package dev.lookahead.ui.experiments;

import dev.lookahead.experiments.JobResult;
import dev.lookahead.experiments.SensitivityGrid;
import dev.lookahead.experiments.SlurmScript;
import dev.lookahead.experiments.Sweep;
import dev.lookahead.experiments.SweepJob;
import dev.lookahead.experiments.SweepSpec;
import dev.lookahead.figures.ChartFigure;
import dev.lookahead.figures.Figure;
import dev.lookahead.figures.SensitivityFigure;
import dev.lookahead.figures.SweepCharts;
import dev.lookahead.model.SearchModel;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.LearningCurve;
import dev.lookahead.train.TrainingProgress;
import dev.lookahead.ui.BackgroundWork;
import dev.lookahead.ui.FigureCanvas;
import dev.lookahead.ui.FigureSaving;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.SidePanel;
import dev.lookahead.ui.Widgets;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.function.Consumer;
import java.util.function.Function;
import javafx.application.Platform;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TextField;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.stage.FileChooser;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Experiments panel: the paper's experiments at desktop scale. Sensitivity compares models
 * trained on different distributions on every test distribution (the paper's heatmap); Sweep trains a
 * grid of models one after another - resumable, the same folders as {@code sweep} - and draws the
 * scaling plots from their results.
 */
public final class ExperimentsPanel extends BorderPane implements Page {
    private final Consumer<String> status;
    /** Sensitivity and Sweep. */
    private final TabPane sections = new TabPane();

    // sensitivity
    private final ListView<String> models = new ListView<>();
    private final Spinner<Integer> perColumn = new Spinner<>(20, 5000, 200, 20);
    private final FigureCanvas heatmap = new FigureCanvas();
    private final Tooltip cellTip = new Tooltip();
    private final ProgressBar sensitivityBar = new ProgressBar();
    private final Button sensitivityCancel = new Button("Cancel");
    private final BackgroundWork sensitivityWork = new BackgroundWork(sensitivityBar, sensitivityCancel);
    private SensitivityGrid grid;

    // sweep
    private final TextField specFile = new TextField();
    private final TextField sweepFolder = new TextField(Path.of(System.getProperty("user.home"), "lookahead-runs", "sweep-1").toString());
    private final Button run = new Button("Run");
    private final Button stop = new Button("Stop");
    private final ProgressBar sweepBar = new ProgressBar(0);
    private final Label sweepText = new Label("No sweep running");
    private final TableView<JobResult> results = new TableView<>();
    private int resultsRequest;
    private final FlowPane charts = new FlowPane(10, 10);
    private final AtomicBoolean stopRequested = new AtomicBoolean();
    private Thread sweepWorker;

    public ExperimentsPanel(Consumer<String> status) {
        this.status = status;
        sections.getTabs().addAll(new Tab("Sensitivity", sensitivityView()), new Tab("Sweep", sweepView()));
        sections.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(sections);
    }

    // ---- sensitivity -------------------------------------------------------------------------

    private BorderPane sensitivityView() {
        Label title = Widgets.heading("Sensitivity heatmap");
        Button addFolder = new Button("Add training folder…");
        addFolder.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) addModel(chosen.toString());
        });
        Button addDefault = new Button("Add shipped model");
        addDefault.setOnAction(e -> addModel("default"));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> models.getItems().removeAll(models.getSelectionModel().getSelectedItems()));
        Button compute = new Button("Compute");
        compute.setDefaultButton(true);
        compute.setOnAction(e -> computeSensitivity());
        Button export = new Button("Export…");
        export.setOnAction(e -> FigureSaving.chooseAndSave(this, heatmap.figure(), "sensitivity", status));
        perColumn.setEditable(true);
        models.setPrefHeight(180);
        Label note = new Label("Rows: models (all of one n), e.g. trained on naive, star and balanced graphs. Columns: test sets under the"
                + " paper's test-set rules. Hover a cell for its Wilson 95% interval. The same grid: `sensitivity --model A --model B`.");
        note.setWrapText(true);
        note.getStyleClass().add("logical-form");
        VBox side = new VBox(8, title, models, SidePanel.row(addFolder, addDefault), remove,
                SidePanel.row(new Label("Test examples per cell"), perColumn), SidePanel.row(compute, export),
                new HBox(6, sensitivityBar, sensitivityCancel), note);
        heatmap.setOnMouseMoved(e -> describeCell(e.getX(), e.getY(), e.getScreenX(), e.getScreenY()));
        heatmap.setOnMouseExited(e -> cellTip.hide());
        BorderPane view = new BorderPane(heatmap);
        BorderPane.setMargin(heatmap, new Insets(10));
        view.setLeft(SidePanel.of(side, 360));
        return view;
    }

    /** Adds a model row (a training folder or a shipped model's name), once. */
    public void addModel(String model) {
        if (!models.getItems().contains(model)) models.getItems().add(model);
    }

    /** Evaluates every listed model on every column in the background. */
    public void computeSensitivity() {
        List<String> chosen = List.copyOf(models.getItems());
        if (chosen.isEmpty()) {
            status.accept("Add at least one model first");
            return;
        }
        int count = perColumn.getValue();
        Task<SensitivityGrid> task = new Task<>() {
            @Override
            protected SensitivityGrid call() throws Exception {
                List<SearchModel> opened = new ArrayList<>();
                try {
                    List<SensitivityGrid.Row> rows = new ArrayList<>();
                    for (String model : chosen) {
                        SearchModel loaded = SearchModel.open(model, "auto");
                        opened.add(loaded);
                        rows.add(new SensitivityGrid.Row(rowName(model), loaded));
                    }
                    int largest = opened.getFirst().config().layout().defaultMaxLookahead();
                    return SensitivityGrid.compute(rows, largest, count, 1, this::isCancelled, share -> updateProgress(share, 1));
                } finally {
                    opened.forEach(SearchModel::close);
                }
            }
        };
        status.accept("Evaluating " + dev.lookahead.ui.Widgets.count(chosen.size(), "model", "models") + "…");
        sensitivityWork.start(task, "sensitivity", result -> {
            grid = result;
            heatmap.setFigure(new SensitivityFigure(result));
            status.accept("Sensitivity heatmap of " + dev.lookahead.ui.Widgets.count(chosen.size(), "model", "models") + ", " + count
                    + " test examples per cell");
        }, failure -> status.accept("Could not compute the heatmap: " + failure.getMessage()), () -> status.accept("Heatmap cancelled"));
    }

    private static String rowName(String model) {
        Path path = Path.of(model).normalize();
        return path.getFileName() == null ? model : path.getFileName().toString();
    }

    private void describeCell(double x, double y, double screenX, double screenY) {
        if (grid == null || !(heatmap.figure() instanceof SensitivityFigure figure)) return;
        int[] cell = figure.cellAt(x / heatmap.scale(), y / heatmap.scale());
        if (cell == null) {
            cellTip.hide();
            return;
        }
        Proportion p = grid.cells()[cell[0]][cell[1]];
        cellTip.setText(String.format("%s on %s: accuracy %.3f, 95%% interval [%.3f, %.3f], %d of %d correct",
                grid.models().get(cell[0]), grid.columns().get(cell[1]), p.value(), p.lower(), p.upper(), p.successes(), p.trials()));
        cellTip.show(heatmap, screenX + 12, screenY + 12);
    }

    // ---- sweep -------------------------------------------------------------------------------

    private BorderPane sweepView() {
        Label title = Widgets.heading("Sweep");
        Button browseSpec = new Button("Spec…");
        browseSpec.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Sweep spec (*.json)", "*.json"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) specFile.setText(chosen.toString());
        });
        Button browseFolder = new Button("Folder…");
        browseFolder.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) {
                sweepFolder.setText(chosen.toString());
                showResults(chosen.toPath());
            }
        });
        run.setDefaultButton(true);
        run.setOnAction(e -> runSweep());
        stop.setOnAction(e -> stopSweep());
        Button slurm = new Button("Write SLURM script");
        slurm.setOnAction(e -> writeSlurm());
        specFile.setPromptText("e.g. samples/sweeps/scaling.json");
        Label note = new Label("Jobs run one after another in the folder; Run on a folder that holds a sweep continues it (finished jobs"
                + " are kept, an interrupted one resumes from its checkpoint). The command line runs the same folders:"
                + " `sweep --spec FILE --out DIR [--resume]`, `sweep --slurm`, `sweep collect DIR`.");
        note.setWrapText(true);
        note.getStyleClass().add("logical-form");
        VBox side = new VBox(8, title, new Label("Spec"), new HBox(6, specFile, browseSpec), new Label("Sweep folder"),
                new HBox(6, sweepFolder, browseFolder), SidePanel.row(run, stop, slurm), sweepBar, sweepText, note);
        sweepBar.setPrefWidth(300);
        sweepText.setWrapText(true);
        addColumn("job", JobResult::id, 190);
        addColumn("n", r -> r.n(), 40);
        addColumn("layers", r -> r.layers(), 50);
        addColumn("hidden", r -> r.hidden(), 50);
        addColumn("distribution", JobResult::distribution, 80);
        addColumn("seed", r -> r.seed(), 40);
        addColumn("best train acc", r -> String.format("%.4f", r.bestTrainAccuracy()), 95);
        addColumn("converged", r -> r.converged() ? "yes" : "no", 70);
        addColumn("test loss", r -> String.format("%.4f", r.testLoss()), 70);
        results.setPlaceholder(new Label("No finished jobs in this folder yet"));
        results.setPrefHeight(200);
        VBox centre = new VBox(10, results, charts);
        centre.setPadding(new Insets(10));
        VBox.setVgrow(charts, Priority.ALWAYS);
        ScrollPane scroll = new ScrollPane(centre);
        scroll.setFitToWidth(true);
        BorderPane view = new BorderPane(scroll);
        view.setLeft(SidePanel.of(side, 360));
        setSweepRunning(false);
        return view;
    }

    private <T> void addColumn(String name, Function<JobResult, T> value, double width) {
        TableColumn<JobResult, T> column = new TableColumn<>(name);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        column.setPrefWidth(width);
        results.getColumns().add(column);
    }

    private void setSweepRunning(boolean running) {
        run.setDisable(running);
        stop.setDisable(!running);
    }

    /** Starts the sweep of the spec field in the folder field, or continues the sweep already in that folder. */
    public void runSweep() {
        if (sweepRunning()) return;
        Path folder = Path.of(sweepFolder.getText().strip());
        String specText = specFile.getText().strip();
        Sweep sweep;
        try {
            sweep = Sweep.create(specText.isEmpty() ? null : SweepSpec.read(Path.of(specText)), folder, true);
        } catch (Exception e) {
            status.accept("Cannot run the sweep: " + e.getMessage());
            return;
        }
        stopRequested.set(false);
        setSweepRunning(true);
        showResults(folder);
        int total = sweep.jobs().size();
        sweepWorker = new Thread(() -> {
            try {
                sweep.run(new Sweep.Listener() {
                    private String job = "";

                    @Override
                    public void jobStarted(SweepJob started, int finished, int jobs) {
                        job = "job " + (started.index() + 1) + " of " + jobs + ": " + started.id();
                        Platform.runLater(() -> sweepText.setText(job + " (" + finished + " finished)"));
                    }

                    @Override
                    public void progress(TrainingProgress p) {
                        String line = String.format("%s · step %,d of %,d · %,.0f examples/s · loss %.3f", job, p.step(), p.totalSteps(),
                                p.examplesPerSecond(), p.loss());
                        Platform.runLater(() -> {
                            sweepBar.setProgress(p.fraction());
                            sweepText.setText(line);
                        });
                    }

                    @Override
                    public void jobFinished(JobResult result) {
                        Platform.runLater(() -> showResults(folder));
                    }
                }, stopRequested::get);
                boolean stopped = stopRequested.get();
                Platform.runLater(() -> {
                    setSweepRunning(false);
                    showResults(folder);
                    sweepText.setText(stopped ? "Stopped at a checkpoint; Run continues the sweep" : "All " + total + " jobs finished");
                    status.accept(stopped ? "Sweep stopped at a checkpoint" : "Sweep finished: " + folder.resolve(Sweep.TABLE));
                });
            } catch (Exception e) {
                Platform.runLater(() -> {
                    setSweepRunning(false);
                    status.accept("Sweep stopped: " + e.getMessage());
                });
            }
        }, "sweep");
        sweepWorker.setDaemon(true);
        sweepWorker.start();
        status.accept("Sweep of " + total + " jobs in " + folder);
    }

    /** Asks the running job to stop at a checkpoint; Run continues later. */
    public void stopSweep() {
        stopRequested.set(true);
        status.accept("Stopping the sweep at a checkpoint…");
    }

    private void writeSlurm() {
        try {
            Path folder = Path.of(sweepFolder.getText().strip());
            String specText = specFile.getText().strip();
            Sweep sweep = Sweep.create(specText.isEmpty() ? null : SweepSpec.read(Path.of(specText)), folder, true);
            Path jar = Path.of(ExperimentsPanel.class.getProtectionDomain().getCodeSource().getLocation().toURI());
            Path script = SlurmScript.write(sweep, jar.toString().endsWith(".jar") ? jar : Path.of("target", "lookahead.jar").toAbsolutePath());
            status.accept("Wrote " + script + " (" + sweep.jobs().size() + " array tasks); submit it with sbatch");
        } catch (Exception e) {
            status.accept("Cannot write the SLURM script: " + e.getMessage());
        }
    }

    /** Opens a sweep folder in the Sweep tab: its folder in the field, its results in the table and plots. */
    public void showSweep(Path folder) {
        sweepFolder.setText(folder.toString());
        sections.getSelectionModel().select(1);
        showResults(folder);
    }

    /**
     * Shows the finished jobs of a sweep folder, the table and the scaling plots. The files are read and
     * the plots drawn off the UI thread; a read overtaken by a newer one is dropped.
     */
    public void showResults(Path folder) {
        int request = ++resultsRequest;
        Task<ReadSweep> read = new Task<>() {
            @Override
            protected ReadSweep call() throws Exception {
                Map<String, LearningCurve> curves = Sweep.open(folder).curves();
                List<JobResult> finished = Sweep.collect(folder);
                return new ReadSweep(finished, finished.isEmpty() ? Map.of() : SweepCharts.all(finished, curves));
            }
        };
        read.setOnSucceeded(e -> {
            if (request != resultsRequest) return;
            results.getItems().setAll(read.getValue().finished());
            charts.getChildren().clear();
            read.getValue().charts().forEach((name, figure) -> addChart(figure, name));
        });
        read.setOnFailed(e -> {
            if (request != resultsRequest) return;
            results.getItems().clear();
            charts.getChildren().clear();
        });
        Thread thread = new Thread(read, "sweep-results");
        thread.setDaemon(true);
        thread.start();
    }

    private record ReadSweep(List<JobResult> finished, Map<String, Figure> charts) {
    }

    /** A chart in its interactive viewer; any other figure (the in-context bucket grid) drawn as it exports. */
    private void addChart(Figure figure, String name) {
        javafx.scene.Node view;
        if (figure instanceof ChartFigure chart) {
            ChartViewer viewer = new ChartViewer(chart.chart());
            viewer.setPrefSize(figure.width() * 1.3, figure.height() * 1.3);
            view = viewer;
        } else {
            dev.lookahead.ui.FigureCanvas canvas = new dev.lookahead.ui.FigureCanvas();
            canvas.setPrefSize(figure.width() * 1.3, figure.height() * 1.3);
            canvas.setFigure(figure);
            view = canvas;
        }
        Button export = new Button("Export…");
        export.setOnAction(e -> FigureSaving.chooseAndSave(this, figure, name, status));
        charts.getChildren().add(new VBox(4, view, export));
    }

    public boolean sweepRunning() {
        return sweepWorker != null && sweepWorker.isAlive();
    }

    // for tests
    SensitivityGrid grid() {
        return grid;
    }

    TextField specField() {
        return specFile;
    }

    TextField folderField() {
        return sweepFolder;
    }

    int resultRows() {
        return results.getItems().size();
    }

    /** How many plots the Sweep tab shows now. */
    public int chartCount() {
        return charts.getChildren().size();
    }

    @Override
    public String title() {
        return "Experiments";
    }

    @Override
    public Node view() {
        return this;
    }
}
