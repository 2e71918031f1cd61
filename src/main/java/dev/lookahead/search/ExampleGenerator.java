package dev.lookahead.search;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws examples from the paper's graph distributions (the paper's section 3; docs/user-guide.md, "The distributions"), seeded so that the
 * same seed gives the same examples on any machine. Graphs are built over vertex slots 0..k-1 in
 * primitive arrays, then given uniformly random ids in 1..V and a shuffled edge order. Not
 * thread-safe: give each thread its own generator and seed.
 *
 * <p>In all-prefixes mode the target lookahead and the test-set rules decide on the first step; every
 * distinct prefix of every shortest path of an accepted graph is then emitted.
 */
public final class ExampleGenerator {
    /** The reference generator's fixed-structure weight: children by 0.5 + in-degree, parents by 0.5 + out-degree. */
    private static final double ALPHA = 0.5;
    /** Up to 3 parents (naive) or 3 children and 3 parents (balanced) per added vertex. */
    private static final int MAX_RELATIVES_EXCLUSIVE = 4;
    /** Rejected graphs in a row after which the rules are taken to be impossible at this size. */
    static final int MAX_REJECTED_IN_A_ROW = 1_000_000;

    private final GenerationSpec spec;
    private final TokenLayout layout;
    private final SplittableRandom random;
    private final Adjacency graph;
    private final PathFacts facts = new PathFacts();
    private final Lookahead lookahead = new Lookahead();
    private final ArrayDeque<Example> pending = new ArrayDeque<>();

    private final int[] ids;
    private final int[] idPool;
    private final double[] weights;
    private final int[] inDegree;
    private final int[] outDegree;
    private final int[] stack;
    private final boolean[] isDescendant;
    private final int[] scratch;
    private final int[] edgeFrom;
    private final int[] edgeTo;

    private int start;
    private int goal;
    private int edgeCount;
    /** The balanced/star lookahead being built; kept across rejected attempts (retry with the same L). */
    private int target = -1;
    private long collisions;

    public ExampleGenerator(GenerationSpec spec, long seed) {
        this.spec = spec;
        this.layout = spec.layout();
        this.random = new SplittableRandom(seed);
        int capacity = layout.maxVertex() + 1;
        graph = new Adjacency(capacity);
        ids = new int[capacity];
        idPool = new int[layout.maxVertex()];
        weights = new double[capacity];
        inDegree = new int[capacity];
        outDegree = new int[capacity];
        stack = new int[capacity * capacity];
        isDescendant = new boolean[capacity];
        scratch = new int[capacity];
        edgeFrom = new int[capacity * capacity];
        edgeTo = new int[capacity * capacity];
    }

    public GenerationSpec spec() {
        return spec;
    }

