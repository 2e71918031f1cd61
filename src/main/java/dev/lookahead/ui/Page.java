package dev.lookahead.ui;

import javafx.scene.Node;

/**
 * One page of the window - a tab beside the others. The window lists its pages and knows nothing else of them, so a
 * new lab plugs in by implementing this and being added to the list.
 */
public interface Page {
    /** The tab's title: "Explorer", "Proofs". */
    String title();

    /** What the tab shows. */
    Node view();
}
