package dev.lookahead.ui.feedback;

import dev.lookahead.feedback.BotTurnSignals;
import dev.lookahead.feedback.Conversation;
import dev.lookahead.feedback.FeedbackLog;
import dev.lookahead.feedback.JoyDetector;
import dev.lookahead.feedback.PaperReference;
import dev.lookahead.feedback.SignalReport;
import dev.lookahead.feedback.Turn;
import dev.lookahead.feedback.Vader;
import dev.lookahead.figures.ChartFigure;
import dev.lookahead.figures.FeedbackCharts;
import dev.lookahead.figures.Figure;
import dev.lookahead.stats.Proportion;
import dev.lookahead.ui.BackgroundWork;
import dev.lookahead.ui.FigureSaving;
import dev.lookahead.ui.Page;
import dev.lookahead.ui.SampleLibrary;
import dev.lookahead.ui.Widgets;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;
import javafx.animation.PauseTransition;
import javafx.beans.property.ReadOnlyObjectWrapper;
import javafx.collections.FXCollections;
import javafx.concurrent.Task;
import javafx.geometry.Insets;
import javafx.geometry.Pos;
import javafx.scene.Node;
import javafx.scene.control.Button;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.Label;
import javafx.scene.control.ListCell;
import javafx.scene.control.ListView;
import javafx.scene.control.ProgressBar;
import javafx.scene.control.ScrollPane;
import javafx.scene.control.Slider;
import javafx.scene.control.SplitPane;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.TableColumn;
import javafx.scene.control.TableView;
import javafx.scene.control.TitledPane;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.GridPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.TilePane;
import javafx.scene.layout.VBox;
import javafx.util.Duration;
import org.jfree.chart.fx.ChartViewer;
import org.jfree.chart.plot.XYPlot;

/**
 * The Feedback panel: open a deployment log and see which share of bot turns each implicit signal
 * calls good, where signals disagree and how they relate to thumbs up/down; drag the length
 * threshold k and every label follows; browse the turns, filtered to the disagreements of two
 * signals, with the words behind each sentiment and joy label; the paper's results beside, never
 * mixed in; every chart exported as PNG, SVG or PDF.
 */
public final class FeedbackPanel extends BorderPane implements Page {
    /** Which scorer made the sentiment and joy labels, said wherever they are shown. */
    public static final String SCORERS = "sentiment: VADER with its reference lexicon (compound >= 0.05 positive, <= -0.05 negative);"
            + " joy: laughter, laughing or smiling emoji and joy words (JoyDetector) - offline stand-ins for the paper's classifiers";
    private static final String ALL_TURNS = "(every bot turn)";
    private static final int STANDARD_K = 5;
    private static final int LONG_K = 20;
    /** The synthetic log shipped in samples/ for trying the panel. */
    public static final String SAMPLE = "dialogue/synthetic-log.jsonl";

    private final Consumer<String> status;
    private final ChoiceBox<BotTurnSignals.NoReply> noReply = new ChoiceBox<>(FXCollections.observableArrayList(BotTurnSignals.NoReply.values()));
    private final Slider k = new Slider(1, 40, STANDARD_K);
    private final Label kLabel = new Label();
    private final ProgressBar progress = new ProgressBar(0);
    private final Button cancel = new Button("Cancel");
    private final Label summary = new Label("Open a conversation log (BlenderBot 3 deployment JSONL or conversation_id + turns).");
    private final TableView<String> rates = new TableView<>();
    private final GridPane kappa = new GridPane();
    private final TilePane charts = new TilePane(12, 12);
    private final List<ChartFigure> chartFigures = new ArrayList<>();
    private final ChoiceBox<String> first = new ChoiceBox<>();
    private final ChoiceBox<String> second = new ChoiceBox<>();
    private final ListView<BotTurnSignals> turnList = new ListView<>();
    private final VBox detail = new VBox(6);
    private final PauseTransition relabelSoon = new PauseTransition(Duration.millis(150));

