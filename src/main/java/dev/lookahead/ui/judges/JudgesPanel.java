package dev.lookahead.ui.judges;

import dev.lookahead.figures.ConsistencyMatrixFigure;
import dev.lookahead.figures.Figure;
import dev.lookahead.figures.JudgeCharts;
import dev.lookahead.judges.Bootstrap;
import dev.lookahead.judges.JudgeAudit;
import dev.lookahead.judges.JudgmentFiles;
import dev.lookahead.judges.PairwiseItem;
import dev.lookahead.judges.RankAgreement;
import dev.lookahead.judges.RubricScores;
import dev.lookahead.judges.Verdicts;
import dev.lookahead.ui.BackgroundWork;
import dev.lookahead.ui.ChartGallery;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.SidePanel;
import dev.lookahead.ui.Widgets;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.function.Consumer;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TextField;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Judges panel: open a judgments file (pairwise or pointwise), see its audit - the figures per category, accuracy
 * by category with bootstrap whiskers, the position-consistency matrix, kappa between judges, or for pointwise files
 * the judge against people's ranks - and browse its items with both responses and every judgment explained.
 */
public final class JudgesPanel extends BorderPane implements Page {
    private final Consumer<String> status;
    private final TextField first = new TextField(Verdicts.DEFAULT.first());
    private final TextField second = new TextField(Verdicts.DEFAULT.second());
    private final TextField tie = new TextField(Verdicts.DEFAULT.tie());
    private final TextField scorePattern = new TextField(RubricScores.DEFAULT.pattern().pattern());
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final BackgroundWork work = new BackgroundWork(bar, cancel);
    private final Label summary = new Label("Open a judgments file (samples/judges/ holds synthetic ones).");
    private final VBox table = new VBox(4);
    private final ChartGallery charts;
    private final ListView<PairwiseItem> items = new ListView<>();
    private final VBox detail = new VBox(6);
    private Path opened;
    /** The markers the shown file was read with, for explaining its judgments. */
    private Verdicts verdicts = Verdicts.DEFAULT;

    /** What opening a file gave: pairwise items with their audit, or pointwise groups with their agreement. */
    record Opened(List<PairwiseItem> items, JudgeAudit.Report audit, long[][] matrix, Map<String, double[]> intervals,
                  List<RankAgreement.Group> groups, RankAgreement.Figures agreement, List<String> problems, Verdicts verdicts) {
    }

    public JudgesPanel(Consumer<String> status) {
        this.status = status;
        this.charts = new ChartGallery(status);
        TabPane centre = new TabPane(new Tab("Audit", auditView()), new Tab("Items", itemsView()));
        centre.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(centre);
        setLeft(SidePanel.of(side(), 330));
    }

    @Override
    public String title() {
        return "Judges";
    }

    @Override
    public Node view() {
        return this;
    }

