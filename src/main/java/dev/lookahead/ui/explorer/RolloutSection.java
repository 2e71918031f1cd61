package dev.lookahead.ui.explorer;

import dev.lookahead.figures.Figure;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.RolloutFigure;
import dev.lookahead.inspect.Rollout;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.InContextInputs;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.Task;
import dev.lookahead.ui.BackgroundWork;
import java.io.File;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Consumer;
import java.util.function.Supplier;
import javafx.animation.Animation;
import javafx.animation.KeyFrame;
import javafx.animation.Timeline;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.Slider;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;
import javafx.util.Duration;

/**
 * The Explorer's search in context (docs/user-guide.md, "Search in context"): a dfs or si model runs on the shown graph
 * with its own choices fed back, off the UI thread with cancel; a step slider and Play walk through its steps, each drawn
 * as the same figure the {@code rollout --figures} command writes, and Export writes every step and the strip.
 */
final class RolloutSection extends VBox {
    private final Supplier<SearchGraph> graph;
    private final Consumer<String> status;
    private final Consumer<Figure> onFigure;
    private final ComboBox<String> models = new ComboBox<>();
    private final Label limits = new Label();
    private final Button run = new Button("Run search");
    private final Button cancel = new Button("Cancel");
    private final ProgressBar progress = new ProgressBar(0);
    private final Slider step = new Slider(0, 1, 0);
    private final Button play = new Button("▶ Play steps");
    private final Timeline playing = new Timeline();
    private final Label outcome = new Label();
    private final Button export = new Button("Export steps…");
    private final BackgroundWork work = new BackgroundWork(progress, cancel);

    private SearchModel model;
    private String modelName;
    private Runnable onModelLoaded = () -> { };
    /** The last run and the graph it ran on; null before a run or after the graph changed. */
    private Rollout.Result result;
    private SearchGraph ranOn;

