package dev.lookahead.search;

import java.util.Arrays;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws depth-first-search inputs as the paper's generator does (its section 6; docs/user-guide.md, "Search in
 * context"): a random DAG of up to T = (n - 4) / 4 vertices by preferential attachment, a start and a goal the start
 * reaches, a depth-first search from the start that stops at the goal, then a point of that search; the input holds
 * the edges (at most T), {@code Q s g P} and the visit order so far in T trace slots, the target is the vertex the
 * search visits next. Seeded; not thread-safe.
 *
 * <p>Asked for a backtrack distance b > 0, the generator splits the vertices after the start in two: the last b form a
 * second part the search enters first and must finish before it backtracks to the start, the goal lies in the first.
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

    /** The search so far and where it stands, over vertex slots. */
    private record Search(Dag dag, int start, int goal, IntList order, int at) {
    }

    private InContextExample attempt() {
        int vertices = Math.max(2, random.nextInt(slots + 1));
        if (spec.backtrack() != -1) vertices = Math.max(target + 2, vertices);
        Search search = search(vertices);
        if (search.dag().edgeCount() > slots) return null;
        int[] ids = Dag.randomIds(vertices, layout.maxVertex(), random);
        IntList trace = new IntList(search.at() + 1);
        for (int i = 0; i <= search.at(); i++) trace.add(search.order().get(i));
        int nextSlot = search.order().get(search.at() + 1);

        int[] tokens = new int[layout.n()];
        int length = search.dag().writeQuery(layout, tokens, ids, search.start(), search.goal(), random);
        int[] padding = padding(trace.size());
        int backtrackVertex = backtrackVertex(search.dag(), trace);
        int backtrack = 0;
        for (int j = trace.size(); j > backtrackVertex; j--) backtrack += padding[j] + (j < trace.size() ? 1 : 0);
        for (int j = 0; j < trace.size(); j++) {
            for (int k = 0; k < padding[j]; k++) tokens[length++] = layout.pathToken();
            tokens[length++] = ids[trace.get(j)];
        }
        for (int k = 0; k < padding[trace.size()]; k++) tokens[length++] = layout.pathToken();
        if (spec.backtrack() != -1 && backtrack != target) return null;

        int[] row = Dag.rightAligned(layout, tokens, length);
        if (!spec.reserved().isEmpty() && spec.reserved().contains(TokenRow.of(layout, row))) {
            collisions++;
            return null;
        }
        int[] accepted = unvisitedChildren(search.dag(), trace, trace.get(backtrackVertex), ids);
        String bucket = spec.backtrack() == -1 ? "-1" : Integer.toString(backtrack); // the "any point" test bucket keeps its name
        return new InContextExample(layout.n(), Task.DFS, row, ids[nextSlot], accepted, backtrack, null, null, null, bucket);
    }

    /** P tokens before trace vertex j (index j) and after the last (index size): all in front, or scattered at random. */
    private int[] padding(int size) {
        int[] padding = new int[size + 1];
        int available = slots - size;
        if (!spec.randomPadding()) {
            padding[0] = available;
            return padding;
        }
        for (int j = size; j > 0; j--) {
            padding[j] = random.nextInt(available + 1);
            available -= padding[j];
        }
        padding[0] = available;
        return padding;
    }

    /** The index in the trace of the latest vertex that still has an unvisited child. */
    private static int backtrackVertex(Dag dag, IntList trace) {
        for (int j = trace.size() - 1; j >= 0; j--) {
            IntList children = dag.children[trace.get(j)];
            for (int i = 0; i < children.size(); i++) if (!trace.contains(children.get(i))) return j;
        }
        throw new IllegalStateException("the search has a next vertex, so some trace vertex has an unvisited child");
    }

    private static int[] unvisitedChildren(Dag dag, IntList trace, int vertex, int[] ids) {
        IntList children = dag.children[vertex];
        return Arrays.stream(children.toArray()).filter(c -> !trace.contains(c)).map(c -> ids[c]).distinct().sorted().toArray();
    }

    /** Builds a graph, runs the search from the start until it meets the goal, and chooses the point of the search. */
    private Search search(int vertices) {
        Dag dag = Dag.preferential(vertices, Math.max(1, layout.n() / 24), -1, 0, random);
        IntList original = dag.edges();
        int requested = spec.backtrack() == -1 ? -1 : target;
        while (true) {
            int start;
            int goal;
            int added = 0;
            if (requested <= 0) {
                start = random.nextInt(vertices - 1);
                goal = start + 1 + random.nextInt(vertices - start - 1);
            } else {
                start = splitStart(dag, vertices, requested);
                goal = start + 1 + random.nextInt(vertices - start - requested - 1);
                added = connectParts(dag, start, vertices, requested);
            }
            IntList removable = new IntList(original.size());
            removable.addAll(original);
            IntList order = new IntList(vertices);
            if (dfs(dag, start, goal, requested, order, removable)) {
                int at = requested == -1 ? random.nextInt(order.size() - 1) : requested;
                trim(dag, removable, dag.edgeCount(), added);
                return new Search(dag, start, goal, order, at);
            }
        }
    }

    /** A start for backtrack b: a parent of the second part's first vertex other than the vertex just before it. */
    private int splitStart(Dag dag, int vertices, int b) {
        int root = vertices - b;
        IntList parents = dag.parents[root];
        if (parents.size() == 1 && parents.get(0) == root - 1) return random.nextInt(vertices - b - 1);
        while (true) {
            int start = parents.pick(random);
            if (start != root - 1) return start;
        }
    }

    /**
     * Gives every vertex after the start a parent through which the start reaches it within its own part (the second
     * part is entered from the start only); returns the edges added.
     */
    private static int connectParts(Dag dag, int start, int vertices, int b) {
        int added = 0;
        int second = vertices - b;
        for (int v = start + 1; v < vertices; v++) {
            boolean reached = false;
            IntList parents = dag.parents[v];
            for (int i = 0; i < parents.size() && !reached; i++) {
                int p = parents.get(i);
                reached = v >= second ? p == start || p >= second : p >= start;
            }
            if (!reached) {
                dag.addEdge(start, v);
                added++;
            }
        }
        return added;
    }

    /**
     * The depth-first search from the start, children in random order, stopping as soon as the goal is visited or is a
     * child of the vertex just visited; the edges it walks are taken off {@code removable}. For a backtrack b > 0 the
     * search enters the second part first.
     */
    private boolean dfs(Dag dag, int start, int goal, int requested, IntList order, IntList removable) {
        IntList stack = new IntList(16);
        if (requested <= 0) {
            stack.add(Dag.edge(0xFFFF, start));
        } else {
            order.add(start);
            IntList first = new IntList();
            IntList second = new IntList();
            IntList children = dag.children[start];
            for (int i = 0; i < children.size(); i++) (children.get(i) >= dag.size() - requested ? second : first).add(children.get(i));
            first.shuffle(random);
            second.shuffle(random);
            for (int i = 0; i < first.size(); i++) stack.add(Dag.edge(start, first.get(i)));
            for (int i = 0; i < second.size(); i++) stack.add(Dag.edge(start, second.get(i)));
        }
        while (!stack.isEmpty()) {
            int entry = stack.pop();
            int parent = Dag.parentOf(entry);
            int vertex = Dag.childOf(entry);
            if (order.contains(vertex)) continue;
            order.add(vertex);
            if (parent != 0xFFFF) removable.removeValue(entry);
            if (vertex == goal) return true;
            if (dag.children[vertex].contains(goal)) {
                order.add(goal);
                removable.removeValue(Dag.edge(vertex, goal));
                return true;
            }
            IntList children = new IntList(dag.children[vertex].size());
            children.addAll(dag.children[vertex]);
            children.shuffle(random);
            for (int i = 0; i < children.size(); i++) if (!order.contains(children.get(i))) stack.add(Dag.edge(vertex, children.get(i)));
        }
        order.clear();
        return false;
    }

    /** Takes random edges the search did not walk off until at most T remain (or the ones added are taken back). */
    private void trim(Dag dag, IntList removable, int total, int added) {
        int remove = total > slots ? total - slots : added;
        remove = Math.min(remove, removable.size());
        for (int i = 0; i < remove; i++) {
            int edge = removable.take(random);
            dag.removeEdge(Dag.parentOf(edge), Dag.childOf(edge));
        }
    }
}
