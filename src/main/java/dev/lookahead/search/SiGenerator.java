package dev.lookahead.search;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Draws selection-inference inputs from the distribution of the paper's SI task (its section 6; docs/user-guide.md,
 * "Search in context"); {@link SiDraw} draws the problem, this class writes it. The example is built around a frontier size f (visited vertices that still have unvisited children) and a
 * branch size b (children of the vertex expanded next): a random DAG by preferential attachment, a frontier of f
 * vertices reached by visited edges, the expanded vertex given b children, the goal made reachable, edges trimmed to at
 * most E = (n - 2) / 6, and some more edges visited. The input holds the edges, {@code Q s g P}, P padding, {@code P u v}
 * for each visited edge, then {@code P} (selection: answer any frontier vertex) or {@code P c} (inference: answer any
 * unvisited child of c). An example whose sizes came out other than asked is drawn again. Seeded; not thread-safe.
 */
public final class SiGenerator {
    /** What to draw: exactly (frontier, branch), or with {@code uniform} any allowed pair up to them. */
    public record Spec(TokenLayout layout, int frontier, int branch, boolean uniform, Set<TokenRow> reserved) {
        /** Training draws: every allowed (f, b) pair equally often. */
        public static Spec training(TokenLayout layout) {
            return new Spec(layout, maxFrontier(layout), maxEdges(layout), true, Set.of());
        }

        public static Spec bucket(TokenLayout layout, int frontier, int branch) {
            return new Spec(layout, frontier, branch, false, Set.of());
        }

        public Spec {
            reserved = reserved == null ? Set.of() : reserved;
            int e = maxEdges(layout);
            if (e < 2) throw new IllegalArgumentException("n = " + layout.n() + " is too small for selection-inference; use n >= 14");
            if (frontier < 1 || branch < 1 || (!uniform && frontier + branch > e + 1)) {
                throw new IllegalArgumentException("frontier " + frontier + " and branch " + branch + " are not an allowed pair at n = "
                        + layout.n() + ": both at least 1, frontier + branch <= " + (e + 1));
            }
        }

        public Spec withReserved(Set<TokenRow> rows) {
            return new Spec(layout, frontier, branch, uniform, rows);
        }
    }

    /** E: the most edges an input holds. */
    public static int maxEdges(TokenLayout layout) {
        return (layout.n() - 2) / 6;
    }

    /** The largest frontier of a test bucket: (E + 1) / 2. */
    public static int maxFrontier(TokenLayout layout) {
        return (maxEdges(layout) + 1) / 2;
    }

    /** The test buckets: every (f, b) with f <= (E + 1) / 2, b <= E, f + b <= E + 1, frontier first. */
    public static List<int[]> buckets(TokenLayout layout) {
        int e = maxEdges(layout);
        List<int[]> pairs = new ArrayList<>();
        for (int f = 1; f <= maxFrontier(layout); f++) for (int b = 1; b <= e; b++) if (f + b <= e + 1) pairs.add(new int[] {f, b});
        return pairs;
    }

    private final Spec spec;
    private final TokenLayout layout;
    private final int maxEdges;
    private final List<int[]> pairs;
    private final SplittableRandom random;
    private int frontierSize;
    private int branchSize;
    private long collisions;

    public SiGenerator(Spec spec, long seed) {
        this.spec = spec;
        this.layout = spec.layout();
        this.maxEdges = maxEdges(layout);
        this.pairs = new ArrayList<>();
        for (int f = 1; f <= maxEdges; f++) {
            for (int b = 1; b <= maxEdges; b++) if (f <= spec.frontier() && b <= spec.branch() && f + b <= maxEdges + 1) pairs.add(new int[] {f, b});
        }
        this.random = new SplittableRandom(seed);
        drawSizes();
    }

    public Spec spec() {
        return spec;
    }

    public long collisions() {
        return collisions;
    }

    private void drawSizes() {
        if (spec.uniform()) {
            int[] pair = pairs.get(random.nextInt(pairs.size()));
            frontierSize = pair[0];
            branchSize = pair[1];
        } else {
            frontierSize = spec.frontier();
            branchSize = spec.branch();
        }
    }

