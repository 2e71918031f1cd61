package dev.lookahead.search;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * What the paper's in-context search tasks accept as the next token (its section 6; docs/user-guide.md), read from an
 * input's tokens alone, as the paper's generator labels its examples.
 * <ul>
 * <li>Depth-first search: {@code PAD... (E u v)* Q s g P}, then the visit order so far, padded with P tokens. The
 * accepted answers are the unvisited children of the most recent visited vertex that still has unvisited children;
 * the backtrack distance is how many tokens of the trace come after that vertex.</li>
 * <li>Selection-inference: {@code PAD... (E u v)* Q s g P}, P padding, {@code P u v} for each edge visited, then a
 * bare {@code P} (selection: any visited vertex that still has unvisited children, or the start when none has) or
 * {@code P c} (inference: any unvisited child of c). The frontier size counts those vertices; the branch size is the
 * number of children of c, and there is none on a selection step.</li>
 * </ul>
 */
public final class InContextTruth {
    private InContextTruth() {
    }

    /** A depth-first-search input's accepted next vertices and backtrack distance (-1 when no vertex is left to visit). */
    public record Dfs(List<Integer> accepted, int backtrack) {
    }

    /** A selection-inference input's step ("selection" or "inference"), accepted answers, frontier and branch sizes. */
    public record Si(String step, List<Integer> accepted, int frontierSize, Integer branchSize) {
    }

    /** The edges, start and goal of an input, and where the query's closing P stands. */
    private record Prefix(Map<Integer, List<Integer>> children, int start, int goal, int afterQuery) {
    }

    public static Dfs dfs(TokenLayout layout, int[] tokens) {
        Prefix prefix = prefix(layout, tokens);
        List<Integer> trace = new ArrayList<>();
        List<Integer> positions = new ArrayList<>();
        for (int i = prefix.afterQuery(); i < tokens.length; i++) {
            if (tokens[i] == layout.pathToken()) continue;
            if (!layout.isVertex(tokens[i])) throw new MalformedInputException(i, "expected a vertex or P in the trace, found " + tokens[i]);
            trace.add(tokens[i]);
            positions.add(i);
        }
        Set<Integer> visited = Set.copyOf(trace);
        for (int k = trace.size() - 1; k >= 0; k--) {
            TreeSet<Integer> unvisited = new TreeSet<>();
            for (int child : prefix.children().getOrDefault(trace.get(k), List.of())) if (!visited.contains(child)) unvisited.add(child);
            if (!unvisited.isEmpty()) return new Dfs(List.copyOf(unvisited), tokens.length - 1 - positions.get(k));
        }
        return new Dfs(List.of(), -1);
    }

    public static Si si(TokenLayout layout, int[] tokens) {
        Prefix prefix = prefix(layout, tokens);
        int p = layout.pathToken();
        int i = prefix.afterQuery();
        while (i + 1 < tokens.length && tokens[i] == p && tokens[i + 1] == p) i++;
        Set<Integer> visited = new LinkedHashSet<>();
        List<Integer> order = new ArrayList<>();
        while (i + 2 < tokens.length && tokens[i] == p && layout.isVertex(tokens[i + 1]) && layout.isVertex(tokens[i + 2])) {
            order.add(tokens[i + 1]);
            order.add(tokens[i + 2]);
            visited.add(tokens[i + 1]);
            visited.add(tokens[i + 2]);
            i += 3;
        }
        boolean selection = i == tokens.length - 1 && tokens[i] == p;
        boolean inference = i == tokens.length - 2 && tokens[i] == p && layout.isVertex(tokens[i + 1]);
        if (!selection && !inference) {
            throw new MalformedInputException(i, "expected 'P u v' for each visited edge, then 'P' or 'P c' at the end");
        }
        List<Integer> frontier = new ArrayList<>();
        for (int v : order) {
            if (frontier.contains(v)) continue;
            for (int child : prefix.children().getOrDefault(v, List.of())) {
                if (!visited.contains(child)) {
                    frontier.add(v);
                    break;
                }
            }
        }
        if (frontier.isEmpty()) frontier.add(prefix.start());
        if (selection) return new Si("selection", List.copyOf(new TreeSet<>(frontier)), frontier.size(), null);
        int current = tokens[i + 1];
        List<Integer> children = prefix.children().getOrDefault(current, List.of());
        TreeSet<Integer> accepted = new TreeSet<>();
        for (int child : children) if (!visited.contains(child)) accepted.add(child);
        return new Si("inference", List.copyOf(accepted), frontier.size(), children.size());
    }

    /** Reads {@code PAD... (E u v)* Q s g P}; the rest of the tokens is the task's. */
    private static Prefix prefix(TokenLayout layout, int[] tokens) {
        if (tokens.length != layout.n()) throw new MalformedInputException(-1, "expected " + layout.n() + " tokens, found " + tokens.length);
        int i = 0;
        while (i < tokens.length && tokens[i] == layout.padToken()) i++;
        Map<Integer, List<Integer>> children = new HashMap<>();
        while (i + 2 < tokens.length && tokens[i] == layout.edgeToken()) {
            if (!layout.isVertex(tokens[i + 1]) || !layout.isVertex(tokens[i + 2])) throw new MalformedInputException(i, "an edge E u v needs two vertices");
            children.computeIfAbsent(tokens[i + 1], k -> new ArrayList<>()).add(tokens[i + 2]);
            i += 3;
        }
        if (i + 3 >= tokens.length || tokens[i] != layout.queryToken() || tokens[i + 3] != layout.pathToken()) {
            throw new MalformedInputException(i, "expected 'Q start goal P' after the edges");
        }
        return new Prefix(children, tokens[i + 1], tokens[i + 2], i + 4);
    }
}