    private VBox side() {
        Button open = new Button("Open judgments…");
        open.setDefaultButton(true);
        open.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("Judgments (*.jsonl)", "*.jsonl", "*.json"));
            File chosen = chooser.showOpenDialog(getScene().getWindow());
            if (chosen != null) open(chosen.toPath());
        });
        Button reread = new Button("Read again");
        reread.setOnAction(e -> {
            if (opened != null) open(opened);
        });
        for (TextField f : List.of(first, second, tie)) f.setPrefWidth(80);
        summary.setWrapText(true);
        Label note = new Label("Pairwise items: {id, prompt, response_a, response_b, label, category, judgments: [{judge, order, output}]}."
                + " Pointwise: {id, prompt, response, human_rank, judgments: [{judge, output}]}. A tie or an unparsed verdict scores 0.5."
                + " The command line: `judges audit --in FILE --json OUT`.");
        note.setWrapText(true);
        note.getStyleClass().add("logical-form");
        return new VBox(8, Widgets.heading("Judges"), SidePanel.row(open, reread), new Label("Verdict markers: first, second, tie"),
                new HBox(6, first, second, tie), new Label("Rubric score pattern"), scorePattern, new HBox(6, bar, cancel), summary, note);
    }

    private ScrollPane auditView() {
        VBox content = new VBox(10, table, charts);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        charts.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(30));
        return scroll;
    }

    private BorderPane itemsView() {
        items.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(PairwiseItem item, boolean empty) {
                super.updateItem(item, empty);
                setText(empty || item == null ? null : item.id() + (item.category().isEmpty() ? "" : " [" + item.category() + "]") + "  label "
                        + (item.label() == null ? "-" : item.label()) + ", " + item.judgments().size() + " judgments");
            }
        });
        items.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> showItem(now));
        items.setPrefWidth(300);
        detail.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(detail);
        scroll.setFitToWidth(true);
        BorderPane view = new BorderPane(scroll);
        view.setLeft(items);
        return view;
    }

    /** Reads a judgments file in the background and shows its audit. */
    public void open(Path file) {
        Verdicts verdicts;
        RubricScores scores;
        try {
            verdicts = new Verdicts(first.getText(), second.getText(), tie.getText(), Verdicts.DEFAULT.rule());
            scores = RubricScores.of(scorePattern.getText());
        } catch (RuntimeException e) {
            status.accept("Cannot read with these settings: " + e.getMessage());
            return;
        }
        Task<Opened> task = new Task<>() {
            @Override
            protected Opened call() throws Exception {
                if (JudgmentFiles.isPointwise(file)) {
                    var read = JudgmentFiles.pointwise(file, share -> updateProgress(share, 1), this::isCancelled);
                    List<RankAgreement.Group> groups = JudgmentFiles.groups(read.items(), scores);
                    return new Opened(List.of(), null, null, Map.of(), groups, RankAgreement.of(groups), read.problems(), verdicts);
                }
                var read = JudgmentFiles.pairwise(file, share -> updateProgress(share, 1), this::isCancelled);
                JudgeAudit.Report audit = JudgeAudit.audit(read.items(), verdicts);
                Map<String, double[]> intervals = new java.util.LinkedHashMap<>();
                for (String category : audit.categories().keySet()) {
                    intervals.put(category, Bootstrap.interval(JudgeAudit.scores(read.items().stream()
                            .filter(i -> i.category().equals(category)).toList(), verdicts)));
                }
                intervals.put(ALL, Bootstrap.interval(JudgeAudit.scores(read.items(), verdicts)));
                return new Opened(read.items(), audit, JudgeAudit.consistencyMatrix(read.items(), verdicts), intervals, List.of(), null,
                        read.problems(), verdicts);
            }
        };
        status.accept("Reading " + file + "…");
        work.start(task, "judges", result -> {
            opened = file;
            show(result);
            status.accept("Read " + file.getFileName() + (result.problems().isEmpty() ? "" : "; " + result.problems().size() + " lines refused: "
                    + result.problems().get(0)));
        }, failure -> status.accept("Could not read " + file + ": " + failure.getMessage()), () -> status.accept("Reading cancelled"));
    }

    public boolean busy() {
        return work.running() != null;
    }

    private void show(Opened o) {
        charts.clear();
        table.getChildren().clear();
        items.getItems().setAll(o.items());
        detail.getChildren().clear();
        this.verdicts = o.verdicts();
        if (o.audit() == null) {
            RankAgreement.Figures f = o.agreement();
            summary.setText(String.format(Locale.ROOT, "Pointwise: %d prompts, %d ranked pairs. Pairwise accuracy %s, exact match %s, Spearman %s,"
                    + " Kendall tau-b %s.", f.prompts(), f.pairs(), show(f.pairwiseAccuracy()), show(f.exactMatch()), show(f.spearman()),
                    show(f.kendallTau())));
            table.getChildren().add(new Label(summary.getText()));
            addChart(JudgeCharts.scoresAgainstRanks(o.groups(), f), "judge-vs-people");
            return;
        }
        JudgeAudit.Figures all = o.audit().overall();
        summary.setText(String.format(Locale.ROOT, "%d items, %d judgments: accuracy %s, position consistency %s, first-position rate %s, ties %s,"
                + " %d not parsed.", o.items().size(), all.judgments(), show(all.accuracy()), show(all.positionConsistency()),
                show(all.firstPositionRate()), show(all.tieRate()), all.parseFailures()));
        table.getChildren().add(row("category", "judgments", "with a label", "accuracy [95%]", "consistency", "first position", "ties",
                "unparsed"));
        List<JudgeCharts.CategoryAccuracy> bars = new ArrayList<>();
        o.audit().categories().forEach((category, f) -> {
            double[] ci = o.intervals().get(category);
            table.getChildren().add(figuresRow(category.isEmpty() ? "(none)" : category, f, ci));
            bars.add(new JudgeCharts.CategoryAccuracy(category, f.accuracy(), ci[0], ci[1]));
        });
        table.getChildren().add(figuresRow("all", all, o.intervals().get(ALL)));
        Label note = new Label("Accuracy is over the judgments with a label (an item several people voted on counts each vote); the other"
                + " rates over every judgment.");
        note.setWrapText(true);
        note.setMaxWidth(760);
        table.getChildren().add(note);
        o.audit().kappa().forEach((pair, k) -> table.getChildren().add(new Label("Cohen's kappa " + pair + ": " + show(k))));
        addChart(JudgeCharts.accuracyByCategory(bars), "judge-accuracy-by-category");
        addChart(new ConsistencyMatrixFigure(o.matrix()), "position-consistency");
    }

    /** The key of the overall bootstrap interval, beside the categories'. */
    private static final String ALL = "\u0000all";

    private static HBox figuresRow(String name, JudgeAudit.Figures f, double[] ci) {
        String interval = ci == null || Double.isNaN(ci[0]) ? "" : String.format(Locale.ROOT, " [%.2f, %.2f]", ci[0], ci[1]);
        return row(name, Long.toString(f.judgments()), Long.toString(f.scored()), show(f.accuracy()) + interval, show(f.positionConsistency()),
                show(f.firstPositionRate()), show(f.tieRate()), Long.toString(f.parseFailures()));
    }

    private static HBox row(String... cells) {
        HBox row = new HBox(8);
        double[] widths = {90, 80, 95, 130, 90, 100, 45, 70};
        for (int i = 0; i < cells.length; i++) {
            Label label = new Label(cells[i]);
            label.setMinWidth(widths[i]);
            label.setPrefWidth(widths[i]);
            row.getChildren().add(label);
        }
        return row;
    }

    private static String show(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.3f", value);
    }

    private void addChart(Figure figure, String name) {
        charts.add(figure, name);
    }

    /** The charts shown now, in order. */
    public List<Figure> charts() {
        return charts.figures();
    }

    /** Saves chart {@code index} as its extension says (PNG, SVG or PDF). */
    public void exportChart(int index, Path file) {
        charts.export(index, file);
    }

    public List<PairwiseItem> itemList() {
        return List.copyOf(items.getItems());
    }

    public void selectItem(int index) {
        items.getSelectionModel().select(index);
    }

    /** The item shown now, as text: prompt, both responses, and each judgment with its reading. */
    public String detailText() {
        StringBuilder text = new StringBuilder();
        for (Node n : detail.getChildren()) if (n instanceof Label l) text.append(l.getText()).append('\n');
        return text.toString();
    }

    private void showItem(PairwiseItem item) {
        detail.getChildren().clear();
        if (item == null) return;
        detail.getChildren().add(Widgets.sectionHeading("Item " + item.id() + (item.label() == null ? "" : ", label " + item.label())));
        detail.getChildren().add(wrapped("Prompt: " + item.prompt()));
        detail.getChildren().add(wrapped("Response a: " + item.responseA()));
        detail.getChildren().add(wrapped("Response b: " + item.responseB()));
        detail.getChildren().add(Widgets.sectionHeading("Judgments"));
        for (PairwiseItem.Judgment j : item.judgments()) {
            String reading = verdicts.explain(j.output());
            String winner = verdicts.read(j.output()).map(v -> " -> " + PairwiseItem.winner(v, j.order())).orElse("");
            detail.getChildren().add(wrapped(j.judge() + ", shown " + (j.order().equals("ab") ? "a first" : "b first") + ": " + reading + winner));
            Label output = wrapped(j.output() == null ? "(no output)" : j.output());
            output.getStyleClass().add("logical-form");
            detail.getChildren().add(output);
        }
    }

    private static Label wrapped(String text) {
        Label label = new Label(text);
        label.setWrapText(true);
        return label;
    }
}