    private FeedbackLog log;
    private SignalReport report;
    private final BackgroundWork work = new BackgroundWork(progress, cancel);

    public FeedbackPanel(Consumer<String> status) {
        this.status = status;
        getStyleClass().add("feedback-panel");
        noReply.setValue(BotTurnSignals.NoReply.EXCLUDED);
        noReply.setConverter(new javafx.util.StringConverter<>() {
            @Override
            public String toString(BotTurnSignals.NoReply value) {
                return value == null ? "" : value == BotTurnSignals.NoReply.BAD ? "count as bad" : "leave out";
            }

            @Override
            public BotTurnSignals.NoReply fromString(String text) {
                return text.equals("count as bad") ? BotTurnSignals.NoReply.BAD : BotTurnSignals.NoReply.EXCLUDED;
            }
        });
        k.setMajorTickUnit(5);
        k.setShowTickMarks(true);
        k.setSnapToTicks(false);
        k.setBlockIncrement(1);
        k.setPrefWidth(180);
        k.valueProperty().addListener((obs, old, value) -> {
            int rounded = (int) Math.round(value.doubleValue());
            if (rounded != value.doubleValue()) k.setValue(rounded);
            kLabel.setText("length k = " + rounded);
            relabelSoon.playFromStart();
        });
        kLabel.setText("length k = " + STANDARD_K);
        noReply.valueProperty().addListener((obs, old, value) -> relabelSoon.playFromStart());
        relabelSoon.setOnFinished(e -> relabel());

        TabPane views = new TabPane(new Tab("Signals", signalsView()), new Tab("Lengths and turns", chartsView()), new Tab("Browse", browseView()));
        views.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        setTop(toolbar());
        setCenter(views);
    }

    private Node toolbar() {
        Button open = Widgets.openFileButton("Open log…", "Open a conversation log", "JSON lines (*.jsonl)", "*.jsonl", this::open);
        Button sample = new Button("Open the sample log");
        sample.setOnAction(e -> {
            Path file = SampleLibrary.sample(SAMPLE);
            if (file == null) status.accept("The sample log is not packaged with this build");
            else open(file);
        });
        summary.setWrapText(true);
        HBox bar = new HBox(10, open, sample, new Label("No reply:"), noReply, kLabel, k, progress, cancel);
        bar.setAlignment(Pos.CENTER_LEFT);
        Label scorers = new Label(SCORERS);
        scorers.getStyleClass().add("logical-form");
        scorers.setWrapText(true);
        VBox top = new VBox(6, bar, summary, scorers);
        top.setPadding(new Insets(10));
        return top;
    }

    // ---- loading and relabelling ----

    /** A log and its report, every rate and kappa computed off the UI thread. */
    private record Loaded(FeedbackLog log, SignalReport report) {
        static Loaded of(FeedbackLog log) {
            return new Loaded(log, log.report().summarised());
        }
    }

