package dev.lookahead.ui.preference;

import dev.lookahead.figures.ChartFigure;
import dev.lookahead.figures.Figure;
import dev.lookahead.figures.PathPairFigure;
import dev.lookahead.figures.PreferenceCharts;
import dev.lookahead.io.Json;
import dev.lookahead.prefopt.FirstWrongStep;
import dev.lookahead.prefopt.Iterations;
import dev.lookahead.prefopt.Method;
import dev.lookahead.prefopt.PairRecord;
import dev.lookahead.prefopt.PathSampler;
import dev.lookahead.prefopt.PreferenceLoss;
import dev.lookahead.prefopt.PreferenceRun;
import dev.lookahead.prefopt.RewardEvaluation;
import dev.lookahead.prefopt.TrainingData;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import dev.lookahead.train.LearningCurve;
import dev.lookahead.train.TrainingProgress;
import dev.lookahead.ui.BackgroundWork;
import dev.lookahead.ui.ChartGallery;
import dev.lookahead.ui.FigureCanvas;
import dev.lookahead.ui.FigureSaving;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.SidePanel;
import dev.lookahead.ui.Widgets;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ComboBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.DirectoryChooser;

/**
 * The Preference panel: pick a starting model, a method and its settings, run the iterations in the background (the
 * same folders as {@code prefopt train}, so Run on a folder that holds a run continues it); see each run's whole-path
 * accuracy per lookahead and iteration against the others, the vote shares and the pairs tau keeps, the vote share
 * against accuracy, the losses, and reward models side by side; browse an iteration's pairs drawn on their graph.
 */
public final class PreferencePanel extends BorderPane implements Page {
    private final Consumer<String> status;
    private final TextField model = new TextField("n32-paths");
    private final ComboBox<String> method = new ComboBox<>();
    private final Spinner<Integer> iterations = new Spinner<>(1, 50, 3);
    private final Spinner<Integer> problems = new Spinner<>(4, 1_000_000, 1000, 100);
    private final Spinner<Integer> k = new Spinner<>(2, 64, 8);
    private final Spinner<Double> tau = new Spinner<>(0.0, 1.0, 0.5, 0.05);
    private final Spinner<Integer> epochs = new Spinner<>(1, 50, 2);
    private final TextField learningRate = new TextField("1e-4");
    private final Spinner<Integer> evalPerLookahead = new Spinner<>(4, 5000, 200, 50);
    private final TextField folder = new TextField(Path.of(System.getProperty("user.home"), "lookahead-runs", "preference-1").toString());
    private final Button run = new Button("Run");
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final BackgroundWork work = new BackgroundWork(bar, cancel);
    private final Label progress = new Label("No run yet");
    private final ListView<Path> compared = new ListView<>();
    private final ListView<Path> rewardModels = new ListView<>();
    private final ChartGallery charts;
    private final Spinner<Integer> pairIteration = new Spinner<>(1, 50, 1);
    private final ListView<PairRecord> pairs = new ListView<>();
    private final FigureCanvas pairCanvas = new FigureCanvas();
    private final Label pairText = new Label();

    public PreferencePanel(Consumer<String> status) {
        this.status = status;
        this.charts = new ChartGallery(status);
        for (Method m : Method.values()) method.getItems().add(m.id());
        method.setValue("scpo");
        TabPane centre = new TabPane(new Tab("Charts", chartsView()), new Tab("Pairs", pairsView()));
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(centre);
        setLeft(SidePanel.of(side(), 360));
        refresh();
    }

    @Override
    public String title() {
        return "Preference";
    }

    @Override
    public Node view() {
        return this;
    }