    /** The next example; the sizes asked for are kept across rejected drafts. */
    public InContextExample next() {
        for (int attempt = 0; attempt < ExampleGenerator.MAX_REJECTED_IN_A_ROW; attempt++) {
            InContextExample example = attempt();
            if (example != null) {
                drawSizes();
                return example;
            }
        }
        throw new ExampleGenerator.NoExampleException("no selection-inference example at n = " + layout.n() + " with frontier "
                + frontierSize + " and branch " + branchSize + " (" + ExampleGenerator.MAX_REJECTED_IN_A_ROW + " drafts rejected in a row)");
    }

    private InContextExample attempt() {
        int vertices = Math.max(2, random.nextInt(maxEdges - frontierSize + 1));
        vertices = Math.max(frontierSize + branchSize + 1 - Math.min(frontierSize, branchSize), vertices);
        SiDraw.Problem problem = SiDraw.draw(random, vertices, Math.max(1, layout.n() / 24 + 1), maxEdges, frontierSize, branchSize);
        if (problem == null || problem.graph().count() > maxEdges) return null;
        int[] ids = InContextRows.randomIds(vertices, maxEdges + 1, random);
        List<Integer> frontier = frontier(problem);
        int branch = problem.graph().out(problem.current()).size();
        boolean selection = problem.visits().size() > 0 && random.nextInt(2) == 0;
        int slots = 3 * (maxEdges - 1) + 1;
        int used = 3 * problem.visits().size() + (selection ? 1 : 2);
        if (used > slots || frontier.size() != frontierSize || branch != branchSize) return null;
        int[] written = write(problem, ids, selection, slots - used);
        int[] row = InContextRows.rightAligned(layout, written, written.length);
        if (!spec.reserved().isEmpty() && spec.reserved().contains(TokenRow.of(layout, row))) {
            collisions++;
            return null;
        }
        List<Integer> answers = selection ? frontier : problem.visits().unvisitedChildren(problem.graph(), problem.current());
        if (answers.isEmpty()) return null;
        int label = ids[answers.get(random.nextInt(answers.size()))];
        int[] accepted = answers.stream().mapToInt(v -> ids[v]).distinct().sorted().toArray();
        return new InContextExample(layout.n(), Task.SI, row, label, accepted, null, selection ? "selection" : "inference",
                frontier.size(), selection ? null : branch, frontierSize + "," + branchSize);
    }

    /**
     * The links in random order ({@code E u v} each), {@code Q s g P}, the padding, {@code P u v} per visited edge, then
     * {@code P} (selection: any frontier vertex is an answer) or {@code P c} (inference: any unvisited child of c).
     */
    private int[] write(SiDraw.Problem problem, int[] ids, boolean selection, int padding) {
        int[] tokens = new int[layout.n()];
        List<SiLinks.Link> links = problem.graph().all();
        int length = InContextRows.writeQuery(layout, tokens, links.stream().mapToInt(l -> l.from).toArray(),
                links.stream().mapToInt(l -> l.to).toArray(), ids, problem.start(), problem.goal(), random);
        for (int k = 0; k < padding; k++) tokens[length++] = layout.pathToken();
        for (int i = 0; i < problem.visits().size(); i++) {
            tokens[length++] = layout.pathToken();
            tokens[length++] = ids[problem.visits().get(i).from()];
            tokens[length++] = ids[problem.visits().get(i).to()];
        }
        tokens[length++] = layout.pathToken();
        if (!selection) tokens[length++] = ids[problem.current()];
        return java.util.Arrays.copyOf(tokens, length);
    }

    /** Visited vertices with an unvisited child, in the order the visits name them; the start alone when none has. */
    private static List<Integer> frontier(SiDraw.Problem problem) {
        List<Integer> frontier = new ArrayList<>();
        for (SiVisits.Visit visit : problem.visits().list()) {
            for (int v : new int[] {visit.from(), visit.to()}) {
                if (!frontier.contains(v) && !problem.visits().unvisitedChildren(problem.graph(), v).isEmpty()) frontier.add(v);
            }
        }
        if (frontier.isEmpty()) frontier.add(problem.start());
        return frontier;
    }
}
