package dev.lookahead.search;

import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeSet;

/**
 * Draws depth-first-search inputs from the distribution of the paper's DFS task (its section 6; docs/user-guide.md,
 * "Search in context"): a random DAG of up to T = (n - 4) / 4 vertices by preferential attachment ({@link DfsLinks}), a
 * start and a goal the start reaches, the search from the start that stops at the goal ({@link DfsWalk}), and a point
 * of that search. The input holds the links (at most T), {@code Q s g P} and the visit order so far in T trace slots;
 * the target is the vertex the search visits next, and every unvisited child of the vertex it returns to is accepted.
 * Seeded; not thread-safe.
 *
 * <p>Asked for a backtrack distance b > 0, the draw plants a detour: the last b vertex slots, entered from the start
 * only, which the search explores first and must finish before it returns to the start; the goal lies outside it.
 */
public final class DfsGenerator {
    /** What to draw. */
    public record Spec(TokenLayout layout, int backtrack, boolean uniform, boolean randomPadding, Set<TokenRow> reserved) {
        /** Training draws: backtrack uniform in 0..maxBacktrack (any point of the search when -1). */
        public static Spec training(TokenLayout layout, int maxBacktrack) {
            return new Spec(layout, maxBacktrack, maxBacktrack >= 0, false, Set.of());
        }

        /** A test bucket: exactly this backtrack (-1: any point of the search), trace right-aligned. */
        public static Spec bucket(TokenLayout layout, int backtrack) {
            return new Spec(layout, backtrack, false, false, Set.of());
        }

        public Spec {
            reserved = reserved == null ? Set.of() : reserved;
            int slots = traceSlots(layout);
            if (slots < 2) throw new IllegalArgumentException("n = " + layout.n() + " is too small for depth-first search; use n >= 12");
            if (backtrack < -1 || backtrack > slots - 1) {
                throw new IllegalArgumentException("backtrack " + backtrack + " is outside -1.." + (slots - 1) + " at n = " + layout.n());
            }
        }

        public Spec withReserved(Set<TokenRow> rows) {
            return new Spec(layout, backtrack, uniform, randomPadding, rows);
        }

        public Spec withRandomPadding(boolean on) {
            return new Spec(layout, backtrack, uniform, on, reserved);
        }
    }

    /** T: the trace slots, which is also the most edges an input holds. */
    public static int traceSlots(TokenLayout layout) {
        return (layout.n() - 4) / 4;
    }

    /** The backtrack distances of the test buckets: -1 (any point), then 0..T-1. */
    public static int[] buckets(TokenLayout layout) {
        int[] all = new int[traceSlots(layout) + 1];
        for (int i = 0; i < all.length; i++) all[i] = i - 1;
        return all;
    }

    private final Spec spec;
    private final TokenLayout layout;
    private final int slots;
    private final SplittableRandom random;
    private int target;
    private long collisions;

    public DfsGenerator(Spec spec, long seed) {
        this.spec = spec;
        this.layout = spec.layout();
        this.slots = traceSlots(layout);
        this.random = new SplittableRandom(seed);
        this.target = drawTarget();
    }

    public Spec spec() {
        return spec;
    }

    public long collisions() {
        return collisions;
    }

    /** The backtrack distance the next example must have, or -1 for any point of the search. */
    private int drawTarget() {
        return spec.backtrack() >= 0 && spec.uniform() ? random.nextInt(spec.backtrack() + 1) : spec.backtrack();
    }

    /** The next example; the backtrack asked for is kept across rejected drafts. */
    public InContextExample next() {
        for (int attempt = 0; attempt < ExampleGenerator.MAX_REJECTED_IN_A_ROW; attempt++) {
            InContextExample example = attempt();
            if (example != null) {
                target = drawTarget();
                return example;
            }
        }
        throw new ExampleGenerator.NoExampleException("no depth-first-search example at n = " + layout.n() + " with backtrack " + target
                + " (" + ExampleGenerator.MAX_REJECTED_IN_A_ROW + " drafts rejected in a row)");
    }

    /** A drawn problem over vertex slots: its graph, endpoints, the search's visit order, and the last visit shown. */
    private record Problem(DfsLinks graph, int start, int goal, List<Integer> order, int shown) {
        List<Integer> trace() {
            return order.subList(0, shown + 1);
        }

        int next() {
            return order.get(shown + 1);
        }
    }

    /** The input's tokens so far, and where in them the vertex the search returns to was written. */
    private record Written(int[] tokens, int length, int returnToAt) {
    }

    private InContextExample attempt() {
        Problem problem = draw();
        if (problem.graph().size() > slots) return null;
        int[] ids = InContextRows.randomIds(problem.graph().vertices(), layout.maxVertex(), random);
        int returnTo = returnTo(problem);
        Written written = write(problem, ids, returnTo);
        int backtrack = written.length() - 1 - written.returnToAt();
        if (target != -1 && backtrack != target) return null;
        int[] row = InContextRows.rightAligned(layout, written.tokens(), written.length());
        if (!spec.reserved().isEmpty() && spec.reserved().contains(TokenRow.of(layout, row))) {
            collisions++;
            return null;
        }
        int[] accepted = unvisitedChildren(problem, problem.trace().get(returnTo)).stream().mapToInt(v -> ids[v]).sorted().toArray();
        String bucket = target == -1 ? "-1" : Integer.toString(backtrack); // the "any point" test bucket keeps its name
        return new InContextExample(layout.n(), Task.DFS, row, ids[problem.next()], accepted, backtrack, null, null, null, bucket);
    }