    private VBox side() {
        for (Spinner<?> s : List.of(iterations, problems, k, tau, epochs, evalPerLookahead)) {
            s.setEditable(true);
            s.setPrefWidth(95);
        }
        learningRate.setPrefWidth(80);
        method.setPrefWidth(90);
        Button browse = new Button("Folder…");
        browse.setOnAction(e -> {
            File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
            if (chosen != null) open(chosen.toPath());
        });
        run.setDefaultButton(true);
        run.setOnAction(e -> runIterations());
        Button addRun = new Button("Add run…");
        addRun.setOnAction(e -> chooseFolder(compared));
        Button addReward = new Button("Add reward model…");
        addReward.setOnAction(e -> chooseFolder(rewardModels));
        Button remove = new Button("Remove");
        remove.setOnAction(e -> {
            compared.getItems().removeAll(compared.getSelectionModel().getSelectedItems());
            rewardModels.getItems().removeAll(rewardModels.getSelectionModel().getSelectedItems());
            refresh();
        });
        compared.setPrefHeight(90);
        rewardModels.setPrefHeight(70);
        progress.setWrapText(true);
        Label note = new Label("Each iteration samples k paths on new problems from the current policy, builds the method's pairs (or paths),"
                + " trains against the iteration's frozen starting weights and measures greedy whole paths on held-out problems. The command"
                + " line runs the same folders: `prefopt train --method M --out DIR [--resume]`; reward models: `prefopt reward train`.");
        note.setWrapText(true);
        note.getStyleClass().add("logical-form");
        return new VBox(8, Widgets.heading("Preference optimisation"), new Label("Starting model (shipped name or folder)"), model,
                SidePanel.row(new Label("Method"), method, new Label("Iterations"), iterations),
                SidePanel.row(new Label("Problems per iteration"), problems), SidePanel.row(new Label("k"), k, new Label("tau"), tau),
                SidePanel.row(new Label("Epochs"), epochs, new Label("lr"), learningRate),
                SidePanel.row(new Label("Held-out per lookahead"), evalPerLookahead),
                new Label("Run folder"), new HBox(6, folder, browse), SidePanel.row(run), new HBox(6, bar, cancel), progress,
                Widgets.sectionHeading("Compared with"), compared, SidePanel.row(addRun, remove),
                Widgets.sectionHeading("Reward models"), rewardModels, SidePanel.row(addReward), note);
    }

    private void chooseFolder(ListView<Path> list) {
        File chosen = new DirectoryChooser().showDialog(getScene().getWindow());
        if (chosen != null && !list.getItems().contains(chosen.toPath())) {
            list.getItems().add(chosen.toPath());
            refresh();
        }
    }

