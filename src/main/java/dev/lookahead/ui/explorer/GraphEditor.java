package dev.lookahead.ui.explorer;

import dev.lookahead.search.SearchGraph;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Edits to the shown graph, each undoable: graphs are immutable, so the history is simply the graphs
 * before and after. An edge that would close a cycle is refused at once, with the cycle named.
 */
final class GraphEditor {
    private final Deque<SearchGraph> undo = new ArrayDeque<>();
    private final Deque<SearchGraph> redo = new ArrayDeque<>();
    private final Consumer<SearchGraph> show;
    private final Consumer<String> status;
    private SearchGraph current;

    /** @param show puts a graph on screen (after an edit, an undo or a redo) */
    GraphEditor(Consumer<SearchGraph> show, Consumer<String> status) {
        this.show = show;
        this.status = status;
    }

    /** A graph shown from outside (generated, opened): the history starts again from it. */
    void reset(SearchGraph graph) {
        current = graph;
        undo.clear();
        redo.clear();
    }

    SearchGraph current() {
        return current;
    }

    private void apply(SearchGraph next, String what) {
        undo.push(current);
        redo.clear();
        current = next;
        show.accept(next);
        status.accept(what + " (Undo: Ctrl+Z)");
    }

    /** Adds a vertex with the smallest free id; placed at {@code at} when the graph is drawn by positions. */
    void addVertex(SearchGraph.Position at) {
        int id = current.freeId();
        SearchGraph next = current.withVertex(id);
        if (!current.positions().isEmpty() && at != null) {
            Map<Integer, SearchGraph.Position> placed = new HashMap<>(current.positions());
            placed.put(id, at);
            next = next.withPositions(placed);
        }
        apply(next, "Added vertex " + id);
    }

    /** Vertices moved by hand, or a layout applied: every vertex's position, as one edit. */
    void place(Map<Integer, SearchGraph.Position> positions, String what) {
        apply(current.withPositions(positions), what);
    }

    /** Gives vertex {@code from} the id {@code to}; refused (with the reason) when {@code to} is taken or not positive. */
    void rename(int from, int to) {
        try {
            apply(current.withRenamed(from, to), "Renamed vertex " + from + " to " + to);
        } catch (IllegalArgumentException e) {
            status.accept("Refused: " + e.getMessage());
        }
    }

    /** Deletes several vertices (and their edges) as one edit. */
    void deleteVertices(Set<Integer> ids) {
        SearchGraph next = current;
        for (int id : ids) next = next.withoutVertex(id);
        apply(next, ids.size() == 1 ? "Deleted vertex " + ids.iterator().next() + " and its edges"
                : "Deleted vertices " + new java.util.TreeSet<>(ids) + " and their edges");
    }

    /** Adds {@code from -> to}, or refuses it when it would make a self-loop, a repeat or a cycle; returns the cycle if refused for one. */
    Optional<List<Integer>> addEdge(int from, int to) {
        if (from == to) {
            status.accept("Refused: an edge from " + from + " to itself would be a self-loop");
            return Optional.empty();
        }
        if (current.edges().stream().anyMatch(e -> e.from() == from && e.to() == to)) {
            status.accept("Refused: the edge " + from + " -> " + to + " is already there");
            return Optional.empty();
        }
        SearchGraph next = current.withEdge(from, to);
        Optional<List<Integer>> cycle = next.findCycle();
        if (cycle.isPresent()) {
            status.accept("Refused: the edge " + from + " -> " + to + " would close the cycle "
                    + String.join(" -> ", cycle.get().stream().map(String::valueOf).toList()));
            return cycle;
        }
        apply(next, "Added the edge " + from + " -> " + to);
        return Optional.empty();
    }

    void deleteVertex(int id) {
        deleteVertices(Set.of(id));
    }

    void deleteEdge(int from, int to) {
        apply(current.withoutEdge(from, to), "Deleted the edge " + from + " -> " + to);
    }

    void setStart(int id) {
        apply(current.withStart(id), "Vertex " + id + " is the start");
    }

    void setGoal(int id) {
        apply(current.withGoal(id), "Vertex " + id + " is the goal");
    }

    boolean canUndo() {
        return !undo.isEmpty();
    }

    boolean canRedo() {
        return !redo.isEmpty();
    }

    void undo() {
        if (undo.isEmpty()) return;
        redo.push(current);
        current = undo.pop();
        show.accept(current);
        status.accept("Undone (Redo: Ctrl+Shift+Z)");
    }

    void redo() {
        if (redo.isEmpty()) return;
        undo.push(current);
        current = redo.pop();
        show.accept(current);
        status.accept("Redone");
    }
}
