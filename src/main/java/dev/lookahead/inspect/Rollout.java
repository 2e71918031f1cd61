package dev.lookahead.inspect;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.InContextInputs;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.InContextTruth;
import dev.lookahead.search.Task;
import dev.lookahead.search.TokenLayout;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

/**
 * A model of an in-context task run on a graph with its own choices fed back (docs/user-guide.md, "Search in context"):
 * each step's input is built from the choices so far, the model's arg-max is the choice, and the run stops at the goal,
 * at the first choice the task does not accept, when the input has no room for another step, or when no vertex is left.
 * For dfs a step appends the chosen vertex to the trace; for si a selection step (a bare P) chooses a frontier vertex u
 * and the inference step after it ({@code P u}) a child v, then {@code P u v} joins the visited edges. The first step
 * of si is an inference from the start, as the paper's generator never asks for a selection before any edge is visited.
 */
public final class Rollout {
    private Rollout() {
    }

    /** Why a rollout stopped. */
    public enum Stop {
        GOAL("reached the goal"), WRONG("chose an answer the task does not accept"), REPEATED("chose a vertex it had already visited"),
        FULL("the input has no room for another step"), EXHAUSTED("no vertex is left to visit"), CANCELLED("cancelled");

        private final String words;

        Stop(String words) {
            this.words = words;
        }

        public String words() {
            return words;
        }
    }

    /**
     * One model call and the state of the search it was asked in.
     *
     * @param kind     "dfs", "selection" or "inference"
     * @param accepted every answer the task accepts at this step, sorted
     * @param visited  the vertices visited before this step, in the order first visited
     * @param current  the vertex whose child comes next (dfs: the latest visited vertex with an unvisited child; si: the
     *                 vertex an inference step expands), or null on a selection step
     * @param frontier the visited vertices that still have an unvisited child
     * @param attention per block, the last token's attention over the input positions (the mean over heads): where the
     *                  model looked to make the choice; null when the run did not capture it
     */
    public record Step(int index, String kind, int[] tokens, float[] probabilities, int choice, int[] accepted, boolean correct,
                       List<Integer> visited, Integer current, List<Integer> frontier, float[][] attention) {
    }

    /**
     * @param trace for dfs the visit order (start first); for si the vertices of the visited edges, pair by pair
     */
    public record Result(Task task, List<Step> steps, boolean solved, Stop stop, List<Integer> trace) {
        /** The index of the first step the task does not accept, or -1. */
        public int firstWrong() {
            for (Step s : steps) if (!s.correct()) return s.index();
            return -1;
        }
    }

    /** A run that keeps no attention (for measuring many rollouts). */
    public static Result run(SearchModel model, Task task, List<Edge> edges, int start, int goal) {
        return run(model, task, edges, start, goal, false, () -> false);
    }

    /** @param attention whether each step also captures the last token's attention per block (one more forward pass each) */
    public static Result run(SearchModel model, Task task, List<Edge> edges, int start, int goal, boolean attention, BooleanSupplier cancelled) {
        Caller caller = new Caller(model, attention);
        return switch (task) {
            case DFS -> dfs(caller, edges, start, goal, cancelled);
            case SI -> si(caller, edges, start, goal, cancelled);
            case SEARCH -> throw new IllegalArgumentException("a rollout runs a dfs or si model; a search model predicts one step (use predict)");
        };
    }

    /** The model as the steps call it, with or without capturing attention. */
    private record Caller(SearchModel model, boolean attention) {
    }

    private static Result dfs(Caller model, List<Edge> edges, int start, int goal, BooleanSupplier cancelled) {
        TokenLayout layout = model.model().config().layout();
        int slots = InContextInputs.maxEdges(layout, Task.DFS);
        List<Integer> trace = new ArrayList<>(List.of(start));
        List<Step> steps = new ArrayList<>();
        while (true) {
            if (cancelled.getAsBoolean()) return new Result(Task.DFS, steps, false, Stop.CANCELLED, trace);
            if (trace.size() >= slots) return new Result(Task.DFS, steps, false, Stop.FULL, trace);
            int[] tokens = InContextInputs.dfs(layout, edges, start, goal, trace);
            int[] accepted = InContextTruth.dfs(layout, tokens).accepted().stream().mapToInt(Integer::intValue).toArray();
            if (accepted.length == 0) return new Result(Task.DFS, steps, false, Stop.EXHAUSTED, trace);
            Step step = step(model, steps.size(), "dfs", tokens, accepted, edges, trace, latestWithUnvisited(edges, trace));
            steps.add(step);
            if (!step.correct()) return new Result(Task.DFS, steps, false, trace.contains(step.choice()) ? Stop.REPEATED : Stop.WRONG, trace);
            trace.add(step.choice());
            if (step.choice() == goal) return new Result(Task.DFS, steps, true, Stop.GOAL, trace);
        }
    }