    private Problem draw() {
        int vertices = Math.max(2, random.nextInt(slots + 1));
        if (target != -1) vertices = Math.max(target + 2, vertices);
        DfsLinks graph = DfsLinks.attach(vertices, Math.max(1, layout.n() / 24), random);
        Problem problem = target > 0 ? withDetour(graph, target) : plain(graph);
        int excess = graph.size() - slots;
        graph.trimUnwalked(excess > 0 ? excess : graph.detourLinks(), random);
        return problem;
    }

    /** Any start, any later goal the search from it meets (redrawn until it does), and any point of the search. */
    private Problem plain(DfsLinks graph) {
        int vertices = graph.vertices();
        while (true) {
            int start = random.nextInt(vertices - 1);
            int goal = random.nextInt(start + 1, vertices);
            List<Integer> order = DfsWalk.plain(graph, start, goal, random);
            if (order != null) return new Problem(graph, start, goal, order, target == -1 ? random.nextInt(order.size() - 1) : target);
        }
    }

    /**
     * Plants a detour of the last b slots: the start is a parent of the detour's first slot (other than the slot just
     * before it, when there is another), every later slot gets a link from the start unless something already lets the
     * start reach it inside its own part, and the goal lies between the start and the detour. The input stops after the
     * search has walked the whole detour.
     */
    private Problem withDetour(DfsLinks graph, int b) {
        int root = graph.vertices() - b;
        List<Integer> entries = graph.parentsOf(root);
        entries.remove(Integer.valueOf(root - 1));
        int start = entries.isEmpty() ? random.nextInt(root - 1) : entries.get(random.nextInt(entries.size()));
        int goal = random.nextInt(start + 1, root);
        for (int v = start + 1; v < graph.vertices(); v++) {
            if (!reachedInsideItsPart(graph, v, start, root)) graph.layDetourLink(start, v);
        }
        List<Integer> order = DfsWalk.throughDetour(graph, start, goal, root, random);
        if (order == null) throw new IllegalStateException("every slot after the start is linked to it, so the search meets the goal");
        return new Problem(graph, start, goal, order, b);
    }

    private static boolean reachedInsideItsPart(DfsLinks graph, int v, int start, int root) {
        for (int parent : graph.parentsOf(v)) {
            boolean inside = v >= root ? parent == start || parent >= root : parent >= start;
            if (inside) return true;
        }
        return false;
    }

    /** The index in the trace of the latest visited vertex that still has an unvisited child. */
    private static int returnTo(Problem problem) {
        List<Integer> trace = problem.trace();
        for (int j = trace.size() - 1; j >= 0; j--) if (!unvisitedChildren(problem, trace.get(j)).isEmpty()) return j;
        throw new IllegalStateException("the search has a next vertex, so some visited vertex has an unvisited child");
    }

    private static TreeSet<Integer> unvisitedChildren(Problem problem, int v) {
        TreeSet<Integer> children = new TreeSet<>();
        for (DfsLinks.Link link : problem.graph().outOf(v)) if (!problem.trace().contains(link.to)) children.add(link.to);
        return children;
    }

    /** The links in random order, {@code Q s g P}, then the trace in T slots with its P padding. */
    private Written write(Problem problem, int[] ids, int returnTo) {
        int[] tokens = new int[layout.n()];
        List<DfsLinks.Link> links = problem.graph().links();
        int length = InContextRows.writeQuery(layout, tokens, links.stream().mapToInt(l -> l.from).toArray(),
                links.stream().mapToInt(l -> l.to).toArray(), ids, problem.start(), problem.goal(), random);
        List<Integer> trace = problem.trace();
        int[] gaps = gaps(trace.size());
        int returnToAt = -1;
        for (int j = 0; j <= trace.size(); j++) {
            for (int k = 0; k < gaps[j]; k++) tokens[length++] = layout.pathToken();
            if (j == trace.size()) break;
            if (j == returnTo) returnToAt = length;
            tokens[length++] = ids[trace.get(j)];
        }
        return new Written(tokens, length, returnToAt);
    }

    /**
     * The P tokens before each trace vertex (index j) and after the last (index = trace length), T in all with the
     * vertices: all in front, or with random padding each gap from the last back drawn uniformly from what is left.
     */
    private int[] gaps(int traceLength) {
        int[] gaps = new int[traceLength + 1];
        int left = slots - traceLength;
        if (spec.randomPadding()) {
            for (int j = traceLength; j > 0; j--) {
                gaps[j] = random.nextInt(left + 1);
                left -= gaps[j];
            }
        }
        gaps[0] = left;
        return gaps;
    }

}
