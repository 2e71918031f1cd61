package dev.lookahead.search;

import java.util.SplittableRandom;

/**
 * The paper's balanced distribution, built for a chosen lookahead L (docs/user-guide.md, "The
 * distributions"). A graph is assembled from named parts, in this order:
 * <ol>
 *   <li>the <b>start-goal chain</b>: L edges from the start (slot 0) to the goal, or one edge when L = 0;</li>
 *   <li>the <b>other branches</b>: chains leaving the start, each of length L or L + 1, so that the
 *       search must look L levels deep to tell them from the right one;</li>
 *   <li>the <b>prefix</b>: a chain of random length leading into the start;</li>
 *   <li>the <b>extra vertices</b>: every slot left gets up to three children and three parents among the
 *       vertices already there, preferring well-connected ones, and never a parent below itself.</li>
 * </ol>
 * The extra vertices may change the lookahead; {@link ExampleGenerator} measures it and retries with the
 * same L until they agree, which makes the lookahead buckets exactly uniform.
 */
final class BalancedGraphs implements GraphFamily {
    /** Extra vertices prefer partners of higher degree: weight = this + the partner's degree. */
    private static final double DEGREE_SMOOTHING = 0.5;
    /** An extra vertex takes up to this many children and this many parents. */
    private static final int MOST_RELATIVES = 3;
    /** The vertex budget exceeds what the branches need by a uniform 0..this. */
    private static final int MOST_SPARE_VERTICES = 5;

    private final TokenLayout layout;
    private final SplittableRandom random;
    private final int maxLookahead;
    private final int fixedLookahead;
    private final WeightedChoice choice;
    private final Descendants descendants;

    BalancedGraphs(TokenLayout layout, SplittableRandom random, int maxLookahead, int fixedLookahead) {
        this.layout = layout;
        this.random = random;
        this.maxLookahead = maxLookahead;
        this.fixedLookahead = fixedLookahead;
        this.choice = new WeightedChoice(random, layout.maxVertex() + 1);
        this.descendants = new Descendants(layout.maxVertex() + 1);
    }

    @Override
    public int chooseTarget() {
        return fixedLookahead >= 0 ? fixedLookahead : random.nextInt(maxLookahead + 1);
    }

    @Override
    public void draw(GraphDraft draft, int lookahead) {
        int branches = branchCount(lookahead);
        int budget = vertexBudget(lookahead, branches);
        draft.open(budget);
        draft.start = 0;
        int fresh = 1;
        draft.goal = draft.chainFrom(draft.start, Math.max(1, lookahead), fresh);
        fresh = draft.goal + 1;
        if (lookahead > 0) fresh = layOtherBranches(draft, lookahead, branches - 1, fresh);
        fresh = layPrefix(draft, fresh);
        for (int vertex = fresh; vertex < budget; vertex++) attachExtraVertex(draft, vertex);
    }

    /** Branches leaving the start, the right one included: one or two at L = 0, else 2 to what the edges allow. */
    private int branchCount(int lookahead) {
        if (lookahead == 0) return random.nextInt(1, 3);
        int mostBranches = (layout.maxEdges() - 1) / lookahead;
        return random.nextInt(2, mostBranches + 1);
    }

    /** Enough slots for every branch at length L, plus a few spare; never more than the ids or the edges allow. */
    private int vertexBudget(int lookahead, int branches) {
        int needed = 1 + lookahead * branches;
        int drawn = needed + random.nextInt(MOST_SPARE_VERTICES + 1);
        int capped = Math.min(drawn, Math.min(layout.maxVertex(), layout.maxEdges() + 1));
        return Math.max(capped, Math.max(2, needed));
    }

    /**
     * Lays {@code count} chains from the start. Each is L long, or L + 1 (a fair coin) when the budget still
     * has a slot to spare after every chain not yet laid is given its L.
     */
    private int layOtherBranches(GraphDraft draft, int lookahead, int count, int fresh) {
        for (int laid = 0; laid < count; laid++) {
            int stillNeeded = lookahead * (count - laid);
            boolean spareSlot = draft.slots() - fresh - stillNeeded >= 1;
            int length = spareSlot && random.nextBoolean() ? lookahead + 1 : lookahead;
            fresh = draft.chainFrom(draft.start, length, fresh) + 1;
        }
        return fresh;
    }

    /** A chain of 0..(slots left) fresh vertices leading into the start, nearest first. */
    private int layPrefix(GraphDraft draft, int fresh) {
        int length = random.nextInt(draft.slots() - fresh + 1);
        int into = draft.start;
        for (int i = 0; i < length; i++) {
            draft.edge(fresh, into);
            into = fresh++;
        }
        return fresh;
    }

    /**
     * Gives {@code vertex} 0-3 children and 0-3 parents among the vertices before it (at least one of
     * either): children weighted by 0.5 + their in-degree, parents by 0.5 + their out-degree, and never a
     * descendant as a parent, so the graph stays acyclic.
     */
    private void attachExtraVertex(GraphDraft draft, int vertex) {
        Adjacency graph = draft.graph;
        int children = Math.min(random.nextInt(MOST_RELATIVES + 1), vertex);
        int parents = Math.min(random.nextInt(children == 0 ? 1 : 0, MOST_RELATIVES + 1), vertex);

        choice.reset(vertex);
        for (int u = 0; u < vertex; u++) choice.weigh(u, DEGREE_SMOOTHING + graph.parentCount(u));
        for (int k = 0; k < children && choice.hasAny(); k++) draft.edge(vertex, choice.take());

        descendants.mark(graph, vertex);
        choice.reset(vertex);
        for (int u = 0; u < vertex; u++) {
            if (!descendants.contains(u)) choice.weigh(u, DEGREE_SMOOTHING + graph.childCount(u));
        }
        for (int k = 0; k < parents && choice.hasAny(); k++) draft.edge(choice.take(), vertex);
    }
}