    RolloutSection(Supplier<SearchGraph> graph, Consumer<String> status, Consumer<Figure> onFigure) {
        super(6);
        this.graph = graph;
        this.status = status;
        this.onFigure = onFigure;
        models.getItems().addAll(ModelFiles.shipped(Task.DFS));
        models.getItems().addAll(ModelFiles.shipped(Task.SI));
        models.setPromptText("A dfs or si model");
        models.setMaxWidth(Double.MAX_VALUE);
        models.valueProperty().addListener((obs, old, name) -> {
            if (name != null) load(name);
        });
        Button folder = new Button("Choose a folder…");
        folder.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a dfs or si training folder (holding model.json and weights.bin)");
            File chosen = chooser.showDialog(getScene().getWindow());
            if (chosen != null) load(chosen.toPath().toString());
        });
        run.setOnAction(e -> runSearch());
        export.setOnAction(e -> {
            DirectoryChooser chooser = new DirectoryChooser();
            chooser.setTitle("Choose a folder for the step figures (PDF, SVG and PNG)");
            File target = chooser.showDialog(getScene().getWindow());
            if (target != null) exportSteps(target.toPath());
        });
        step.setMajorTickUnit(1);
        step.setMinorTickCount(0);
        step.setSnapToTicks(true);
        step.setShowTickMarks(true);
        step.valueProperty().addListener((obs, old, value) -> showStep());
        playing.getKeyFrames().add(new KeyFrame(Duration.millis(900), e -> {
            if (step.getValue() >= step.getMax()) playing.stop();
            else step.setValue(step.getValue() + 1);
        }));
        playing.setCycleCount(Animation.INDEFINITE);
        playing.statusProperty().addListener((obs, old, now) -> play.setText(now == Animation.Status.RUNNING ? "❚❚ Pause" : "▶ Play steps"));
        play.setOnAction(e -> togglePlay());
        play.disableProperty().bind(step.disabledProperty());
        limits.setWrapText(true);
        outcome.setWrapText(true);
        getChildren().addAll(new HBox(6, models, folder), limits, new HBox(6, run), new HBox(6, progress, cancel), outcome, step, play, export);
        forget();
        if (!models.getItems().isEmpty()) models.setValue(models.getItems().get(0));
    }

    /** Loads a dfs or si model (a shipped name or a folder) in the background; a search model is refused with the reason. */
    void load(String nameOrFolder) {
        javafx.concurrent.Task<SearchModel> task = new javafx.concurrent.Task<>() {
            @Override
            protected SearchModel call() throws IOException {
                SearchModel opened = SearchModel.open(nameOrFolder, "auto");
                if (!opened.task().inContext()) {
                    opened.close();
                    throw new IllegalArgumentException("it was trained on the search task; choose a dfs or si model here, or load it under Model");
                }
                return opened;
            }
        };
        work.start(task, "rollout-model", loaded -> {
            if (model != null) model.close();
            model = loaded;
            modelName = ModelFiles.isShipped(nameOrFolder) ? nameOrFolder : Path.of(nameOrFolder).getFileName().toString();
            var layout = loaded.config().layout();
            limits.setText(String.format("%s: %s, n = %d - graphs of at most %d edges, ids 1..%d", modelName,
                    loaded.task() == Task.DFS ? "depth-first search" : "selection-inference", layout.n(),
                    InContextInputs.maxEdges(layout, loaded.task()), layout.maxVertex()));
            forget();
            status.accept("Loaded the " + loaded.task().id() + " model " + modelName + "; Run search plays it on the shown graph");
            onModelLoaded.run();
        }, failure -> limits.setText("Not loaded: " + nameOrFolder + ": " + failure.getMessage()), () -> { });
    }

    /** Runs the model on the shown graph in the background; a graph beyond the model's limits is refused with the reason. */
    void runSearch() {
        SearchGraph shown = graph.get();
        if (model == null || shown == null) {
            outcome.setText(model == null ? "Choose a dfs or si model first." : "Show a graph first.");
            return;
        }
        var reason = InContextInputs.whyNot(shown, model.config().layout(), model.task());
        if (reason.isPresent()) {
            outcome.setText("Run search is refused: " + reason.get() + ".");
            return;
        }
        SearchModel current = model;
        javafx.concurrent.Task<Rollout.Result> task = new javafx.concurrent.Task<>() {
            @Override
            protected Rollout.Result call() {
                return Rollout.run(current, current.task(), shown.edges(), shown.start(), shown.goal(), true, this::isCancelled);
            }
        };
        status.accept("Running " + modelName + " on the graph, feeding it its own choices…");
        work.start(task, "rollout", done -> show(shown, done), failure -> outcome.setText("The run failed: " + failure.getMessage()),
                () -> status.accept("Search cancelled"));
    }

    private void show(SearchGraph shown, Rollout.Result done) {
        result = done;
        ranOn = shown;
        int wrong = done.firstWrong();
        outcome.setText(String.format("%s after %d step%s: %s.%s", done.solved() ? "Solved" : "Not solved", done.steps().size(),
                done.steps().size() == 1 ? "" : "s", done.stop().words(), wrong < 0 ? "" : " First wrong step: " + (wrong + 1) + "."));
        step.setMax(done.steps().size());
        step.setDisable(false);
        export.setDisable(false);
        step.setValue(0);
        showStep();
        status.accept(String.format("%s: %s", modelName, outcome.getText()));
    }

    /** The figure of the chosen step (the last position is the end), handed to the Explorer's view. */
    private void showStep() {
        if (result == null) return;
        int k = (int) Math.round(step.getValue());
        onFigure.accept(new RolloutFigure(ranOn, result, k, model.config().layout(), modelName));
    }

    /** Another graph is shown: the last run belongs to the old one. */
    void graphChanged() {
        forget();
    }

    private void forget() {
        playing.stop();
        result = null;
        ranOn = null;
        step.setDisable(true);
        export.setDisable(true);
        outcome.setText("");
    }

    void togglePlay() {
        if (step.isDisabled()) return;
        if (playing.getStatus() == Animation.Status.RUNNING) {
            playing.stop();
        } else {
            if (step.getValue() >= step.getMax()) step.setValue(0);
            playing.play();
        }
    }

    /** Every step, the end and the strip of all of them, as PNG, SVG and PDF. */
    void exportSteps(Path folder) {
        if (result == null) return;
        List<String> written = new ArrayList<>();
        try {
            java.nio.file.Files.createDirectories(folder);
            var layout = model.config().layout();
            for (FigureFormat format : FigureFormat.values()) {
                for (int k = 0; k <= result.steps().size(); k++) {
                    FigureExport.write(new RolloutFigure(ranOn, result, k, layout, modelName), format,
                            folder.resolve("step-" + (k + 1) + "." + format.extension()), 2);
                }
                FigureExport.write(RolloutFigure.strip(ranOn, result, layout, modelName, 4), format, folder.resolve("rollout." + format.extension()), 2);
                written.add(format.extension());
            }
            status.accept("Wrote " + (result.steps().size() + 1) + " steps and the strip (" + String.join(", ", written) + ") to " + folder);
        } catch (IOException | RuntimeException e) {
            status.accept("Export failed: " + e.getMessage());
        }
    }

    void setOnModelLoaded(Runnable action) {
        this.onModelLoaded = action;
    }

    /**
     * For the canvas corner: the loaded dfs or si model's limit and whether the graph is within it (empty before a model
     * loads), e.g. " · dfs32 (dfs) takes up to 7 edges: this graph fits".
     */
    String limitNote(SearchGraph shown) {
        if (model == null || shown == null) return "";
        var layout = model.config().layout();
        int most = InContextInputs.maxEdges(layout, model.task());
        return String.format(" · %s (%s) takes up to %d edges: %s", modelName, model.task().id(), most,
                InContextInputs.whyNot(shown, layout, model.task()).isEmpty() ? "this graph fits" : "not this graph");
    }

    Slider stepSlider() {
        return step;
    }

    Label outcome() {
        return outcome;
    }

    /** The running job, or null when idle. */
    javafx.concurrent.Task<?> running() {
        return work.running();
    }

    Rollout.Result result() {
        return result;
    }
}
