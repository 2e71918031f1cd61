package dev.lookahead.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws examples from the paper's graph distributions (the paper's section 3; docs/user-guide.md, "The
 * distributions"), seeded so that the same seed gives the same examples on any machine. A
 * {@link GraphFamily} shapes each graph over vertex slots; this class then decides whether the graph
 * makes an example, gives the slots uniformly random ids in 1..V and the edges a shuffled order, and
 * writes the tokens. Not thread-safe: give each thread its own generator and seed.
 *
 * <p>A drawn graph becomes an example when the goal is reachable from the start by at most
 * {@value PathFacts#MAX_SHORTEST_PATHS} shortest paths, its edges fit the input, the measured lookahead
 * equals the one the graph was built for (balanced), and, for test sets, the test-set rules hold. In
 * all-prefixes mode those decisions are made on the first step; every distinct prefix of every shortest
 * path of an accepted graph is then emitted as well.
 */
public final class ExampleGenerator {
    /** Rejected graphs in a row after which the rules are taken to be impossible at this size. */
    static final int MAX_REJECTED_IN_A_ROW = 1_000_000;

    private final GenerationSpec spec;
    private final TokenLayout layout;
    private final SplittableRandom random;
    private final GraphFamily family;
    private final GraphDraft draft;
    private final PathFacts facts = new PathFacts();
    private final Lookahead lookahead = new Lookahead();
    private final ArrayDeque<Example> pending = new ArrayDeque<>();
    private final int[] idOfSlot;
    private final int[] scratch;
    private final int[] idPool;
    private final List<Edge> edges = new ArrayList<>();

    /** The lookahead being built for; kept across rejected graphs (a retry aims at the same one). */
    private int target = -1;
    private boolean aiming;
    private long collisions;

    public ExampleGenerator(GenerationSpec spec, long seed) {
        this.spec = spec;
        this.layout = spec.layout();
        this.random = new SplittableRandom(seed);
        this.family = GraphFamily.of(spec, random);
        int slots = layout.maxVertex() + 1;
        this.draft = new GraphDraft(slots);
        this.idOfSlot = new int[slots];
        this.scratch = new int[slots];
        this.idPool = new int[layout.maxVertex()];
    }

    public GenerationSpec spec() {
        return spec;
    }

    /**
     * The next example; draws graphs until one is accepted.
     *
     * @throws NoExampleException when {@value #MAX_REJECTED_IN_A_ROW} graphs in a row were rejected: at
     *         this n no graph of the distribution passes the rules asked for (a naive test set at n = 17)
     */
    public Example next() {
        int rejected = 0;
        while (pending.isEmpty()) {
            if (rejected++ == MAX_REJECTED_IN_A_ROW) throw noExample();
            drawGraph();
        }
        return pending.poll();
    }

    /** No example could be drawn: the rules asked for cannot be met at this size. */
    public static final class NoExampleException extends IllegalStateException {
        NoExampleException(String message) {
            super(message);
        }
    }

    /** Examples rejected because their input was reserved. */
    public long collisions() {
        return collisions;
    }

    private NoExampleException noExample() {
        return new NoExampleException("no " + spec.distribution().id() + " example at n = " + layout.n()
                + " passes " + (spec.testSet() ? "the test-set rules" : "the generator's rules")
                + (spec.fixedLookahead() >= 0 ? " with lookahead " + spec.fixedLookahead() : "")
                + " (" + MAX_REJECTED_IN_A_ROW + " graphs rejected in a row); use a larger n");
    }

    private void drawGraph() {
        if (!aiming) {
            target = family.chooseTarget();
            aiming = true;
        }
        family.draw(draft, target);
        facts.compute(draft.graph, draft.goal);
        if (!goalReachableByFewPaths() || !edgesFitTheInput()) return;
        giveRandomIds();
        listEdgesShuffled();
        Example first = example(new int[] {draft.start});
        if (first == null) return;
        aiming = false;
        pending.add(first);
        if (spec.mode() == GenerationMode.ALL_PREFIXES) addLaterPrefixes();
    }

    private boolean goalReachableByFewPaths() {
        return facts.reachesGoal(draft.start) && facts.shortestPaths(draft.start) <= PathFacts.MAX_SHORTEST_PATHS;
    }

    /** At most V edges, and room for all of them with the query and the start: 3 tokens an edge plus 5. */
    private boolean edgesFitTheInput() {
        int count = draft.graph.edgeCount();
        return count <= layout.maxEdges() && 3 * count + 5 <= layout.n();
    }

    /**
     * The example whose path so far is {@code path} (slots), or null when a rule rejects it: the label
     * is a uniformly chosen useful next vertex, and its lookahead is measured, not assumed.
     */
    private Example example(int[] path) {
        int current = path[path.length - 1];
        int usefulCount = facts.usefulChildren(current, scratch);
        if (usefulCount == 0) return null;
        int label = scratch[random.nextInt(usefulCount)];
        int measured = lookahead.compute(draft.graph, current, label, draft.goal);
        boolean firstStep = path.length == 1;
        if (firstStep && target >= 0 && measured != target) return null;
        if (firstStep && spec.testSet() && !passesTestRules(current, usefulCount, measured)) return null;

        int[] useful = new int[usefulCount];
        for (int i = 0; i < usefulCount; i++) useful[i] = idOfSlot[scratch[i]];
        Arrays.sort(useful);
        int[] tokens = tokens(path);
        if (isReserved(tokens)) {
            collisions++;
            return null;
        }
        return new Example(layout.n(), spec.distribution(), measured, tokens, List.copyOf(edges),
                idOfSlot[draft.start], idOfSlot[draft.goal], idOfSlot[current], useful, idOfSlot[label]);
    }

    private boolean isReserved(int[] tokens) {
        return !spec.reserved().isEmpty() && spec.reserved().contains(TokenRow.of(layout, tokens));
    }

    /**
     * The paper's test-set rules (docs/user-guide.md, "Test sets"): one useful next step, one
     * shortest-path next step, a real choice (at least two distinct children), and a shortest start-goal
     * path of more than min(L, 2) vertices (balanced) or more than 2 (naive), so a naive test example never
     * has the goal as a child of the start. Star test sets are filtered by none of these, as the paper's.
     */
    private boolean passesTestRules(int current, int usefulCount, int measuredLookahead) {
        if (spec.distribution() == Distribution.STAR) return true;
        boolean oneWayOn = usefulCount == 1 && facts.shortestPathSteps(current, scratch) == 1;
        boolean aRealChoice = distinctChildren(current) >= 2;
        int pathVertices = facts.distance(draft.start) + 1;
        int shortest = spec.distribution() == Distribution.NAIVE ? 3 : Math.min(measuredLookahead, 2) + 1;
        return oneWayOn && aRealChoice && pathVertices >= shortest;
    }

    private int distinctChildren(int vertex) {
        Adjacency graph = draft.graph;
        return (int) java.util.stream.IntStream.range(0, graph.childCount(vertex)).map(i -> graph.child(vertex, i)).distinct().count();
    }

    private int[] tokens(int[] path) {
        int n = layout.n();
        int[] tokens = new int[n];
        int at = n - (3 * edges.size() + 4 + path.length);
        Arrays.fill(tokens, 0, at, layout.padToken());
        for (Edge edge : edges) {
            tokens[at++] = layout.edgeToken();
            tokens[at++] = edge.from();
            tokens[at++] = edge.to();
        }
        tokens[at++] = layout.queryToken();
        tokens[at++] = idOfSlot[draft.start];
        tokens[at++] = idOfSlot[draft.goal];
        tokens[at++] = layout.pathToken();
        for (int slot : path) tokens[at++] = idOfSlot[slot];
        return tokens;
    }

    /** Every slot a distinct, uniformly random id in 1..V, so that ids carry no topology. */
    private void giveRandomIds() {
        int[] ids = idPool;
        Arrays.setAll(ids, i -> i + 1);
        for (int slot = 0; slot < draft.slots(); slot++) {
            int pick = random.nextInt(slot, ids.length);
            int id = ids[pick];
            ids[pick] = ids[slot];
            idOfSlot[slot] = id;
        }
    }

    /** The edges under their ids, in a uniformly shuffled order. */
    private void listEdgesShuffled() {
        edges.clear();
        Adjacency graph = draft.graph;
        for (int u = 0; u < graph.vertexCount(); u++) {
            for (int i = 0; i < graph.childCount(u); i++) edges.add(new Edge(idOfSlot[u], idOfSlot[graph.child(u, i)]));
        }
        for (int i = edges.size() - 1; i > 0; i--) java.util.Collections.swap(edges, i, random.nextInt(i + 1));
    }

    private void addLaterPrefixes() {
        Set<List<Integer>> emitted = new HashSet<>();
        emitted.add(List.of(draft.start));
        for (int[] path : shortestPaths()) {
            for (int length = 2; length < path.length; length++) {
                if (3 * edges.size() + 4 + length > layout.n()) break;
                int[] prefix = Arrays.copyOf(path, length);
                if (!emitted.add(Arrays.stream(prefix).boxed().toList())) continue;
                Example later = example(prefix);
                if (later != null) pending.add(later);
            }
        }
    }

    /** Every shortest start-goal path, as slots, each vertex a step closer to the goal. */
    private List<int[]> shortestPaths() {
        List<int[]> paths = new ArrayList<>();
        extendTowardsGoal(new int[] {draft.start}, paths);
        return paths;
    }

    private void extendTowardsGoal(int[] prefix, List<int[]> paths) {
        int last = prefix[prefix.length - 1];
        if (last == draft.goal) {
            paths.add(prefix);
            return;
        }
        Adjacency graph = draft.graph;
        for (int i = 0; i < graph.childCount(last); i++) {
            int next = graph.child(last, i);
            if (facts.distance(next) != facts.distance(last) - 1) continue;
            int[] longer = Arrays.copyOf(prefix, prefix.length + 1);
            longer[prefix.length] = next;
            extendTowardsGoal(longer, paths);
        }
    }
}
