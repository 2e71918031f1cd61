package dev.lookahead.ui;

import dev.lookahead.model.ModelFiles;
import dev.lookahead.ui.benchmarks.BenchmarksPanel;
import dev.lookahead.ui.experiments.ExperimentsPanel;
import dev.lookahead.ui.explorer.ExplorerPanel;
import dev.lookahead.ui.feedback.FeedbackPanel;
import dev.lookahead.ui.judges.JudgesPanel;
import dev.lookahead.ui.preference.PreferencePanel;
import dev.lookahead.ui.proofs.ProofsPanel;
import dev.lookahead.ui.train.TrainPanel;
import java.io.File;
import java.io.IOException;
import java.nio.file.FileSystems;
import java.nio.file.Path;
import java.util.List;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.SeparatorMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.scene.layout.Priority;
import javafx.scene.layout.Region;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The workbench window: a menu bar, one tab per panel, and a status line. */
public final class WorkbenchApp extends Application {
    private final Label status = new Label("Ready");
    private ExplorerPanel explorer;
    /** The window's pages, one tab each, in order. */
    private List<Page> pages = List.of();
    private TabPane tabs;
    private Stage stage;
    private static final String RESTORED = " (restored: the last window did not close cleanly)";
    private final Autosave autosave;
    private final RecentFiles recent;

    public WorkbenchApp() {
        this(Autosave.defaultHome());
    }

