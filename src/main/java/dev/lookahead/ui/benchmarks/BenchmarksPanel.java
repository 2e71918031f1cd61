package dev.lookahead.ui.benchmarks;

import dev.lookahead.benchmarks.AnswerLetters;
import dev.lookahead.benchmarks.BenchmarkLines;
import dev.lookahead.benchmarks.CaptionChoice;
import dev.lookahead.benchmarks.GpqaAnswers;
import dev.lookahead.benchmarks.GpqaCsv;
import dev.lookahead.benchmarks.GpqaRow;
import dev.lookahead.benchmarks.GpqaScoring;
import dev.lookahead.benchmarks.GpqaSubsets;
import dev.lookahead.benchmarks.Pope;
import dev.lookahead.benchmarks.Winoground;
import dev.lookahead.figures.BenchmarkCharts;
import dev.lookahead.figures.Figure;
import dev.lookahead.stats.Proportion;
import dev.lookahead.ui.BackgroundWork;
import dev.lookahead.ui.ChartGallery;
import dev.lookahead.ui.FigureSaving;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.SidePanel;
import dev.lookahead.ui.Widgets;
import java.io.File;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
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
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.VBox;
import javafx.stage.FileChooser;

/**
 * The Benchmarks panel. GPQA: open the official CSV (subset counts by the paper's rules, rows contradicting their file),
 * then a model's answers and the key (accuracy by domain beside the validators, each answer beside its key). Vision-
 * language: open a POPE, Winoground or caption-choice file; its figures as a table and the pitfalls as charts. Every
 * file is read off the UI thread; every chart exports.
 */
public final class BenchmarksPanel extends BorderPane implements Page {
    private final Consumer<String> status;
    private final ProgressBar bar = new ProgressBar();
    private final Button cancel = new Button("Cancel");
    private final BackgroundWork work = new BackgroundWork(bar, cancel);
    private final VBox gpqaTable = new VBox(4);
    private final ChartGallery gpqaCharts;
    private final ListView<GpqaScoring.Scored> answers = new ListView<>();
    private final Label answerText = new Label();
    private final VBox vlTable = new VBox(4);
    private final ChartGallery vlCharts;
    private List<GpqaRow> rows = List.of();
    private Path key;

    public BenchmarksPanel(Consumer<String> status) {
        this.status = status;
        this.gpqaCharts = new ChartGallery(status);
        this.vlCharts = new ChartGallery(status);
        TabPane tabs = new TabPane(new Tab("GPQA", gpqaView()), new Tab("Vision-language", vlView()));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setCenter(tabs);
        Label note = new Label("No benchmark data ships with the workbench: open your own copy of GPQA's CSV and your model's outputs."
                + " samples/benchmarks/ holds synthetic files of each shape. The command line: gpqa subsets|prompts|score, vlm pope|winoground|"
                + "choice|vqa|chair.");
        note.setWrapText(true);
        note.getStyleClass().add("logical-form");
        VBox side = new VBox(8, Widgets.heading("Benchmarks"), new HBox(6, bar, cancel), note);
        setLeft(SidePanel.of(side, 300));
    }

    @Override
    public String title() {
        return "Benchmarks";
    }

    @Override
    public Node view() {
        return this;
    }

    private static Button chooser(String text, String what, Consumer<Path> open) {
        Button button = new Button(text);
        button.setOnAction(e -> {
            FileChooser chooser = new FileChooser();
            chooser.setTitle(what);
            File chosen = chooser.showOpenDialog(button.getScene().getWindow());
            if (chosen != null) open.accept(chosen.toPath());
        });
        return button;
    }

