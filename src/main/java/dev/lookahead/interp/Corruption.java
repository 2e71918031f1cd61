package dev.lookahead.interp;

import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The standard counterfactuals for activation patching on the search task (docs/interventions.md), each changing as
 * few tokens as possible and keeping every token's position, so that a clean and a corrupted input can be patched
 * position by position. A corruption is only made when the correct next vertices of the two inputs differ.
 */
public enum Corruption {
    /**
     * The goal moved to the end of another of the start's branches: one token (the goal after Q) differs. Of the
     * candidates, the farthest from the start (then the lowest id).
     */
    GOAL("goal"),
    /**
     * The start-goal path's last edge re-pointed: its head swapped with that of the last edge into the end of another
     * branch, so the goal is reached through the other branch; two tokens differ.
     */
    PATH_EDGE("path-edge");

    private final String id;

    Corruption(String id) {
        this.id = id;
    }

    public String id() {
        return id;
    }

    public static Corruption named(String name) {
        for (Corruption c : values()) if (c.id.equals(name)) return c;
        throw new IllegalArgumentException("no corruption \"" + name + "\"; choose goal or path-edge");
    }

    /** The corrupted tokens, or empty when this input has no other branch end to use. */
    public Optional<int[]> apply(TokenLayout layout, int[] tokens) {
        SearchInput input = Tokenizer.decode(layout, tokens);
        GroundTruth truth = new GroundTruth(input.edges());
        int[] cleanNext = truth.usefulNext(input.current(), input.goal());
        Optional<Integer> end = otherBranchEnd(truth, input.current(), cleanNext);
        if (end.isEmpty()) return Optional.empty();
        int[] corrupted = this == GOAL ? moveGoal(tokens, layout, end.get()) : swapHeads(tokens, layout, truth, input, end.get());
        if (corrupted == null) return Optional.empty();
        SearchInput changed = Tokenizer.decode(layout, corrupted);
        int[] next = new GroundTruth(changed.edges()).usefulNext(changed.current(), changed.goal());
        boolean disjoint = next.length > 0 && Arrays.stream(next).noneMatch(v -> Arrays.stream(cleanNext).anyMatch(c -> c == v));
        return disjoint ? Optional.of(corrupted) : Optional.empty();
    }

    /** The end (no children) of a branch none of whose first steps is a correct one for the clean goal, farthest first. */
    private static Optional<Integer> otherBranchEnd(GroundTruth truth, int current, int[] cleanNext) {
        List<Integer> candidates = new ArrayList<>();
        for (int v : truth.reachable(current)) {
            if (v == current || !truth.children(v).isEmpty()) continue;
            int[] steps = truth.usefulNext(current, v);
            boolean other = steps.length > 0 && Arrays.stream(steps).noneMatch(s -> Arrays.stream(cleanNext).anyMatch(c -> c == s));
            if (other) candidates.add(v);
        }
        return candidates.stream().max((a, b) -> truth.distance(current, a) != truth.distance(current, b)
                ? Integer.compare(truth.distance(current, a), truth.distance(current, b)) : Integer.compare(b, a));
    }

    private static int[] moveGoal(int[] tokens, TokenLayout layout, int newGoal) {
        int[] out = tokens.clone();
        out[queryIndex(tokens, layout) + 2] = newGoal;
        return out;
    }

    private static int[] swapHeads(int[] tokens, TokenLayout layout, GroundTruth truth, SearchInput input, int end) {
        List<List<Integer>> paths = truth.shortestPaths(input.current(), input.goal());
        if (paths.isEmpty() || truth.children(input.goal()).size() > 0) return null;
        int intoGoal = paths.get(0).get(paths.get(0).size() - 2);
        List<List<Integer>> endPaths = truth.shortestPaths(input.current(), end);
        int intoEnd = endPaths.get(0).get(endPaths.get(0).size() - 2);
        int[] out = tokens.clone();
        int query = queryIndex(tokens, layout);
        boolean goalEdge = false;
        boolean endEdge = false;
        for (int i = 0; i + 2 < query; i++) {
            if (tokens[i] != layout.edgeToken()) continue;
            if (tokens[i + 1] == intoGoal && tokens[i + 2] == input.goal() && !goalEdge) {
                out[i + 2] = end;
                goalEdge = true;
            } else if (tokens[i + 1] == intoEnd && tokens[i + 2] == end && !endEdge) {
                out[i + 2] = input.goal();
                endEdge = true;
            }
        }
        return goalEdge && endEdge ? out : null;
    }

    private static int queryIndex(int[] tokens, TokenLayout layout) {
        for (int i = 0; i < tokens.length; i++) if (tokens[i] == layout.queryToken()) return i;
        throw new IllegalArgumentException("the input has no query token");
    }
}
