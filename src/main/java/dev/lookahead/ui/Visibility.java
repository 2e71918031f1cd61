package dev.lookahead.ui;

import javafx.scene.Node;

/** Whether a node is on screen now: drawing what nobody can see only slows the window. */
public final class Visibility {
    private Visibility() {
    }

    /** The node is in a scene and it and every pane around it are visible (a tab behind another is not). */
    public static boolean inSight(Node node) {
        if (node.getScene() == null) return false;
        for (Node n = node; n != null; n = n.getParent()) if (!n.isVisible()) return false;
        return true;
    }
}