    /** A window whose autosave and recent files live in {@code home} (tests use their own). */
    public WorkbenchApp(Path home) {
        this.autosave = new Autosave(home);
        this.recent = new RecentFiles(home);
    }

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Theme.remembered().apply();
        explorer = new ExplorerPanel(status::setText);
        pages = List.of(explorer,
                new TrainPanel(status::setText, folder -> {
                    explorer.openModel(folder.toString());
                    showTab(explorer.title());
                }),
                new ExperimentsPanel(status::setText),
                new ProofsPanel(status::setText),
                new FeedbackPanel(status::setText),
                new PreferencePanel(status::setText),
                new JudgesPanel(status::setText),
                new BenchmarksPanel(status::setText));
        tabs = new TabPane(pages.stream().map(page -> new Tab(page.title(), page.view())).toArray(Tab[]::new));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);

        Label modelInfo = new Label();
        modelInfo.textProperty().bind(explorer.modelInfoProperty());
        modelInfo.getStyleClass().add("status-model");
        Region gap = new Region();
        HBox.setHgrow(gap, Priority.ALWAYS);
        HBox statusBar = new HBox(status, gap, modelInfo);
        statusBar.getStyleClass().add("status-bar");
        BorderPane root = new BorderPane(tabs, menuBar(), null, statusBar, null);
        Scene scene = new Scene(root, 1180, 760);
        scene.getStylesheets().add(Theme.styleSheet());
        stage.setTitle("lookahead - seeing how transformers search");
        stage.setScene(scene);
        stage.show();
        restoreAfterCrash();
        explorer.setOnChanged(this::autosave);
        autosave();
    }

    /** A clean exit: this window's autosave is no longer needed. */
    @Override
    public void stop() {
        Autosave.discard(autosave.file());
    }

    private void autosave() {
        try {
            if (explorer.shownGraph() != null) autosave.save(explorer.session());
        } catch (IOException | RuntimeException e) {
            status.setText("Could not autosave the session: " + e.getMessage());
        }
    }

    /** A window that crashed left its session behind: show it again. */
    private void restoreAfterCrash() {
        try {
            var orphan = autosave.orphan();
            if (orphan.isEmpty()) return;
            Session crashed = Session.read(orphan.get());
            // the title keeps saying so after the status line has moved on (a model loading, say)
            String title = crashed.title().endsWith(RESTORED) ? crashed.title() : crashed.title() + RESTORED;
            explorer.restore(new Session(crashed.graph(), title, crashed.model(), crashed.layer(), crashed.vertex()));
            Autosave.discard(orphan.get());
            status.setText("Restored the session of a window that did not close cleanly");
        } catch (IOException | RuntimeException e) {
            status.setText("Could not restore the last session: " + e.getMessage());
        }
    }

    public ExplorerPanel explorer() {
        return explorer;
    }

    public ProofsPanel proofs() {
        return page(ProofsPanel.class);
    }

    public FeedbackPanel feedback() {
        return page(FeedbackPanel.class);
    }

    /** The page of this type. */
    private <P extends Page> P page(Class<P> type) {
        return pages.stream().filter(type::isInstance).map(type::cast).findFirst().orElseThrow();
    }

    /** Brings the tab of this title to the front ("Explorer", "Train", "Experiments", ...). */
    public void showTab(String title) {
        tabs.getTabs().stream().filter(t -> t.getText().equals(title)).findFirst().ifPresent(t -> tabs.getSelectionModel().select(t));
    }

    public BenchmarksPanel benchmarks() {
        return page(BenchmarksPanel.class);
    }

    public JudgesPanel judges() {
        return page(JudgesPanel.class);
    }

    public PreferencePanel preference() {
        return page(PreferencePanel.class);
    }

    public ExperimentsPanel experiments() {
        return page(ExperimentsPanel.class);
    }

    public TrainPanel train() {
        return page(TrainPanel.class);
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open graph…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem save = new MenuItem("Save graph as…");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> chooseAndSave());
        Menu openRecent = new Menu("Open recent");
        openRecent.setOnShowing(e -> fillRecent(openRecent));
        openRecent.getItems().add(new MenuItem("(none)")); // a menu with no items never shows
        MenuItem openSession = new MenuItem("Open session…");
        openSession.setOnAction(e -> chooseSession(false));
        MenuItem saveSession = new MenuItem("Save session as…");
        saveSession.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+S"));
        saveSession.setOnAction(e -> chooseSession(true));
        Menu samples = new Menu("Samples");
        for (Path sample : SampleLibrary.graphs()) {
            MenuItem item = new MenuItem(SampleLibrary.title(sample));
            item.setOnAction(e -> open(sample));
            samples.getItems().add(item);
        }
        samples.setDisable(samples.getItems().isEmpty());
        MenuItem quit = new MenuItem("Quit");
        quit.setAccelerator(KeyCombination.keyCombination("Shortcut+Q"));
        quit.setOnAction(e -> Platform.exit());
        Menu file = new Menu("File", null, open, openRecent, samples, save, new SeparatorMenuItem(), openSession, saveSession,
                new SeparatorMenuItem(), quit);

        MenuItem undo = new MenuItem("Undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> explorer.undo());
        MenuItem redo = new MenuItem("Redo");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        redo.setOnAction(e -> explorer.redo());
        Menu edit = new Menu("Edit", null, undo, redo);

        MenuItem run = new MenuItem("Run the model");
        run.setAccelerator(KeyCombination.keyCombination("Shortcut+R"));
        run.setOnAction(e -> explorer.runModel());
        MenuItem previousLayer = new MenuItem("Previous layer");
        previousLayer.setAccelerator(KeyCombination.keyCombination("Shortcut+Left"));
        previousLayer.setOnAction(e -> explorer.stepLayer(-1));
        MenuItem nextLayer = new MenuItem("Next layer");
        nextLayer.setAccelerator(KeyCombination.keyCombination("Shortcut+Right"));
        nextLayer.setOnAction(e -> explorer.stepLayer(1));
        MenuItem play = new MenuItem("Play or pause the layers");
        play.setAccelerator(KeyCombination.keyCombination("Shortcut+P"));
        play.setOnAction(e -> explorer.togglePlay());
        MenuItem fit = new MenuItem("Fit the graph");
        fit.setAccelerator(KeyCombination.keyCombination("Shortcut+0"));
        fit.setOnAction(e -> explorer.graphView().fit());
        Menu shipped = new Menu("Shipped model");
        for (String name : ModelFiles.shipped(dev.lookahead.search.Task.SEARCH)) {
            MenuItem item = new MenuItem(name);
            item.setOnAction(e -> explorer.openModel(name));
            shipped.getItems().add(item);
        }
        shipped.setDisable(shipped.getItems().isEmpty());
        Menu modelMenu = new Menu("Model", null, shipped, new SeparatorMenuItem(), run, previousLayer, nextLayer, play,
                new SeparatorMenuItem(), fit);

        ToggleGroup themes = new ToggleGroup();
        Menu view = new Menu("View");
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme == Theme.LIGHT ? "Light theme" : "Dark theme");
            item.setToggleGroup(themes);
            item.setSelected(theme == Theme.remembered());
            item.setOnAction(e -> theme.apply());
            view.getItems().add(item);
        }
        return new MenuBar(file, edit, modelMenu, view);
    }

    private void chooseAndOpen() {
        FileChooser chooser = graphChooser("Open a graph");
        File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) open(chosen.toPath());
    }

    /** Opens a graph or a session file (by its name); a bad file leaves the shown graph as it was. */
    public void open(Path file) {
        try {
            if (file.getFileName().toString().endsWith(Session.EXTENSION)) {
                explorer.restore(Session.read(file));
                status.setText("Opened the session " + file);
            } else {
                explorer.open(file);
            }
            // a sample inside the jar has no path worth remembering
            if (file.getFileSystem() == FileSystems.getDefault()) recent.add(file);
        } catch (IOException | RuntimeException e) {
            error("Could not open " + file.getFileName(), e.getMessage());
        }
    }

    private void fillRecent(Menu menu) {
        menu.getItems().clear();
        for (Path file : recent.list()) {
            MenuItem item = new MenuItem(file.toString());
            item.setOnAction(e -> open(file));
            menu.getItems().add(item);
        }
        if (menu.getItems().isEmpty()) {
            MenuItem none = new MenuItem("(none)");
            none.setDisable(true);
            menu.getItems().add(none);
        }
    }

    private void chooseSession(boolean saving) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(saving ? "Save the session" : "Open a session");
        chooser.getExtensionFilters().add(new FileChooser.ExtensionFilter("lookahead session (*" + Session.EXTENSION + ")", "*" + Session.EXTENSION));
        if (saving) chooser.setInitialFileName("explorer" + Session.EXTENSION);
        File chosen = saving ? chooser.showSaveDialog(stage) : chooser.showOpenDialog(stage);
        if (chosen == null) return;
        if (!saving) {
            open(chosen.toPath());
            return;
        }
        try {
            explorer.session().write(chosen.toPath());
            recent.add(chosen.toPath());
            status.setText("Saved the session " + chosen);
        } catch (IOException | RuntimeException e) {
            error("Could not save the session", e.getMessage());
        }
    }

    private void chooseAndSave() {
        FileChooser chooser = graphChooser("Save the graph");
        File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) return;
        try {
            explorer.save(chosen.toPath());
            recent.add(chosen.toPath());
        } catch (IOException | RuntimeException e) {
            error("Could not save the graph", e.getMessage());
        }
    }

    private static FileChooser graphChooser(String title) {
        FileChooser chooser = new FileChooser();
        chooser.setTitle(title);
        chooser.getExtensionFilters().addAll(
                new FileChooser.ExtensionFilter("lookahead graph (*.json)", "*.json"),
                new FileChooser.ExtensionFilter("Graphviz DOT (*.dot, *.gv)", "*.dot", "*.gv"),
                new FileChooser.ExtensionFilter("GraphML (*.graphml)", "*.graphml"),
                new FileChooser.ExtensionFilter("Token line (*.tokens)", "*.tokens"));
        return chooser;
    }

    private void error(String header, String message) {
        status.setText(header + ": " + message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(stage);
        alert.show();
    }
}
