package dev.lookahead.ui.explorer;

import dev.lookahead.search.SearchGraph;

/**
 * What the Explorer shows, owned in one place: the graph and its title, the tokens the model reads for it (null when
 * it cannot be an input: no start or goal, or too large), the vertex whose sets are ringed, and the token of the strip
 * whose arcs are drawn. The panel changes the graph; its model section reads it and changes the vertex and token.
 */
final class ExplorerState {
    private SearchGraph graph;
    private String title = "";
    private int[] tokens;
    private Integer vertex;
    private Integer lockedToken;

    /** A new graph on screen: its tokens (or null), the start chosen, no token locked. */
    void show(SearchGraph shown, String shownTitle, int[] shownTokens) {
        graph = shown;
        title = shownTitle == null ? "" : shownTitle;
        tokens = shownTokens;
        vertex = shown.start();
        lockedToken = null;
    }

    SearchGraph graph() {
        return graph;
    }

    String title() {
        return title;
    }

    int[] tokens() {
        return tokens;
    }

    Integer vertex() {
        return vertex;
    }

    void chooseVertex(Integer chosen) {
        vertex = chosen;
    }

    Integer lockedToken() {
        return lockedToken;
    }

    void lockToken(Integer position) {
        lockedToken = position;
    }
}