    private ScrollPane chartsView() {
        charts.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        charts.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(30));
        return scroll;
    }

    private BorderPane pairsView() {
        pairIteration.setEditable(true);
        pairIteration.valueProperty().addListener((o, was, now) -> refresh());
        pairs.setCellFactory(list -> new javafx.scene.control.ListCell<>() {
            @Override
            protected void updateItem(PairRecord p, boolean empty) {
                super.updateItem(p, empty);
                setText(empty || p == null ? null : describe(p));
            }
        });
        pairs.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showPair(now));
        Button export = new Button("Export…");
        export.setOnAction(e -> FigureSaving.chooseAndSave(this, pairCanvas.figure(), "preference-pair", status));
        pairText.setWrapText(true);
        VBox list = new VBox(8, SidePanel.row(new Label("Iteration"), pairIteration), pairs);
        list.setPadding(new Insets(10));
        list.setPrefWidth(320);
        BorderPane view = new BorderPane(new VBox(8, pairCanvas, SidePanel.row(export), pairText));
        BorderPane.setMargin(view.getCenter(), new Insets(10));
        view.setLeft(list);
        return view;
    }

    private static String describe(PairRecord p) {
        String rejected = p.rejected().isEmpty() ? "" : " over " + join(p.rejected()) + (p.rejectedCorrect() ? "" : " (wrong)");
        return "problem " + p.problemId() + ": " + join(p.chosen()) + (p.chosenCorrect() ? "" : " (wrong)") + rejected
                + String.format(java.util.Locale.ROOT, "  w %.2f", p.weight());
    }

    private static String join(List<Integer> path) {
        return String.join(" ", path.stream().map(String::valueOf).toList());
    }

    /** The folder the panel runs in and shows; Run continues the run it holds. */
    public void open(Path runFolder) {
        folder.setText(runFolder.toString());
        showPlan(runFolder);
        refresh();
    }

    /** A folder holding a run shows its own settings: Run continues it with them. */
    private void showPlan(Path runFolder) {
        Path file = runFolder.resolve(Iterations.PLAN);
        if (!Files.isRegularFile(file)) return;
        try {
            Iterations.Plan plan = Json.MAPPER.readValue(file.toFile(), Iterations.Plan.class);
            configure(plan.model(), plan.method(), plan.iterations(), plan.problems(), plan.sampling().k(), plan.evalPerLookahead());
            tau.getValueFactory().setValue(plan.rules().tau());
            epochs.getValueFactory().setValue(plan.training().epochs());
            learningRate.setText(Float.toString(plan.training().learningRate()));
        } catch (IOException | RuntimeException e) {
            status.accept("Could not read " + file + ": " + e.getMessage());
        }
    }

    public Path folder() {
        return Path.of(folder.getText().trim());
    }

    /** Sets the run's settings as a user would (for tests and demos). */
    public void configure(String startModel, String chosenMethod, int iterationCount, int problemCount, int samples, int heldOutPerLookahead) {
        model.setText(startModel);
        method.setValue(chosenMethod);
        iterations.getValueFactory().setValue(iterationCount);
        problems.getValueFactory().setValue(problemCount);
        k.getValueFactory().setValue(samples);
        evalPerLookahead.getValueFactory().setValue(heldOutPerLookahead);
    }

    /** Adds another run's folder to the comparison charts. */
    public void compare(Path otherRun) {
        if (!compared.getItems().contains(otherRun)) compared.getItems().add(otherRun);
        refresh();
    }

    /** Adds a reward-model run's folder (its eval.json) to the reward chart. */
    public void addRewardModel(Path rewardRun) {
        if (!rewardModels.getItems().contains(rewardRun)) rewardModels.getItems().add(rewardRun);
        refresh();
    }

    public boolean running() {
        return work.running() != null;
    }

    private Iterations.Plan plan() {
        Method chosen = Method.parse(method.getValue());
        float lr = Float.parseFloat(learningRate.getText().trim());
        PreferenceRun.Settings training = new PreferenceRun.Settings(PreferenceLoss.defaults(chosen), epochs.getValue(), 32, lr, 10, 0f, 1f, 1,
                Long.MAX_VALUE / 4);
        return new Iterations.Plan(chosen.id(), model.getText().trim(), iterations.getValue(), problems.getValue(),
                new PathSampler.Settings(k.getValue(), 0.7, 0.9), new TrainingData.Rules(tau.getValue(), 10), training, "balanced",
                evalPerLookahead.getValue(), 1, "auto");
    }

    /** Starts the iterations in the run folder, or continues the run it holds, in the background. */
    public void runIterations() {
        Path out = folder();
        Iterations.Plan plan;
        try {
            plan = plan();
        } catch (IllegalArgumentException e) {
            status.accept("Cannot run: " + e.getMessage());
            return;
        }
        Task<List<Iterations.Result>> task = new Task<>() {
            @Override
            protected List<Iterations.Result> call() throws Exception {
                Iterations iterations = Files.exists(out.resolve(Iterations.PLAN)) ? Iterations.resume(out, null) : Iterations.start(plan, out);
                return iterations.run(new Iterations.Report() {
                    @Override
                    public void stage(int iteration, String stage) {
                        updateMessage("Iteration " + iteration + ": " + stage);
                    }

                    @Override
                    public void sampled(int iteration, int done, int total) {
                        updateProgress(done, total);
                        updateMessage("Iteration " + iteration + ": " + done + " of " + total + " problems sampled");
                    }

                    @Override
                    public void progress(TrainingProgress p) {
                        updateProgress(p.step(), Math.max(1, p.totalSteps()));
                        updateMessage(String.format(java.util.Locale.ROOT, "Training: step %d of %d, loss %.4f", p.step(), p.totalSteps(), p.loss()));
                    }

                    @Override
                    public void finished(Iterations.Result r) {
                        javafx.application.Platform.runLater(() -> refresh());
                    }
                }, this::isCancelled);
            }
        };
        progress.textProperty().bind(task.messageProperty());
        run.setDisable(true);
        status.accept("Preference run in " + out);
        work.start(task, "preference", results -> {
            finish("Done: " + results.size() + " results in " + out);
        }, failure -> finish("The run stopped: " + failure.getMessage()), () -> finish("Cancelled; Run continues from the last finished stage"));
    }

    private void finish(String message) {
        progress.textProperty().unbind();
        progress.setText(message);
        run.setDisable(false);
        status.accept(message);
        refresh();
    }

    /** A chart to show and the file name its export starts with. */
    private record Chart(ChartFigure figure, String name) {
    }

    /** What the folders hold, read off the UI thread: the charts, the chosen iteration's pairs, and a problem if one arose. */
    private record Loaded(List<Chart> charts, List<PairRecord> pairs, String problem) {
    }

    /** Bumped by each refresh, so that only the newest reading is shown. */
    private int generation;
    private int reading;

    /** Re-reads the folders in the background, then redraws the charts and the pair list. */
    public void refresh() {
        Path current = folder();
        List<Path> others = List.copyOf(compared.getItems());
        List<Path> rewards = List.copyOf(rewardModels.getItems());
        double fallbackTau = tau.getValue();
        int iteration = pairIteration.getValue();
        int mine = ++generation;
        reading++;
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                return load(current, others, rewards, fallbackTau, iteration);
            }
        };
        task.setOnSucceeded(e -> {
            reading--;
            if (mine == generation) show(task.getValue());
        });
        task.setOnFailed(e -> {
            reading--;
            status.accept("Could not read the run: " + task.getException().getMessage());
        });
        Thread thread = new Thread(task, "preference-read");
        thread.setDaemon(true);
        thread.start();
    }

    /** Whether a refresh is still reading. */
    public boolean loading() {
        return reading > 0;
    }

    private static Loaded load(Path current, List<Path> others, List<Path> rewards, double fallbackTau, int iteration) {
        List<Chart> charts = new ArrayList<>();
        List<PairRecord> pairs = List.of();
        try {
            Map<String, List<Iterations.Result>> runs = new LinkedHashMap<>();
            List<Path> all = new ArrayList<>();
            if (Files.exists(current.resolve(Iterations.PLAN))) all.add(current);
            others.stream().filter(p -> !all.contains(p)).forEach(all::add);
            for (Path runFolder : all) {
                List<Iterations.Result> results = Iterations.results(runFolder);
                if (!results.isEmpty()) runs.put(label(runFolder, results), results);
            }
            if (!runs.isEmpty()) {
                for (String lookahead : runs.values().iterator().next().get(0).wholePath().keySet()) {
                    charts.add(new Chart(PreferenceCharts.wholePathByIteration(runs, lookahead), "whole-path-L" + lookahead));
                }
            }
            Path firstSamples = Iterations.iterationFolder(current, 1).resolve(Iterations.SAMPLES);
            if (Files.isRegularFile(firstSamples)) {
                double keptTau = Files.exists(current.resolve(Iterations.PLAN))
                        ? Json.MAPPER.readValue(current.resolve(Iterations.PLAN).toFile(), Iterations.Plan.class).rules().tau() : fallbackTau;
                charts.add(new Chart(PreferenceCharts.voteShares(Iterations.readSamples(firstSamples), keptTau), "vote-shares"));
                List<Iterations.Result> results = Iterations.results(current);
                if (results.size() > 1) {
                    charts.add(new Chart(PreferenceCharts.voteShareAccuracy(results.get(1).majorityByVoteShare()), "vote-share-accuracy"));
                }
            }
            Map<String, LearningCurve> curves = new LinkedHashMap<>();
            for (int i = 1; Files.isDirectory(Iterations.iterationFolder(current, i)); i++) {
                LearningCurve curve = LearningCurve.read(Iterations.iterationFolder(current, i));
                if (!curve.training().isEmpty()) curves.put("iteration " + i, curve);
            }
            if (!curves.isEmpty()) charts.add(new Chart(PreferenceCharts.losses(curves), "losses"));
            Map<String, RewardEvaluation.Report> reports = new LinkedHashMap<>();
            for (Path reward : rewards) {
                Path eval = reward.resolve("eval.json");
                if (Files.isRegularFile(eval)) reports.put(reward.getFileName().toString(), Json.MAPPER.readValue(eval.toFile(), RewardEvaluation.Report.class));
            }
            if (!reports.isEmpty()) charts.add(new Chart(PreferenceCharts.rewardModels(reports), "reward-models"));
            Path pairsFile = Iterations.iterationFolder(current, iteration).resolve(Iterations.PAIRS);
            if (Files.isRegularFile(pairsFile)) pairs = readPairs(pairsFile);
            return new Loaded(charts, pairs, null);
        } catch (IOException | RuntimeException e) {
            return new Loaded(charts, pairs, e.getMessage());
        }
    }

    private void show(Loaded loaded) {
        charts.clear();
        for (Chart c : loaded.charts()) charts.add(c.figure(), c.name());
        if (loaded.problem() != null) status.accept("Could not read the run: " + loaded.problem());
        if (charts.figures().isEmpty()) {
            Label empty = new Label("No results in this folder yet: Run starts the iterations here, or Folder… opens a run"
                    + " (docs/experiments/preference/runs/ holds the comparison of docs/preference.md).");
            empty.setWrapText(true);
            empty.setMaxWidth(520);
            charts.getChildren().add(empty);
        }
        pairs.getItems().setAll(loaded.pairs());
        pairCanvas.setFigure(null);
        pairText.setText("");
    }

    private static String label(Path runFolder, List<Iterations.Result> results) {
        String method = results.get(0).method();
        String name = runFolder.getFileName() == null ? runFolder.toString() : runFolder.getFileName().toString();
        return name.equals(method) ? method : method + " (" + name + ")";
    }

    /** The charts shown now, in order. */
    public List<Figure> charts() {
        return charts.figures();
    }

    private static List<PairRecord> readPairs(Path file) throws IOException {
        List<PairRecord> lines = new ArrayList<>();
        for (String line : Files.readAllLines(file)) if (!line.isBlank()) lines.add(Json.MAPPER.readValue(line, PairRecord.class));
        return lines;
    }

    /** The pairs listed for the chosen iteration. */
    public List<PairRecord> pairList() {
        return List.copyOf(pairs.getItems());
    }

    /** Opens the i-th listed pair on its graph. */
    public void selectPair(int index) {
        pairs.getSelectionModel().select(index);
    }

    public Figure pairFigure() {
        return pairCanvas.figure();
    }

    private void showPair(PairRecord p) {
        if (p == null) return;
        TokenLayout layout = new TokenLayout(p.prompt().length);
        SearchInput input = Tokenizer.decode(layout, p.prompt());
        int wrong = p.rejected().isEmpty() ? FirstWrongStep.NONE : FirstWrongStep.of(layout, input.edges(), input.start(), input.goal(), p.rejected());
        Integer wrongVertex = wrong >= 0 && wrong < p.rejected().size() && layout.isVertex(p.rejected().get(wrong)) ? p.rejected().get(wrong) : null;
        pairCanvas.setFigure(new PathPairFigure(SearchGraph.of(input.edges(), input.start(), input.goal()), p.chosen(), p.rejected(), wrongVertex,
                "Problem " + p.problemId() + " (" + p.method() + ")"));
        String where = wrong == FirstWrongStep.NONE ? "" : wrong >= p.rejected().size() ? "; the rejected path stops before the goal"
                : "; the rejected path first goes wrong at step " + (wrong + 1) + " (" + layout.tokenName(p.rejected().get(wrong)) + ")";
        pairText.setText(describe(p) + where + String.format(java.util.Locale.ROOT, "; votes %d vs %d of %d", p.votesChosen(), p.votesRejected(), p.k()));
    }

    /** Saves chart {@code index} as the file's extension says (PNG, SVG or PDF). */
    public void exportChart(int index, Path file) {
        charts.export(index, file);
    }
}