    private static Result si(Caller model, List<Edge> edges, int start, int goal, BooleanSupplier cancelled) {
        TokenLayout layout = model.model().config().layout();
        List<Edge> visited = new ArrayList<>();
        List<Integer> trace = new ArrayList<>();
        List<Step> steps = new ArrayList<>();
        Integer expand = start;
        while (true) {
            if (cancelled.getAsBoolean()) return new Result(Task.SI, steps, false, Stop.CANCELLED, trace);
            if (!InContextInputs.siRoomForAnotherEdge(layout, visited.size())) return new Result(Task.SI, steps, false, Stop.FULL, trace);
            if (expand == null) {
                int[] tokens = InContextInputs.si(layout, edges, start, goal, visited, null);
                int[] accepted = accepted(layout, tokens);
                Step selection = step(model, steps.size(), "selection", tokens, accepted, edges, distinct(trace, start), null);
                steps.add(selection);
                if (!selection.correct()) return new Result(Task.SI, steps, false, Stop.WRONG, trace);
                expand = selection.choice();
            }
            int[] tokens = InContextInputs.si(layout, edges, start, goal, visited, expand);
            int[] accepted = accepted(layout, tokens);
            if (accepted.length == 0) return new Result(Task.SI, steps, false, Stop.EXHAUSTED, trace);
            Step inference = step(model, steps.size(), "inference", tokens, accepted, edges, distinct(trace, start), expand);
            steps.add(inference);
            if (!inference.correct()) {
                return new Result(Task.SI, steps, false, trace.contains(inference.choice()) ? Stop.REPEATED : Stop.WRONG, trace);
            }
            visited.add(new Edge(expand, inference.choice()));
            trace.add(expand);
            trace.add(inference.choice());
            if (inference.choice() == goal) return new Result(Task.SI, steps, true, Stop.GOAL, trace);
            expand = null;
        }
    }

    /**
     * Rollouts from the start on {@code graphs} graphs drawn by the task's generator (dfs: any point of the search; si:
     * its training draws) with this seed, each searched from scratch: whole-search accuracy beside per-step accuracy.
     */
    public static List<Result> onGeneratedGraphs(SearchModel model, Task task, int graphs, long seed) {
        TokenLayout layout = model.config().layout();
        var choice = task == Task.DFS ? new InContextSets.Choice(task, -1, null, false, null, null) : InContextSets.Choice.training(task);
        InContextSets.Source source = InContextSets.source(layout, choice, java.util.Set.of(), seed * 7919 + 17);
        List<Result> results = new ArrayList<>(graphs);
        for (int i = 0; i < graphs; i++) {
            InContextInputs.Problem problem = InContextInputs.problem(layout, source.next().tokens());
            results.add(run(model, task, problem.edges(), problem.start(), problem.goal()));
        }
        return results;
    }

    /** The share of {@link #onGeneratedGraphs} the model solves. */
    public static double solvedShare(SearchModel model, Task task, int graphs, long seed) {
        List<Result> results = onGeneratedGraphs(model, task, graphs, seed);
        return results.isEmpty() ? Double.NaN : results.stream().filter(Result::solved).count() / (double) results.size();
    }

    private static int[] accepted(TokenLayout layout, int[] tokens) {
        return InContextTruth.si(layout, tokens).accepted().stream().mapToInt(Integer::intValue).toArray();
    }

    private static Step step(Caller caller, int index, String kind, int[] tokens, int[] accepted, List<Edge> edges, List<Integer> visited,
                             Integer current) {
        float[] probabilities = caller.model().probabilities(new int[][] {tokens})[0];
        int choice = SearchModel.argMax(probabilities);
        boolean correct = false;
        for (int a : accepted) correct |= a == choice;
        List<Integer> frontier = visited.stream().filter(v -> hasUnvisitedChild(edges, v, visited)).toList();
        return new Step(index, kind, tokens, probabilities, choice, accepted, correct, List.copyOf(visited), current, frontier,
                caller.attention() ? lastTokenAttention(caller.model().attentionPatterns(tokens)) : null);
    }

    /** [layer][key]: the last query row of each block's pattern, averaged over heads. */
    private static float[][] lastTokenAttention(float[][][][] patterns) {
        float[][] rows = new float[patterns.length][];
        for (int l = 0; l < patterns.length; l++) {
            int n = patterns[l][0].length;
            rows[l] = new float[n];
            for (float[][] head : patterns[l]) for (int k = 0; k < n; k++) rows[l][k] += head[n - 1][k] / patterns[l].length;
        }
        return rows;
    }

    private static boolean hasUnvisitedChild(List<Edge> edges, int vertex, List<Integer> visited) {
        for (Edge e : edges) if (e.from() == vertex && !visited.contains(e.to())) return true;
        return false;
    }

    private static Integer latestWithUnvisited(List<Edge> edges, List<Integer> trace) {
        for (int k = trace.size() - 1; k >= 0; k--) if (hasUnvisitedChild(edges, trace.get(k), trace)) return trace.get(k);
        return null;
    }

    /** The vertices of the visited edges in first-visit order; the start alone before any edge is visited. */
    private static List<Integer> distinct(List<Integer> trace, int start) {
        List<Integer> order = new ArrayList<>();
        if (trace.isEmpty()) order.add(start);
        for (int v : trace) if (!order.contains(v)) order.add(v);
        return order;
    }
}