    /** Reads a log in the background with progress and cancel; the log shown before stays until it succeeds. */
    public Task<?> open(Path file) {
        List<Integer> ks = thresholds();
        BotTurnSignals.NoReply policy = noReply.getValue();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() throws IOException {
                return Loaded.of(FeedbackLog.read(file, ks, policy, share -> updateProgress(share, 1.0), this::isCancelled));
            }
        };
        run(task, "Reading " + file.getFileName() + "…", loaded -> {
            FeedbackLog read = loaded.log();
            String skipped = read.problems().isEmpty() ? "" : "; " + read.problems().size() + " lines skipped (first: " + read.problems().get(0) + ")";
            status.accept("Read " + read.conversations().size() + " conversations from " + file.getFileName() + skipped);
            show(loaded);
        });
        return task;
    }

    private void relabel() {
        if (log == null) return;
        FeedbackLog current = log;
        List<Integer> ks = thresholds();
        BotTurnSignals.NoReply policy = noReply.getValue();
        Task<Loaded> task = new Task<>() {
            @Override
            protected Loaded call() {
                return Loaded.of(current.relabelled(ks, policy));
            }
        };
        run(task, null, this::show);
    }

    /** Relabels at once (on the calling thread), for tests and scripts that move k. */
    public void relabelNow() {
        relabelSoon.stop();
        if (log != null) show(Loaded.of(log.relabelled(thresholds(), noReply.getValue())));
    }

    private <T> void run(Task<T> task, String message, Consumer<T> done) {
        if (message != null) status.accept(message);
        work.start(task, "feedback-log", done, failure -> status.accept("Could not read the log: " + failure.getMessage()),
                () -> status.accept("Stopped; the log shown before is kept"));
    }

    /** k = 5 and 20 as in the paper, and the threshold the slider chooses. */
    private List<Integer> thresholds() {
        int chosen = (int) Math.round(k.getValue());
        List<Integer> ks = new ArrayList<>(List.of(STANDARD_K, LONG_K));
        if (!ks.contains(chosen)) ks.add(chosen);
        return ks;
    }

    private void show(Loaded loaded) {
        FeedbackLog read = loaded.log();
        log = read;
        report = loaded.report();
        summary.setText(String.format("%s: %,d conversations, %,d bot turns%s; no-reply turns %s", read.file().getFileName(),
                read.conversations().size(), read.botTurns(), read.problems().isEmpty() ? "" : ", " + read.problems().size() + " lines skipped",
                noReply.getValue() == BotTurnSignals.NoReply.BAD ? "count as bad" : "are left out"));
        showRates();
        showKappa();
        showCharts();
        List<String> signals = new ArrayList<>(report.signals());
        String a = first.getValue();
        String b = second.getValue();
        first.getItems().setAll(signals);
        second.getItems().setAll(signals);
        second.getItems().add(0, ALL_TURNS);
        first.setValue(a != null && signals.contains(a) ? a : "length_" + STANDARD_K);
        second.setValue(b != null && (signals.contains(b) || b.equals(ALL_TURNS)) ? b : ALL_TURNS);
        filterTurns();
    }

    // ---- signals: rates, agreement, the paper's card ----

    private Node signalsView() {
        TableColumn<String, String> names = column("signal", signal -> signal);
        names.setPrefWidth(170);
        names.setMinWidth(150);
        rates.getColumns().add(names);
        for (String subset : SignalReport.SUBSETS) {
            rates.getColumns().add(column(subset, signal -> cell(report.rate(signal, subset))));
        }
        rates.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_ALL_COLUMNS);
        rates.setPrefHeight(280);
        rates.setPlaceholder(new Label("No log open"));
        kappa.setHgap(2);
        kappa.setVgap(2);
        Label kappaTitle = Widgets.sectionHeading("Agreement between signals and with thumbs up/down (Cohen's kappa over turns where both are defined)");
        Label ratesTitle = Widgets.sectionHeading("Share of bot turns each signal calls good, split standard / adversarial conversations and"
                + " normal / canned (safety) replies: rate [95% Wilson interval] of the turns where it is defined");
        VBox box = new VBox(8, ratesTitle, rates, kappaTitle, kappa, paperCard());
        box.setPadding(new Insets(10));
        ScrollPane scroll = new ScrollPane(box);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private static String cell(Proportion p) {
        if (p.trials() == 0) return "-";
        return String.format("%.2f [%.2f, %.2f] of %,d", p.value(), p.lower(), p.upper(), p.trials());
    }

    private static <S, T> TableColumn<S, T> column(String title, java.util.function.Function<S, T> value) {
        TableColumn<S, T> column = new TableColumn<>(title);
        column.setCellValueFactory(c -> new ReadOnlyObjectWrapper<>(value.apply(c.getValue())));
        column.setSortable(false);
        return column;
    }

    private void showRates() {
        rates.getItems().setAll(report.signals());
        rates.refresh();
    }

    private void showKappa() {
        kappa.getChildren().clear();
        List<String> signals = report.signals();
        for (int i = 0; i < signals.size(); i++) {
            Label row = new Label(signals.get(i));
            Label col = new Label(signals.get(i));
            col.setRotate(-90);
            kappa.add(row, 0, i + 1);
            // in a group the rotated label takes its rotated size: a narrow, tall column head
            kappa.add(new javafx.scene.Group(col), i + 1, 0);
            for (int j = 0; j < signals.size(); j++) {
                double value = report.kappa(signals.get(i), signals.get(j));
                Label c = new Label(Double.isNaN(value) ? "-" : String.format("%.2f", value));
                c.setMinWidth(48);
                c.setAlignment(Pos.CENTER);
                c.getStyleClass().add("kappa-cell");
                if (!Double.isNaN(value)) {
                    // blue for agreement, orange for disagreement, paler towards zero
                    double strength = Math.min(1, Math.abs(value));
                    String colour = value >= 0 ? "0,114,178" : "230,159,0";
                    c.setStyle("-fx-background-color: rgba(" + colour + "," + String.format(java.util.Locale.ROOT, "%.2f", 0.15 + 0.7 * strength) + ");");
                }
                kappa.add(c, j + 1, i + 1);
            }
        }
    }

    private Node paperCard() {
        TableView<PaperReference> table = new TableView<>(FXCollections.observableArrayList(PaperReference.RERANKING));
        table.getColumns().add(column("reranking signal", PaperReference::signal));
        table.getColumns().add(column("win rate vs baseline", r -> r.winRate() == null ? "-" : String.format("%+.1f", r.winRate())));
        table.getColumns().add(column("controversial %", PaperReference::controversial));
        table.getColumns().add(column("unfriendly %", PaperReference::unfriendly));
        table.getColumns().add(column("seeks info %", PaperReference::seeksInfo));
        table.setColumnResizePolicy(TableView.CONSTRAINED_RESIZE_POLICY_FLEX_LAST_COLUMN);
        table.setPrefHeight(250);
        Label lesson = new Label(PaperReference.LESSON + " These are the paper's human evaluations of reranked replies,"
                + " not numbers from the log you opened.");
        lesson.setWrapText(true);
        TitledPane card = new TitledPane("Reference: the BlenderBot 3 study's reranking results (from the paper)", new VBox(6, lesson, table));
        card.getStyleClass().add("reference-card");
        card.setExpanded(true);
        return card;
    }

    // ---- charts ----

    private Node chartsView() {
        charts.setPadding(new Insets(10));
        charts.setPrefColumns(2);
        ScrollPane scroll = new ScrollPane(charts);
        scroll.setFitToWidth(true);
        return scroll;
    }

    private void showCharts() {
        charts.getChildren().clear();
        chartFigures.clear();
        int chosen = (int) Math.round(k.getValue());
        chartFigures.add(FeedbackCharts.lengths(report.replyLengths(), chosen));
        chartFigures.add(FeedbackCharts.signalRates(report, "standard", "adversarial"));
        chartFigures.add(FeedbackCharts.signalRates(report, "normal", "canned"));
        chartFigures.add(FeedbackCharts.replyRate(report.replyRateByBotTurn()));
        chartFigures.add(FeedbackCharts.survival(report.survival()));
        chartFigures.add(FeedbackCharts.sentimentByFeature(report.sentimentByFeature()));
        String[] names = {"reply-lengths", "signal-rates-adversarial", "signal-rates-canned", "reply-rate", "survival", "sentiment-by-feature"};
        for (int i = 0; i < chartFigures.size(); i++) {
            ChartFigure figure = chartFigures.get(i);
            ChartViewer viewer = new ChartViewer(figure.chart());
            viewer.setPrefSize(figure.width() * 1.4, figure.height() * 1.4);
            if (i == 0) dragToChooseK(viewer);
            String name = names[i];
            Button export = new Button("Export…");
            export.setOnAction(e -> FigureSaving.chooseAndSave(this, figure, name, status));
            Node hint = i == 0 ? new Label("drag on the chart to move k") : new Label("");
            charts.getChildren().add(new VBox(4, viewer, new HBox(8, export, hint)));
        }
    }

    /** On the length chart, pressing or dragging moves the threshold k to the pointer. */
    private void dragToChooseK(ChartViewer viewer) {
        var canvas = viewer.getCanvas();
        javafx.event.EventHandler<javafx.scene.input.MouseEvent> follow = e -> {
            var info = canvas.getRenderingInfo();
            if (info == null || info.getPlotInfo() == null) return;
            XYPlot plot = (XYPlot) canvas.getChart().getPlot();
            double words = plot.getDomainAxis().java2DToValue(e.getX(), info.getPlotInfo().getDataArea(), plot.getDomainAxisEdge());
            k.setValue(Math.max(k.getMin(), Math.min(k.getMax(), Math.round(words + 0.5))));
            e.consume();
        };
        canvas.setOnMousePressed(follow);
        canvas.setOnMouseDragged(follow);
        canvas.setOnMouseReleased(javafx.scene.input.MouseEvent::consume);
    }

    public List<ChartFigure> chartFigures() {
        return List.copyOf(chartFigures);
    }

    // ---- browsing turns ----

    private Node browseView() {
        first.valueProperty().addListener((obs, old, value) -> filterTurns());
        second.valueProperty().addListener((obs, old, value) -> filterTurns());
        HBox filter = new HBox(8, new Label("Bot turns where"), first, new Label("disagrees with"), second);
        filter.setAlignment(Pos.CENTER_LEFT);
        turnList.setCellFactory(list -> new ListCell<>() {
            @Override
            protected void updateItem(BotTurnSignals turn, boolean empty) {
                super.updateItem(turn, empty);
                setText(empty || turn == null ? null : turn.conversationId() + " · turn " + turn.turnIndex() + " · " + shorten(turn.botText(), 60));
            }
        });
        turnList.getSelectionModel().selectedItemProperty().addListener((obs, old, turn) -> showTurn(turn));
        VBox.setVgrow(turnList, Priority.ALWAYS);
        detail.setPadding(new Insets(6));
        ScrollPane detailScroll = new ScrollPane(detail);
        detailScroll.setFitToWidth(true);
        SplitPane split = new SplitPane(new VBox(6, filter, turnList), detailScroll);
        split.setDividerPositions(0.45);
        VBox.setVgrow(split, Priority.ALWAYS);
        VBox box = new VBox(8, split);
        box.setPadding(new Insets(10));
        return box;
    }

    private static String shorten(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length - 1) + "…";
    }

    /** Shows only the bot turns where the two chosen signals are both defined and differ (or all of them). */
    private void filterTurns() {
        if (log == null) return;
        String a = first.getValue();
        String b = second.getValue();
        List<BotTurnSignals> shown = new ArrayList<>();
        for (List<BotTurnSignals> conversation : log.turns()) {
            for (BotTurnSignals turn : conversation) {
                if (a == null || b == null || b.equals(ALL_TURNS)) {
                    shown.add(turn);
                    continue;
                }
                Map<String, Boolean> values = SignalReport.values(turn);
                Boolean x = values.get(a);
                Boolean y = values.get(b);
                if (x != null && y != null && !x.equals(y)) shown.add(turn);
            }
        }
        turnList.getItems().setAll(shown);
        status.accept(shown.size() + " bot turns shown" + (b == null || b.equals(ALL_TURNS) ? "" : " where " + a + " and " + b + " disagree"));
        if (!shown.isEmpty()) turnList.getSelectionModel().select(0);
        else showTurn(null);
    }

    /** Selects a bot turn to show in the drill-down, for tests. */
    public ListView<BotTurnSignals> turnList() {
        return turnList;
    }

    /** Filters the browser to the turns where two signals disagree. */
    public void showDisagreements(String signal, String other) {
        first.setValue(signal);
        second.setValue(other);
        filterTurns();
    }

    private void showTurn(BotTurnSignals turn) {
        detail.getChildren().clear();
        if (turn == null) return;
        Conversation conversation = log.conversations().stream().filter(c -> c.id().equals(turn.conversationId())).findFirst().orElse(null);
        Label context = Widgets.sectionHeading("Context");
        detail.getChildren().add(context);
        if (conversation != null) {
            List<Turn> turns = conversation.turns();
            for (int i = Math.max(0, turn.turnIndex() - 4); i < turn.turnIndex(); i++) detail.getChildren().add(message(turns.get(i), false));
            detail.getChildren().add(message(turns.get(turn.turnIndex()), true));
            if (turn.turnIndex() + 1 < turns.size() && !turns.get(turn.turnIndex() + 1).fromBot()) {
                detail.getChildren().add(message(turns.get(turn.turnIndex() + 1), true));
            } else {
                detail.getChildren().add(new Label("(no human reply: the conversation ends here)"));
            }
        }
        Label signalsTitle = Widgets.sectionHeading("Signals of this bot turn");
        GridPane values = new GridPane();
        values.setHgap(12);
        int row = 0;
        for (Map.Entry<String, Boolean> e : SignalReport.values(turn).entrySet()) {
            values.add(new Label(e.getKey()), 0, row);
            Label value = new Label(e.getValue() == null ? "left out (no reply)" : e.getValue() ? "good" : "bad");
            value.getStyleClass().add(e.getValue() == null ? "signal-none" : e.getValue() ? "signal-good" : "signal-bad");
            values.add(value, 1, row++);
        }
        detail.getChildren().addAll(signalsTitle, values, why(turn));
    }

    private static Node message(Turn turn, boolean highlighted) {
        Label text = new Label((turn.fromBot() ? "bot: " : "human: ") + turn.text()
                + (turn.liked() ? "  [thumbs up]" : "") + (turn.disliked() ? "  [thumbs down" + (turn.dislikeType() == null ? "" : ": " + turn.dislikeType()) + "]" : ""));
        text.setWrapText(true);
        text.getStyleClass().addAll("chat-message", turn.fromBot() ? "from-bot" : "from-human");
        if (highlighted) text.getStyleClass().add("highlighted");
        return text;
    }

    /** Why the reply got its labels: its length, the lexicon words behind its sentiment, the joy cues. */
    private static Node why(BotTurnSignals turn) {
        Label title = Widgets.sectionHeading("Why");
        if (turn.nextHumanText() == null) return new VBox(4, title, new Label("No reply follows this bot turn."));
        String reply = turn.nextHumanText();
        List<String> drivers = Vader.reference().drivers(reply);
        List<String> cues = JoyDetector.cues(reply);
        Map<String, String> lines = new LinkedHashMap<>();
        lines.put("length", BotTurnSignals.wordCount(reply) + " words (the sentiment and joy signals need " + BotTurnSignals.SENTIMENT_LENGTH + ")");
        lines.put("sentiment", String.format("VADER compound %.3f (%s); lexicon words: %s", turn.compound(),
                turn.compound() >= BotTurnSignals.POSITIVE ? "positive" : turn.compound() <= BotTurnSignals.NEGATIVE ? "negative" : "neutral",
                drivers.isEmpty() ? "none" : String.join(", ", drivers)));
        lines.put("joy", cues.isEmpty() ? "no laughter, smiling emoji or joy word" : "cues: " + String.join(", ", cues));
        VBox box = new VBox(4, title);
        lines.forEach((name, text) -> {
            Label line = new Label(name + ": " + text);
            line.setWrapText(true);
            box.getChildren().add(line);
        });
        return box;
    }

    /** Writes a figure in the format its file name asks for (PNG at three pixels per point). */
    public void export(Figure figure, Path file) {
        FigureSaving.save(figure, file, status);
    }

    public Slider kSlider() {
        return k;
    }

    public SignalReport report() {
        return report;
    }

    public Node detail() {
        return detail;
    }

    @Override
    public String title() {
        return "Feedback";
    }

    @Override
    public Node view() {
        return this;
    }
}
