package dev.lookahead.ui.proofs;

import dev.lookahead.figures.ChartFigure;
import dev.lookahead.figures.Figure;
import dev.lookahead.figures.ProofCharts;
import dev.lookahead.figures.ProofComparisonFigure;
import dev.lookahead.proofs.CheckedProof;
import dev.lookahead.proofs.DeductionProblem;
import dev.lookahead.proofs.DeductionRule;
import dev.lookahead.proofs.ProblemGenerator;
import dev.lookahead.proofs.ProofComparison;
import dev.lookahead.proofs.ProofReport;
import dev.lookahead.proofs.ProofSemantics;
import dev.lookahead.proofs.SentenceParser;
import dev.lookahead.ui.BackgroundWork;
import dev.lookahead.ui.FigureSaving;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.SampleLibrary;
import dev.lookahead.ui.Widgets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.collections.transformation.FilteredList;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.CheckBox;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Spinner;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableRow;
import javafx.scene.control.TableView;
import javafx.scene.control.TextArea;
import javafx.scene.control.Tooltip;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;

/**
 * The Proofs panel: generate a deduction problem, paste a model's proof and see it checked as you
 * type beside the gold proof, under the study's semantics or the corrected one, with the steps the two
 * label differently marked; open a whole results file, filter it and open any example; see the
 * aggregate charts (one semantics, or both side by side) and export them, or the comparison, as PNG, SVG or PDF.
 */
public final class ProofsPanel extends BorderPane implements Page {
    private static final String ALL = "all";
    /** The checked proofs shipped in samples/ for trying the panel. */
    public static final String SAMPLE = "proofs/checked-sample.jsonl";

    private final Consumer<String> status;
    private final ChoiceBox<DeductionRule> rule = new ChoiceBox<>(FXCollections.observableArrayList(DeductionRule.values()));
    private final Spinner<Integer> hops = new Spinner<>(1, 8, 2);
    private final Spinner<Integer> width = new Spinner<>(1, 5, 2);
    private final ChoiceBox<ProblemGenerator.Distractors> distractors =
            new ChoiceBox<>(FXCollections.observableArrayList(ProblemGenerator.Distractors.values()));
    private final ChoiceBox<ProblemGenerator.Ordering> ordering =
            new ChoiceBox<>(FXCollections.observableArrayList(ProblemGenerator.Ordering.values()));
    private final Spinner<Integer> seed = new Spinner<>(1, Integer.MAX_VALUE, 1);
    private final ListView<ProofComparison.ContextSentence> context = new ListView<>();
    private final Label query = new Label();
    private final Label verdict = new Label();
    private final TextArea candidate = new TextArea();
    private final GridPane rows = new GridPane();
    private final PauseTransition typing = new PauseTransition(Duration.millis(250));
    private final TabPane views = new TabPane();
    private final ChoiceBox<ProofSemantics> semantics = new ChoiceBox<>(FXCollections.observableArrayList(ProofSemantics.values()));
    private final CheckBox bothSemantics = new CheckBox("Both semantics side by side");

    private final TableView<ProofResults.Line> table = new TableView<>();
    private final ChoiceBox<String> ruleFilter = new ChoiceBox<>();
    private final ChoiceBox<String> verdictFilter = new ChoiceBox<>();
    private final ChoiceBox<String> labelFilter = new ChoiceBox<>();
    private final ProgressBar loading = new ProgressBar(0);
    private final Button cancelLoading = new Button("Cancel");
    private final TilePane charts = new TilePane(12, 12);
    private final List<Figure> chartFigures = new ArrayList<>();
    private FilteredList<ProofResults.Line> shownLines = new FilteredList<>(FXCollections.observableArrayList());

    private List<String> problemContext = List.of();
    private List<String> gold = List.of();
    private String problemQuery;
    private ProofComparison comparison;
    private ProofResults results;
    private final BackgroundWork work = new BackgroundWork(loading, cancelLoading);