    private ScrollPane gpqaView() {
        answers.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(GpqaScoring.Scored s, boolean empty) {
                super.updateItem(s, empty);
                setText(empty || s == null ? null : s.recordId() + ": " + s.letter().orElse("(not parsed)") + " / key " + s.key().answer()
                        + (s.right() ? "  right" : "  wrong"));
            }
        });
        answers.setPrefHeight(200);
        answers.getSelectionModel().selectedItemProperty().addListener((o, was, now) -> answerText.setText(now == null ? ""
                : now.key().domain() + " / " + now.key().subdomain() + "\n" + (now.output() == null ? "(no output)" : now.output())));
        answerText.setWrapText(true);
        HBox buttons = new HBox(6, chooser("Open GPQA CSV…", "GPQA's official CSV", this::openCsv), chooser("Open key…", "gpqa prompts' output",
                p -> key = p), chooser("Open answers…", "the model's answers {record_id, output}", this::openAnswers));
        VBox content = new VBox(10, buttons, gpqaTable, gpqaCharts, new Label("Answers beside the key"), answers, answerText);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private ScrollPane vlView() {
        HBox buttons = new HBox(6, chooser("Open POPE…", "POPE answers", this::openPope), chooser("Open Winoground…", "Winoground scores",
                this::openWinoground), chooser("Open caption choice…", "caption-choice scores", this::openChoice));
        VBox content = new VBox(10, buttons, vlTable, vlCharts);
        content.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        vlCharts.prefWrapLengthProperty().bind(scroll.widthProperty().subtract(30));
        return scroll;
    }

    private <T> void background(String what, Callable<T> read, Consumer<T> show) {
        Task<T> task = new Task<>() {
            @Override
            protected T call() throws Exception {
                return read.call();
            }
        };
        status.accept("Reading " + what + "…");
        work.start(task, "benchmarks", result -> {
            show.accept(result);
            status.accept("Read " + what);
        }, failure -> status.accept("Could not read " + what + ": " + failure.getMessage()), () -> status.accept("Reading cancelled"));
    }

    public boolean busy() {
        return work.running() != null;
    }

    /** Reads GPQA's CSV and shows its subsets by the paper's rules. */
    public void openCsv(Path file) {
        background(file.getFileName().toString(), () -> GpqaCsv.read(file), read -> {
            rows = read;
            gpqaTable.getChildren().clear();
            long main = read.stream().filter(r -> GpqaSubsets.of(r, GpqaSubsets.Agreement.PAPER).main()).count();
            long diamond = read.stream().filter(r -> GpqaSubsets.of(r, GpqaSubsets.Agreement.PAPER).diamond()).count();
            String claim = file.getFileName().toString().toLowerCase(Locale.ROOT);
            List<GpqaRow> contradicting = read.stream().filter(r -> claim.contains("diamond") ? !GpqaSubsets.of(r, GpqaSubsets.Agreement.PAPER).diamond()
                    : claim.contains("main") && !GpqaSubsets.of(r, GpqaSubsets.Agreement.PAPER).main()).toList();
            gpqaTable.getChildren().add(new Label(String.format(Locale.ROOT, "%s: %d questions; by the paper's rules %d in main, %d in diamond;"
                    + " %s the file's subset", file.getFileName(), read.size(), main, diamond,
                    dev.lookahead.ui.Widgets.count(contradicting.size(), "row contradicts", "rows contradict"))));
            for (GpqaRow r : contradicting.stream().limit(10).toList()) {
                GpqaSubsets.Membership m = GpqaSubsets.of(r, GpqaSubsets.Agreement.PAPER);
                gpqaTable.getChildren().add(new Label("  record " + r.line() + " (" + r.recordId() + "): " + (claim.contains("diamond") ? m.diamondReason()
                        : m.mainReason())));
            }
        });
    }

    /** Path of the key (gpqa prompts' output) the next answers are scored against. */
    public void setKey(Path prompts) {
        key = prompts;
    }

    /** Scores a model's answers against the key, beside the validators of the opened CSV. */
    public void openAnswers(Path file) {
        if (key == null) {
            status.accept("Open the key (gpqa prompts' output) first");
            return;
        }
        Path keyFile = key;
        background(file.getFileName().toString(), () -> {
            GpqaAnswers read = GpqaAnswers.read(keyFile, file);
            return GpqaScoring.score(read.outputs(), read.key(), AnswerLetters.DEFAULT);
        }, result -> {
            answers.getItems().setAll(result.answers());
            gpqaCharts.clear();
            Proportion o = result.overall();
            gpqaTable.getChildren().add(new Label(String.format(Locale.ROOT,
                    "Model: %.3f [%.3f, %.3f] over the key's %d questions; %d unanswered, %d not parsed (both counted wrong)",
                    o.value(), o.lower(), o.upper(), o.trials(), result.unanswered().size(), result.unparsed())));
            gpqaCharts.add(BenchmarkCharts.gpqaByDomain(result.domains(), GpqaScoring.validators(rows)), "gpqa-by-domain");
        });
    }

    public void openPope(Path file) {
        background(file.getFileName().toString(), () -> BenchmarkLines.read(file, BenchmarkLines::pope), read -> {
            Map<String, Pope.Scores> splits = Pope.bySplit(read.items());
            vlTable.getChildren().add(new Label("POPE (" + file.getFileName() + ")" + problems(read.problems())));
            splits.forEach((split, s) -> vlTable.getChildren().add(new Label(String.format(Locale.ROOT,
                    "  %s: accuracy %.3f, precision %.3f, recall %.3f, F1 %.3f, yes-ratio %.3f (%d)", split, s.accuracy(), s.precision(), s.recall(),
                    s.f1(), s.yesRatio(), s.total()))));
            vlCharts.add(BenchmarkCharts.popeYesBias(splits), "pope-yes-bias");
        });
    }

    public void openWinoground(Path file) {
        background(file.getFileName().toString(), () -> BenchmarkLines.read(file, BenchmarkLines::winoground), read -> {
            Winoground.Scores s = Winoground.score(read.items());
            vlTable.getChildren().add(new Label(String.format(Locale.ROOT, "Winoground (%s): text %.3f, image %.3f, group %.3f; %d examples with a tie%s",
                    file.getFileName(), s.text().value(), s.image().value(), s.group().value(), s.tied().successes(), problems(read.problems()))));
            vlCharts.add(BenchmarkCharts.winoground(s), "winoground");
        });
    }

    public void openChoice(Path file) {
        background(file.getFileName().toString(), () -> BenchmarkLines.read(file, BenchmarkLines::choice), read -> {
            CaptionChoice.Scores s = CaptionChoice.score(read.items());
            vlTable.getChildren().add(new Label(String.format(Locale.ROOT, "Caption choice (%s): accuracy %.3f, ties %.3f, a first-wins argmax would"
                    + " claim %.3f%s", file.getFileName(), s.accuracy().value(), s.ties().value(), s.argmaxFirst().value(), problems(read.problems()))));
            vlCharts.add(BenchmarkCharts.choiceTies(s), "caption-choice-ties");
        });
    }

    private static String problems(List<String> problems) {
        return problems.isEmpty() ? "" : "; " + problems.size() + " lines refused, e.g. " + problems.get(0);
    }

    /** Every chart shown: GPQA's first, then the vision-language ones in the order opened. */
    public List<Figure> charts() {
        List<Figure> all = new ArrayList<>(gpqaCharts.figures());
        all.addAll(vlCharts.figures());
        return all;
    }

    public void exportChart(int index, Path file) {
        FigureSaving.save(charts().get(index), file, status);
    }

    public List<GpqaScoring.Scored> answerList() {
        return List.copyOf(answers.getItems());
    }

    public void selectAnswer(int index) {
        answers.getSelectionModel().select(index);
    }

    public String answerText() {
        return answerText.getText();
    }
}
