package dev.lookahead.ui;

import dev.lookahead.ui.explorer.ExplorerPanel;
import dev.lookahead.ui.feedback.FeedbackPanel;
import dev.lookahead.ui.proofs.ProofsPanel;
import dev.lookahead.ui.experiments.ExperimentsPanel;
import dev.lookahead.ui.train.TrainPanel;
import java.io.IOException;
import java.nio.file.Path;
import javafx.application.Application;
import javafx.application.Platform;
import javafx.scene.Node;
import javafx.scene.Scene;
import javafx.scene.control.Alert;
import javafx.scene.control.Label;
import javafx.scene.control.Menu;
import javafx.scene.control.MenuBar;
import javafx.scene.control.MenuItem;
import javafx.scene.control.RadioMenuItem;
import javafx.scene.control.Tab;
import javafx.scene.control.TabPane;
import javafx.scene.control.ToggleGroup;
import javafx.scene.input.KeyCombination;
import javafx.scene.layout.BorderPane;
import javafx.scene.layout.HBox;
import javafx.stage.FileChooser;
import javafx.stage.Stage;

/** The workbench window: a menu bar, one tab per panel, and a status line. */
public final class WorkbenchApp extends Application {
    private final Label status = new Label("Ready");
    private ExplorerPanel explorer;
    private ProofsPanel proofs;
    private FeedbackPanel feedback;
    private TrainPanel train;
    private ExperimentsPanel experiments;
    private Stage stage;

    @Override
    public void start(Stage stage) {
        this.stage = stage;
        Theme.remembered().apply();
        explorer = new ExplorerPanel(status::setText);
        proofs = new ProofsPanel(status::setText);
        feedback = new FeedbackPanel(status::setText);
        experiments = new ExperimentsPanel(status::setText);
        TabPane[] tabsHolder = new TabPane[1];
        train = new TrainPanel(status::setText, folder -> {
            explorer.openModel(folder.toString());
            tabsHolder[0].getSelectionModel().select(0);
        });

        TabPane tabs = new TabPane(
                tab("Explorer", explorer),
                tab("Train", train),
                tab("Experiments", experiments),
                tab("Proofs", proofs),
                tab("Feedback", feedback));
        tabs.setTabClosingPolicy(TabPane.TabClosingPolicy.UNAVAILABLE);
        tabsHolder[0] = tabs;

        HBox statusBar = new HBox(status);
        statusBar.getStyleClass().add("status-bar");
        BorderPane root = new BorderPane(tabs, menuBar(), null, statusBar, null);
        Scene scene = new Scene(root, 1180, 760);
        scene.getStylesheets().add(Theme.styleSheet());
        stage.setTitle("lookahead - seeing how transformers search");
        stage.setScene(scene);
        stage.show();
    }

    public ExplorerPanel explorer() {
        return explorer;
    }

    public ProofsPanel proofs() {
        return proofs;
    }

    public FeedbackPanel feedback() {
        return feedback;
    }

    public ExperimentsPanel experiments() {
        return experiments;
    }

    public TrainPanel train() {
        return train;
    }

    private MenuBar menuBar() {
        MenuItem open = new MenuItem("Open graph…");
        open.setAccelerator(KeyCombination.keyCombination("Shortcut+O"));
        open.setOnAction(e -> chooseAndOpen());
        MenuItem save = new MenuItem("Save graph as…");
        save.setAccelerator(KeyCombination.keyCombination("Shortcut+S"));
        save.setOnAction(e -> chooseAndSave());
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
        Menu file = new Menu("File", null, open, samples, save, quit);

        MenuItem undo = new MenuItem("Undo");
        undo.setAccelerator(KeyCombination.keyCombination("Shortcut+Z"));
        undo.setOnAction(e -> explorer.undo());
        MenuItem redo = new MenuItem("Redo");
        redo.setAccelerator(KeyCombination.keyCombination("Shortcut+Shift+Z"));
        redo.setOnAction(e -> explorer.redo());
        Menu edit = new Menu("Edit", null, undo, redo);

        ToggleGroup themes = new ToggleGroup();
        Menu view = new Menu("View");
        for (Theme theme : Theme.values()) {
            RadioMenuItem item = new RadioMenuItem(theme == Theme.LIGHT ? "Light theme" : "Dark theme");
            item.setToggleGroup(themes);
            item.setSelected(theme == Theme.remembered());
            item.setOnAction(e -> theme.apply());
            view.getItems().add(item);
        }
        return new MenuBar(file, edit, view);
    }

    private void chooseAndOpen() {
        FileChooser chooser = graphChooser("Open a graph");
        java.io.File chosen = chooser.showOpenDialog(stage);
        if (chosen != null) open(chosen.toPath());
    }

    private void open(Path file) {
        try {
            explorer.open(file);
        } catch (IOException | RuntimeException e) {
            error("Could not open the graph", e.getMessage());
        }
    }

    private void chooseAndSave() {
        FileChooser chooser = graphChooser("Save the graph");
        java.io.File chosen = chooser.showSaveDialog(stage);
        if (chosen == null) return;
        try {
            explorer.save(chosen.toPath());
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
                new FileChooser.ExtensionFilter("GraphML (*.graphml)", "*.graphml"));
        return chooser;
    }

    private void error(String header, String message) {
        status.setText(header + ": " + message);
        Alert alert = new Alert(Alert.AlertType.ERROR, message);
        alert.setHeaderText(header);
        alert.initOwner(stage);
        alert.show();
    }

    private static Tab tab(String title, Node content) {
        return new Tab(title, content);
    }
}