    public ProofsPanel(Consumer<String> status) {
        this.status = status;
        getStyleClass().add("proofs-panel");
        rule.setValue(DeductionRule.OR_ELIM);
        distractors.setValue(ProblemGenerator.Distractors.RELEVANT);
        ordering.setValue(ProblemGenerator.Ordering.RANDOM);
        rule.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(DeductionRule r) {
                return r == null ? "" : r.id();
            }

            @Override
            public DeductionRule fromString(String s) {
                return DeductionRule.parse(s);
            }
        });
        distractors.setConverter(lowerCase(ProblemGenerator.Distractors::parse));
        semantics.setConverter(lowerCase(ProofSemantics::parse));
        semantics.setValue(ProofSemantics.PAPER);
        semantics.setTooltip(new Tooltip("paper: the PrOntoQA-OOD evaluator's decisions, its known defects kept, so numbers match the paper's;"
                + " corrected: the same evaluator with each defect fixed (docs/user-guide.md)"));
        semantics.valueProperty().addListener((obs, old, value) -> semanticsChanged());
        bothSemantics.selectedProperty().addListener((obs, old, value) -> updateCharts());
        ordering.setConverter(lowerCase(ProblemGenerator.Ordering::parse));
        for (Spinner<Integer> s : List.of(hops, width, seed)) {
            s.setEditable(true);
            s.setPrefWidth(90);
        }

        views.getTabs().addAll(new Tab("Compare", compareView()), new Tab("Results", resultsView()), new Tab("Charts", chartsView()));
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        SplitPane split = new SplitPane(sidePanel(), views);
        split.setDividerPositions(0.32);
        setCenter(split);

        typing.setOnFinished(e -> recheck());
        candidate.textProperty().addListener((obs, old, text) -> typing.playFromStart());
        // the first problem is shown quietly: the status line belongs to the tab the window opens on
        generate(false);
    }

    /** Shows an enum's constants as the command line spells them: "relevant", "preorder". */
    private static <E extends Enum<E>> javafx.util.StringConverter<E> lowerCase(java.util.function.Function<String, E> parse) {
        return new javafx.util.StringConverter<>() {
            @Override
            public String toString(E value) {
                return value == null ? "" : value.name().toLowerCase(java.util.Locale.ROOT);
            }

            @Override
            public E fromString(String text) {
                return parse.apply(text);
            }
        };
    }

    // ---- the problem: settings and context ----

    private Node sidePanel() {
        Label title = Widgets.heading("Problem");
        GridPane form = new GridPane();
        form.setHgap(8);
        form.setVgap(6);
        int r = 0;
        for (var entry : List.<Map.Entry<String, Node>>of(Map.entry("Rule", rule), Map.entry("Hops", hops), Map.entry("Width", width),
                Map.entry("Distractors", distractors), Map.entry("Ordering", ordering), Map.entry("Seed", seed))) {
            form.add(new Label(entry.getKey()), 0, r);
            form.add(entry.getValue(), 1, r++);
        }
        Button generate = new Button("Generate");
        generate.setDefaultButton(true);
        generate.setOnAction(e -> generate());
        Button next = new Button("Next problem");
        next.setOnAction(e -> {
            seed.getValueFactory().setValue(seed.getValue() + 1);
            generate();
        });
        context.setCellFactory(list -> new ContextCell());
        VBox.setVgrow(context, Priority.ALWAYS);
        query.setWrapText(true);
        query.getStyleClass().add("proof-query");
        Label contextTitle = Widgets.sectionHeading("Context (role, logical form)");
        HBox checkedUnder = new HBox(8, new Label("Semantics"), semantics);
        checkedUnder.setAlignment(javafx.geometry.Pos.CENTER_LEFT);
        VBox side = new VBox(8, title, form, new HBox(8, generate, next), checkedUnder, contextTitle, context, query);
        side.getStyleClass().add("side-panel");
        return side;
    }

    /** One context sentence: its text, its logical form, and its role. */
    private static final class ContextCell extends ListCell<ProofComparison.ContextSentence> {
        @Override
        protected void updateItem(ProofComparison.ContextSentence item, boolean empty) {
            super.updateItem(item, empty);
            getStyleClass().removeAll("role-gold", "role-distractor");
            if (empty || item == null) {
                setText(null);
                setGraphic(null);
                return;
            }
            Label text = new Label(item.text());
            text.setWrapText(true);
            Label form = new Label(item.role() + " · " + item.formula().show());
            form.getStyleClass().add("logical-form");
            form.setWrapText(true);
            VBox box = new VBox(2, text, form);
            box.setMaxWidth(300);
            setText(null);
            setGraphic(box);
            getStyleClass().add("role-" + item.role());
        }
    }

    /** Generates a problem from the settings and shows it with its gold proof as the candidate. */
    public void generate() {
        generate(true);
    }

    private void generate(boolean report) {
        try {
            ProblemGenerator.Options options = new ProblemGenerator.Options(rule.getValue(), hops.getValue(), width.getValue(),
                    distractors.getValue(), ordering.getValue(), Math.min(3, hops.getValue()), 0, false, null, null);
            DeductionProblem problem = ProblemGenerator.generate(options, 1, seed.getValue()).get(0);
            show(problem.context(), problem.query(), problem.goldProof(), String.join("\n", problem.goldProof()));
            if (report) {
                status.accept("Generated a " + problem.rule() + " problem (" + problem.hops() + (problem.hops() == 1 ? " hop" : " hops")
                        + ", width " + problem.width() + ")");
            }
        } catch (IllegalArgumentException e) {
            status.accept("Cannot generate: " + e.getMessage());
        }
    }

    /** Shows a problem and a candidate proof (one sentence per line, or any text). */
    public void show(List<String> contextSentences, String queryText, List<String> goldProof, String candidateText) {
        problemContext = List.copyOf(contextSentences);
        problemQuery = queryText;
        gold = List.copyOf(goldProof);
        query.setText(queryText == null ? "" : queryText);
        candidate.setText(candidateText);
        recheck();
        views.getSelectionModel().select(0);
    }

    // ---- the comparison ----

    private Node compareView() {
        verdict.getStyleClass().add("proof-verdict");
        verdict.setWrapText(true);
        candidate.setPromptText("Paste or type a model's proof here: it is checked as you type.");
        candidate.setPrefRowCount(6);
        candidate.setWrapText(true);
        Button useGold = new Button("Use the gold proof");
        useGold.setOnAction(e -> candidate.setText(String.join("\n", gold)));
        Button export = new Button("Export comparison…");
        export.setOnAction(e -> FigureSaving.chooseAndSave(this, comparisonFigure(), "proof-comparison", status));
        rows.getStyleClass().add("proof-rows");
        rows.setHgap(10);
        rows.setVgap(3);
        ScrollPane scroll = new ScrollPane(rows);
        scroll.setFitToWidth(true);
        VBox.setVgrow(scroll, Priority.ALWAYS);
        Label legend = new Label("green correct · blue non-atomic · orange skip · red invalid · purple unparseable · yellow misleading;"
                + " outlined: labelled differently under the other semantics; bars on the left are assumption scopes;"
                + " hover a step to see its premises");
        legend.getStyleClass().add("logical-form");
        legend.setWrapText(true);
        VBox box = new VBox(8, verdict, candidate, new HBox(8, useGold, export), legend, scroll);
        box.setPadding(new Insets(10));
        return box;
    }

    private void recheck() {
        if (problemContext.isEmpty()) return;
        try {
            comparison = ProofComparison.of(problemContext, problemQuery, gold, SentenceParser.sentences(candidate.getText()), semantics.getValue());
        } catch (SentenceParser.Unreadable e) {
            comparison = null;
            verdict.setText("The problem cannot be read: " + e.getMessage());
            rows.getChildren().clear();
            return;
        }
        context.getItems().setAll(comparison.context());
        CheckedProof checked = comparison.candidate();
        verdict.setText(verdictText(checked) + differences(comparison));
        verdict.getStyleClass().removeAll("good", "bad");
        verdict.getStyleClass().add(checked.validProof() ? "good" : "bad");
        drawRows();
    }

    /** Which steps the other semantics labels differently, and the fixes that change this proof. */
    private static String differences(ProofComparison c) {
        StringBuilder text = new StringBuilder();
        if (!c.candidate().deviations().isEmpty()) text.append(" Fixes that change this proof: ").append(String.join(", ", c.candidate().deviations())).append('.');
        if (!c.otherLabels().isEmpty()) {
            text.append(" Under the ").append(c.semantics().other().id()).append(" semantics step");
            text.append(c.otherLabels().size() == 1 ? " " : "s ");
            text.append(String.join(", ", c.otherLabels().keySet().stream().map(k -> Integer.toString(k + 1)).toList()));
            text.append(c.otherLabels().size() == 1 ? " is" : " are").append(" labelled differently (outlined).");
        }
        return text.toString();
    }

    /** Re-checks the comparison, the results and the charts under the semantics just chosen. */
    private void semanticsChanged() {
        recheck();
        table.refresh();
        applyFilters();
        status.accept("Proofs checked under the " + semantics.getValue().id() + " semantics");
    }

    /** The semantics proofs are checked under now. */
    public ProofSemantics semantics() {
        return semantics.getValue();
    }

    public void setSemantics(ProofSemantics value) {
        semantics.setValue(value);
    }

    /** The verdict line: what the proof reaches, and where and why it first goes wrong. */
    static String verdictText(CheckedProof checked) {
        String reached = switch (checked.verdict()) {
            case "strict" -> "Proof correct: the goal is reached by correct steps";
            case "via_skip" -> "Valid, but only by skipping steps";
            case "via_nonatomic" -> "Valid, but with steps that need several rule applications";
            case "open_hypothesis" -> "Not proven: the goal is reached only inside an assumption";
            default -> "Not proven: the goal is never reached";
        };
        if (checked.firstError() == null) return reached + ".";
        CheckedProof.Step step = checked.steps().get(checked.firstError());
        String why = step.problem() != null ? step.problem() : step.misleading() ? "it takes a rule off the gold path" : step.label().id();
        return reached + ". First error: step " + (checked.firstError() + 1) + " (" + step.label().id().replace('_', '-') + "): " + why + ".";
    }

    private void drawRows() {
        rows.getChildren().clear();
        Label goldTitle = Widgets.sectionHeading("Gold proof");
        Label candidateTitle = Widgets.sectionHeading("Candidate proof");
        rows.add(goldTitle, 0, 0);
        rows.add(candidateTitle, 1, 0);
        Map<Integer, Node> candidateCells = new HashMap<>();
        List<ProofComparison.Row> aligned = comparison.rows();
        for (int r = 0; r < aligned.size(); r++) {
            ProofComparison.Row row = aligned.get(r);
            if (row.gold() != null) rows.add(stepCell(comparison.gold(), row.gold(), false, null, null), 0, r + 1);
            if (row.candidate() != null) {
                Node cell = stepCell(comparison.candidate(), row.candidate(), row.candidate().equals(comparison.candidate().firstError()),
                        comparison.otherLabels().get(row.candidate()), comparison.semantics().other());
                candidateCells.put(row.candidate(), cell);
                rows.add(cell, 1, r + 1);
            }
        }
        // hovering a candidate step lights up the steps it rests on
        candidateCells.forEach((index, cell) -> {
            List<Integer> premises = comparison.candidate().steps().get(index).premises();
            cell.setOnMouseEntered(e -> premises.forEach(p -> {
                Node premise = candidateCells.get(p);
                if (premise != null) premise.getStyleClass().add("premise");
            }));
            cell.setOnMouseExited(e -> candidateCells.values().forEach(n -> n.getStyleClass().remove("premise")));
        });
        javafx.scene.layout.ColumnConstraints half = new javafx.scene.layout.ColumnConstraints();
        half.setPercentWidth(50);
        rows.getColumnConstraints().setAll(half, half);
    }

    private static Node stepCell(CheckedProof proof, int index, boolean firstError, CheckedProof.Label otherLabel, ProofSemantics other) {
        CheckedProof.Step step = proof.steps().get(index);
        Label text = new Label((index + 1) + ". " + step.text());
        text.setWrapText(true);
        String differs = otherLabel == null ? "" : " · " + other.id() + ": " + otherLabel.id().replace('_', '-');
        Label details = new Label(step.summary() + differs);
        details.getStyleClass().add("logical-form");
        details.setWrapText(true);
        VBox content = new VBox(1, text, details);
        content.getStyleClass().addAll("proof-step", "label-" + step.label().id());
        if (step.misleading()) content.getStyleClass().add("misleading");
        if (firstError) content.getStyleClass().add("first-error");
        if (otherLabel != null) content.getStyleClass().add("differs");
        HBox.setHgrow(content, Priority.ALWAYS);
        HBox cell = new HBox(4);
        for (int d = 0; d < step.depth(); d++) {
            Region scope = new Region();
            scope.getStyleClass().add("scope-bar");
            cell.getChildren().add(scope);
        }
        cell.getChildren().add(content);
        if (step.formula() != null) Tooltip.install(cell, new Tooltip(step.formula().show()));
        return cell;
    }

    /** The comparison shown now: the problem, both proofs checked, and their alignment. */
    public ProofComparison comparison() {
        return comparison;
    }

    public void setCandidate(String text) {
        candidate.setText(text);
        typing.stop();
        recheck();
    }

    public Label verdictLabel() {
        return verdict;
    }

    public GridPane rows() {
        return rows;
    }

    // ---- results files ----

    private Node resultsView() {
        Button open = Widgets.openFileButton("Open results…", "Open proofs to check or a proofs check output", "JSON lines (*.jsonl)",
                "*.jsonl", this::openResults);
        Button sample = new Button("Open the sample");
        sample.setOnAction(e -> {
            Path file = SampleLibrary.sample(SAMPLE);
            if (file == null) status.accept("The sample results are not packaged with this build");
            else openResults(file);
        });
        for (ChoiceBox<String> filter : List.of(ruleFilter, verdictFilter, labelFilter)) {
            filter.getItems().setAll(ALL);
            filter.setValue(ALL);
            filter.valueProperty().addListener((obs, old, value) -> applyFilters());
        }
        verdictFilter.getItems().setAll(ALL, "strict", "via_skip", "via_nonatomic", "open_hypothesis", "not_reached");
        labelFilter.getItems().setAll(ALL, "non_atomic", "skip", "invalid", "unparseable", "misleading");
        HBox bar = new HBox(8, open, sample, new Label("Rule"), ruleFilter, new Label("Verdict"), verdictFilter,
                new Label("Has a step"), labelFilter, loading, cancelLoading);
        bar.setAlignment(javafx.geometry.Pos.CENTER_LEFT);

        table.getColumns().setAll(List.of(
                column("line", l -> l.number()), column("id", ProofResults.Line::id), column("rule", ProofResults.Line::rule),
                column("hops", ProofResults.Line::hops), column("width", ProofResults.Line::width), column("demos", ProofResults.Line::demos),
                column("verdict", l -> checked(l).verdict()),
                column("first error", l -> checked(l).firstError() == null ? "" : Integer.toString(checked(l).firstError() + 1)),
                column("steps", l -> checked(l).steps().size())));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPlaceholder(new Label("Open a file of proofs (lines with question, query, candidate_proof, gold_proof),"
                + " or the output of proofs check; samples/proofs/ holds one."));
        table.setRowFactory(t -> {
            TableRow<ProofResults.Line> row = new TableRow<>();
            row.setOnMouseClicked(e -> {
                if (e.getClickCount() == 2 && !row.isEmpty()) openLine(row.getItem());
            });
            return row;
        });
        VBox.setVgrow(table, Priority.ALWAYS);
        VBox box = new VBox(8, bar, table);
        box.setPadding(new Insets(10));
        return box;
    }

    /** A line as checked under the semantics chosen now. */
    public CheckedProof checked(ProofResults.Line line) {
        return line.checked(semantics.getValue());
    }

    private static <T> TableColumn<ProofResults.Line, T> column(String title, java.util.function.Function<ProofResults.Line, T> value) {
        TableColumn<ProofResults.Line, T> column = new TableColumn<>(title);
        column.setCellValueFactory(cell -> new ReadOnlyObjectWrapper<>(value.apply(cell.getValue())));
        return column;
    }

    /** Reads and checks a results file in the background, with progress and cancel. */
    public Task<ProofResults> openResults(Path file) {
        Task<ProofResults> task = new Task<>() {
            @Override
            protected ProofResults call() throws IOException {
                return ProofResults.read(file, share -> updateProgress(share, 1.0), this::isCancelled);
            }
        };
        status.accept("Reading " + file.getFileName() + "…");
        return work.start(task, "proofs-results", this::showResults,
                failure -> status.accept("Could not read " + file.getFileName() + ": " + failure.getMessage()),
                () -> status.accept("Stopped reading " + file.getFileName() + "; the results shown before are kept"));
    }

    private void showResults(ProofResults read) {
        results = read;
        shownLines = new FilteredList<>(FXCollections.observableArrayList(read.lines()));
        table.setItems(shownLines);
        List<String> rules = new ArrayList<>();
        rules.add(ALL);
        read.lines().stream().map(ProofResults.Line::rule).filter(java.util.Objects::nonNull).distinct().sorted().forEach(rules::add);
        ruleFilter.getItems().setAll(rules);
        ruleFilter.setValue(ALL);
        applyFilters();
        String skipped = read.problems().isEmpty() ? "" : "; " + read.problems().size() + " lines skipped (first: " + read.problems().get(0) + ")";
        status.accept("Read " + read.lines().size() + " proofs from " + read.file().getFileName() + skipped);
        views.getSelectionModel().select(1);
    }

    private void applyFilters() {
        String r = ruleFilter.getValue();
        String v = verdictFilter.getValue();
        String l = labelFilter.getValue();
        shownLines.setPredicate(line -> (r == null || r.equals(ALL) || r.equals(line.rule()))
                && (v == null || v.equals(ALL) || v.equals(checked(line).verdict()))
                && (l == null || l.equals(ALL) || checked(line).steps().stream()
                        .anyMatch(s -> l.equals("misleading") ? s.misleading() : s.label().id().equals(l))));
        updateCharts();
    }

    /** Opens one line of the results in the comparison. */
    public void openLine(ProofResults.Line line) {
        show(line.context(), line.query(), line.gold(), String.join("\n", line.candidate()));
        status.accept("Line " + line.number() + " of " + results.file().getFileName() + ": " + checked(line).verdict()
                + " under the " + semantics.getValue().id() + " semantics");
    }

    public TableView<ProofResults.Line> resultsTable() {
        return table;
    }

    // ---- charts ----

    private Node chartsView() {
        charts.setPadding(new Insets(10));
        charts.setPrefColumns(2);
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        charts.getChildren().add(new Label("Open a results file to see accuracy per rule, hops, width and demonstrations,"
                + " the step labels and where proofs first go wrong."));
        HBox bar = new HBox(8, bothSemantics);
        bar.setPadding(new Insets(10, 10, 0, 10));
        VBox.setVgrow(scroll, Priority.ALWAYS);
        return new VBox(4, bar, scroll);
    }

    /** The charts of the lines shown, under the chosen semantics; with both, each chart under each semantics side by side. */
    private void updateCharts() {
        charts.getChildren().clear();
        chartFigures.clear();
        if (results == null) return;
        List<ProofResults.Line> lines = List.copyOf(shownLines);
        List<ProofSemantics> modes = bothSemantics.isSelected() ? List.of(ProofSemantics.values()) : List.of(semantics.getValue());
        Map<ProofSemantics, ProofReport> reports = new java.util.EnumMap<>(ProofSemantics.class);
        for (ProofSemantics mode : modes) reports.put(mode, ProofResults.report(lines, mode));
        String[] names = {"accuracy-per-rule", "accuracy-per-hops", "accuracy-per-width", "accuracy-per-demos", "step-labels", "first-error",
                "first-mistake"};
        for (int chart = 0; chart < names.length; chart++) {
            for (ProofSemantics mode : modes) {
                ChartFigure figure = chart(chart, reports.get(mode), " (" + mode.id() + " semantics)");
                chartFigures.add(figure);
                ChartViewer viewer = new ChartViewer(figure.chart());
                viewer.setPrefSize(figure.width() * 1.4, figure.height() * 1.4);
                String name = names[chart] + "-" + mode.id();
                Button export = new Button("Export…");
                export.setOnAction(e -> FigureSaving.chooseAndSave(this, figure, name, status));
                charts.getChildren().add(new VBox(4, viewer, export));
            }
        }
    }

    private static ChartFigure chart(int which, ProofReport report, String mode) {
        return switch (which) {
            case 0 -> ProofCharts.accuracy("Accuracy per rule" + mode, "rule", report.byRule());
            case 1 -> ProofCharts.accuracy("Accuracy per hops" + mode, "hops", report.byHops());
            case 2 -> ProofCharts.accuracy("Accuracy per width" + mode, "width", report.byWidth());
            case 3 -> ProofCharts.accuracy("In-distribution vs OOD demonstrations" + mode, "demonstrations", report.byDemos());
            case 4 -> ProofCharts.stepLabels(report.labelsByRule(), mode);
            case 5 -> ProofCharts.firstErrors(report.firstErrors(), mode);
            default -> ProofCharts.firstMistakes(report, mode);
        };
    }

    /** The charts shown now (for tests and export). */
    public List<Figure> chartFigures() {
        return List.copyOf(chartFigures);
    }

    /** Writes a figure in the format its file name asks for (PNG at three pixels per point). */
    public void export(Figure figure, Path file) {
        FigureSaving.save(figure, file, status);
    }

    @Override
    public String title() {
        return "Proofs";
    }

    @Override
    public Node view() {
        return this;
    }

    /** The comparison as an exportable figure. */
    public Figure comparisonFigure() {
        return comparison == null ? null : new ProofComparisonFigure(comparison);
    }
}
