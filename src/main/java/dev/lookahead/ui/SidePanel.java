package dev.lookahead.ui;

import javafx.scene.Node;
import javafx.scene.Parent;
import javafx.scene.control.Labeled;
import javafx.scene.control.ScrollPane;
import javafx.scene.layout.FlowPane;
import javafx.scene.layout.Region;
import javafx.scene.layout.VBox;

/**
 * The column of settings and buttons at the left of a panel, made to fit any window: labels and buttons
 * never shrink below their text, rows of buttons wrap, and a column taller than the window scrolls.
 */
public final class SidePanel {
    private SidePanel() {
    }

    /** The column {@code content}, {@code width} wide, in a vertical scroller. */
    public static ScrollPane of(VBox content, double width) {
        content.getStyleClass().add("side-panel");
        content.setPrefWidth(width);
        keepTextWhole(content);
        ScrollPane scroll = new ScrollPane(content);
        scroll.setFitToWidth(true);
        scroll.setHbarPolicy(ScrollPane.ScrollBarPolicy.NEVER);
        scroll.getStyleClass().add("side-scroll");
        scroll.setMinWidth(width);
        scroll.setPrefWidth(width + 14);
        return scroll;
    }

    /** A row of controls that wraps onto the next line when the column is too narrow for all of them. */
    public static FlowPane row(Node... controls) {
        FlowPane row = new FlowPane(6, 6, controls);
        row.setPrefWrapLength(300);
        return row;
    }

    private static void keepTextWhole(Node node) {
        if (node instanceof Labeled labeled && !labeled.isWrapText()) labeled.setMinWidth(Region.USE_PREF_SIZE);
        if (node instanceof Parent parent) parent.getChildrenUnmodifiable().forEach(SidePanel::keepTextWhole);
    }
}