    /**
     * The next example; loops over rejected graphs until one is accepted.
     *
     * @throws NoExampleException when {@value #MAX_REJECTED_IN_A_ROW} graphs in a row were rejected: at
     *         this n no graph of the distribution passes the rules asked for (a naive test set at n = 17)
     */
    public Example next() {
        int rejected = 0;
        while (pending.isEmpty()) {
            if (rejected++ == MAX_REJECTED_IN_A_ROW) {
                throw new NoExampleException("no " + spec.distribution().id() + " example at n = " + layout.n()
                        + " passes " + (spec.testSet() ? "the test-set rules" : "the generator's rules")
                        + (spec.fixedLookahead() >= 0 ? " with lookahead " + spec.fixedLookahead() : "")
                        + " (" + MAX_REJECTED_IN_A_ROW + " graphs rejected in a row); use a larger n");
            }
            tryGraph();
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

    private void tryGraph() {
        if (target < 0) target = chooseTarget();
        boolean built = switch (spec.distribution()) {
            case NAIVE -> buildNaive();
            case BALANCED -> buildBalanced(target);
            case STAR -> buildStar(target);
        };
        if (!built) return;
        facts.compute(graph, goal);
        if (!facts.reachesGoal(start) || facts.shortestPaths(start) > PathFacts.MAX_SHORTEST_PATHS) return;
        edgeCount = graph.edgeCount();
        if (edgeCount > layout.maxEdges() || 3 * edgeCount + 5 > layout.n()) return;
        relabel();
        collectShuffledEdges();

        Example first = example(new int[] {start});
        if (first == null) return;
        target = -1;
        pending.add(first);
        if (spec.mode() == GenerationMode.ALL_PREFIXES) addLaterPrefixes(first);
    }

    private int chooseTarget() {
        int fixed = spec.fixedLookahead();
        return switch (spec.distribution()) {
            case NAIVE -> fixed;
            case BALANCED -> fixed >= 0 ? fixed : random.nextInt(spec.maxLookahead() + 1);
            case STAR -> fixed;
        };
    }

    /** Builds the example whose path so far is {@code path} (slots), or null if a rule rejects it. */
    private Example example(int[] path) {
        int current = path[path.length - 1];
        int usefulCount = facts.usefulChildren(current, scratch);
        if (usefulCount == 0) return null;
        int label = scratch[random.nextInt(usefulCount)];
        int measured = lookahead.compute(graph, current, label, goal);
        boolean firstStep = path.length == 1;
        if (firstStep && target >= 0 && measured != target) return null;
        if (firstStep && spec.testSet() && !passesTestRules(current, usefulCount, measured)) return null;

        int[] useful = new int[usefulCount];
        for (int i = 0; i < usefulCount; i++) useful[i] = ids[scratch[i]];
        Arrays.sort(useful);
        int[] tokens = tokens(path);
        if (!spec.reserved().isEmpty() && spec.reserved().contains(TokenRow.of(layout, tokens))) {
            collisions++;
            return null;
        }
        List<Edge> edges = new ArrayList<>(edgeCount);
        for (int e = 0; e < edgeCount; e++) edges.add(new Edge(edgeFrom[e], edgeTo[e]));
        return new Example(layout.n(), spec.distribution(), measured, tokens, List.copyOf(edges),
                ids[start], ids[goal], ids[current], useful, ids[label]);
    }

    /**
     * The reference's test-set rules (docs/user-guide.md, "Test sets"): one useful next step, one
     * shortest-path next step, a real choice (out-degree at least 2), and a shortest start-goal path of
     * more than min(L, 2) vertices (balanced) or more than 2 (naive), so a naive test example never has
     * the goal as a child of the start. Star test sets are filtered by none of these, as the reference's.
     */
    private boolean passesTestRules(int current, int usefulCount, int measuredLookahead) {
        if (spec.distribution() == Distribution.STAR) return true;
        if (usefulCount != 1) return false;
        if (facts.shortestPathSteps(current, scratch) != 1) return false;
        if (distinctChildren(current) < 2) return false;
        int pathVertices = facts.distance(start) + 1;
        int moreThan = spec.distribution() == Distribution.NAIVE ? 2 : Math.min(measuredLookahead, 2);
        return pathVertices > moreThan;
    }

    private int distinctChildren(int vertex) {
        int distinct = 0;
        for (int i = 0; i < graph.childCount(vertex); i++) {
            int child = graph.child(vertex, i);
            boolean seen = false;
            for (int k = 0; k < i; k++) seen |= graph.child(vertex, k) == child;
            if (!seen) distinct++;
        }
        return distinct;
    }

    private int[] tokens(int[] path) {
        int n = layout.n();
        int length = 3 * edgeCount + 4 + path.length;
        int[] tokens = new int[n];
        int at = n - length;
        Arrays.fill(tokens, 0, at, layout.padToken());
        for (int e = 0; e < edgeCount; e++) {
            tokens[at++] = layout.edgeToken();
            tokens[at++] = edgeFrom[e];
            tokens[at++] = edgeTo[e];
        }
        tokens[at++] = layout.queryToken();
        tokens[at++] = ids[start];
        tokens[at++] = ids[goal];
        tokens[at++] = layout.pathToken();
        for (int v : path) tokens[at++] = ids[v];
        return tokens;
    }

    private void addLaterPrefixes(Example first) {
        List<int[]> paths = new ArrayList<>();
        collectShortestPaths(new int[] {start}, paths);
        Set<String> emitted = new HashSet<>();
        emitted.add(Arrays.toString(new int[] {start}));
        for (int[] path : paths) {
            for (int j = 2; j < path.length; j++) {
                int[] prefix = Arrays.copyOf(path, j);
                if (3 * edgeCount + 4 + j > layout.n() || !emitted.add(Arrays.toString(prefix))) continue;
                Example later = example(prefix);
                if (later != null) pending.add(later);
            }
        }
    }

    private void collectShortestPaths(int[] prefix, List<int[]> out) {
        int last = prefix[prefix.length - 1];
        if (last == goal) {
            out.add(prefix);
            return;
        }
        for (int i = 0; i < graph.childCount(last); i++) {
            int w = graph.child(last, i);
            if (facts.distance(w) == facts.distance(last) - 1) {
                int[] longer = Arrays.copyOf(prefix, prefix.length + 1);
                longer[prefix.length] = w;
                collectShortestPaths(longer, out);
            }
        }
    }

    // ---- distributions ----------------------------------------------------------------------

    /** Naive: vertex count in [3, V), each later vertex gets 1 parent (p = 1/2) or 1-3 parents. */
    private boolean buildNaive() {
        int vertexCount = 3 + random.nextInt(layout.maxVertex() - 3);
        graph.reset(vertexCount);
        for (int v = 1; v < vertexCount; v++) {
            int parents = random.nextInt(2) == 0 ? 1 : 1 + random.nextInt(MAX_RELATIVES_EXCLUSIVE - 1);
            parents = Math.min(parents, v);
            for (int i = 0; i < v; i++) scratch[i] = i;
            for (int k = 0; k < parents; k++) {
                int pick = k + random.nextInt(v - k);
                int parent = scratch[pick];
                scratch[pick] = scratch[k];
                scratch[k] = parent;
                graph.addEdge(parent, v);
            }
        }
        // As in the reference generator, start and goal are drawn from all but the last-built vertex.
        start = random.nextInt(vertexCount - 1);
        do {
            goal = random.nextInt(vertexCount - 1);
        } while (goal == start);
        return true;
    }

    /** Balanced: a start-goal chain of length L, other branches of length L or L+1, a prefix into the start, then random extra vertices. */
    private boolean buildBalanced(int lookaheadTarget) {
        int maxEdges = layout.maxEdges();
        int paths = lookaheadTarget == 0
                ? 1 + random.nextInt(2)
                : 2 + random.nextInt((maxEdges - 1) / lookaheadTarget - 1);
        int vertexCount = Math.min(Math.min(lookaheadTarget * paths + 1 + random.nextInt(6), layout.maxVertex()), maxEdges + 1);
        vertexCount = Math.max(Math.max(2, vertexCount), 1 + paths * lookaheadTarget);
        graph.reset(vertexCount);

        graph.addEdge(0, 1);
        for (int i = 1; i < lookaheadTarget; i++) graph.addEdge(i, i + 1);
        int index;
        if (lookaheadTarget == 0) {
            index = 2;
        } else {
            index = 1 + lookaheadTarget;
            for (int j = 0; j < paths - 1; j++) {
                graph.addEdge(0, index);
                index++;
                int room = vertexCount - index - (paths - j - 1) * lookaheadTarget + 2;
                int branchLength = lookaheadTarget + random.nextInt(Math.min(2, room));
                for (int i = 1; i < branchLength; i++) {
                    graph.addEdge(index - 1, index);
                    index++;
                }
            }
        }
        int prefixLength = random.nextInt(vertexCount - index + 1);
        int previous = 0;
        for (int i = 0; i < prefixLength; i++) {
            graph.addEdge(index, previous);
            previous = index;
            index++;
        }
        start = 0;
        goal = Math.max(1, lookaheadTarget);

        for (int v = 0; v < vertexCount; v++) {
            inDegree[v] = graph.parentCount(v);
            outDegree[v] = graph.childCount(v);
        }
        for (; index < vertexCount; index++) {
            int children = Math.min(random.nextInt(MAX_RELATIVES_EXCLUSIVE), index);
            int parents = random.nextInt(children == 0 ? 1 : 0, MAX_RELATIVES_EXCLUSIVE);
            parents = Math.min(parents, index);

            double total = 0;
            for (int j = 0; j < index; j++) total += weights[j] = ALPHA + inDegree[j];
            for (int k = 0; k < children; k++) {
                int child = sampleWeighted(index, total);
                total -= weights[child];
                weights[child] = 0;
                graph.addEdge(index, child);
                inDegree[child]++;
            }

            total = 0;
            for (int j = 0; j < index; j++) total += weights[j] = ALPHA + outDegree[j];
            int descendants = markDescendants(index);
            for (int j = 0; j < index; j++) {
                if (isDescendant[j]) {
                    total -= weights[j];
                    weights[j] = 0;
                }
            }
            if (total > 0) {
                parents = Math.min(parents, index - descendants);
                for (int k = 0; k < parents; k++) {
                    int parent = sampleWeighted(index, total);
                    total -= weights[parent];
                    weights[parent] = 0;
                    graph.addEdge(parent, index);
                    outDegree[parent]++;
                }
            }
        }
        return true;
    }

    /**
     * Star: a centre (the start) with k spokes of length l; the goal ends one spoke. For a fixed
     * lookahead l the star has at least two spokes (one spoke would make it lookahead 0); otherwise
     * (l, k) is drawn uniformly from every pair with l in 1..L and k in 1..(V-1)/l, one-spoke stars
     * included, as the reference draws its star training and test sets.
     */
    private boolean buildStar(int fixedSpokeLength) {
        int spokeLength;
        int spokes;
        if (fixedSpokeLength > 0) {
            spokeLength = fixedSpokeLength;
            spokes = 2 + random.nextInt(maxSpokes(spokeLength) - 1);
        } else {
            int pair = random.nextInt(starPairs());
            for (spokeLength = 1; pair >= maxSpokes(spokeLength); spokeLength++) pair -= maxSpokes(spokeLength);
            spokes = 1 + pair;
        }
        graph.reset(1 + spokes * spokeLength);
        int index = 1;
        for (int s = 0; s < spokes; s++) {
            graph.addEdge(0, index);
            for (int i = 1; i < spokeLength; i++, index++) graph.addEdge(index, index + 1);
            index++;
        }
        start = 0;
        goal = spokeLength * (1 + random.nextInt(spokes));
        return true;
    }

    /** How many (spoke length, spoke count) pairs a star may have. */
    private int starPairs() {
        int pairs = 0;
        for (int length = 1; length <= spec.maxLookahead(); length++) pairs += maxSpokes(length);
        return pairs;
    }

    private int maxSpokes(int spokeLength) {
        return (layout.maxVertex() - 1) / spokeLength;
    }

    // ---- helpers ----------------------------------------------------------------------------

    private int sampleWeighted(int count, double total) {
        double r = random.nextDouble() * total;
        int last = -1;
        for (int j = 0; j < count; j++) {
            if (weights[j] <= 0) continue;
            last = j;
            r -= weights[j];
            if (r < 0) return j;
        }
        return last;
    }

    /** Marks the descendants of {@code v} (not v itself, in a DAG) and returns how many there are. */
    private int markDescendants(int v) {
        Arrays.fill(isDescendant, 0, graph.vertexCount(), false);
        int count = 0;
        int top = 0;
        stack[top++] = v;
        while (top > 0) {
            int u = stack[--top];
            for (int i = 0; i < graph.childCount(u); i++) {
                int w = graph.child(u, i);
                if (!isDescendant[w]) {
                    isDescendant[w] = true;
                    count++;
                    stack[top++] = w;
                }
            }
        }
        return count;
    }

    /** Gives every slot a distinct uniformly random id in 1..V, so ids carry no topology. */
    private void relabel() {
        int v = layout.maxVertex();
        for (int i = 0; i < v; i++) idPool[i] = i + 1;
        for (int i = 0; i < graph.vertexCount(); i++) {
            int pick = i + random.nextInt(v - i);
            int id = idPool[pick];
            idPool[pick] = idPool[i];
            idPool[i] = id;
            ids[i] = id;
        }
    }

    private void collectShuffledEdges() {
        int e = 0;
        for (int u = 0; u < graph.vertexCount(); u++) {
            for (int i = 0; i < graph.childCount(u); i++) {
                edgeFrom[e] = ids[u];
                edgeTo[e++] = ids[graph.child(u, i)];
            }
        }
        for (int i = e - 1; i > 0; i--) {
            int j = random.nextInt(i + 1);
            int from = edgeFrom[i];
            int to = edgeTo[i];
            edgeFrom[i] = edgeFrom[j];
            edgeTo[i] = edgeTo[j];
            edgeFrom[j] = from;
            edgeTo[j] = to;
        }
    }
}
