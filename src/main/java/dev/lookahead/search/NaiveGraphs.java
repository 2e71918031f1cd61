package dev.lookahead.search;

import java.util.SplittableRandom;

/**
 * The naive distribution: a random DAG grown one vertex at a time, each new vertex hanging from earlier
 * ones chosen uniformly. Its lookahead is left to chance, which is why it is heavily skewed towards short
 * ones (docs/user-guide.md, "The distributions"). A fixed lookahead is met by rejection, not by
 * construction.
 */
final class NaiveGraphs implements GraphFamily {
    /** A new vertex has one parent half the time, otherwise one to this many. */
    private static final int MOST_PARENTS = 3;

    private final TokenLayout layout;
    private final SplittableRandom random;
    private final int fixedLookahead;
    private final int[] candidates;

    NaiveGraphs(TokenLayout layout, SplittableRandom random, int fixedLookahead) {
        this.layout = layout;
        this.random = random;
        this.fixedLookahead = fixedLookahead;
        this.candidates = new int[layout.maxVertex()];
    }

    @Override
    public int chooseTarget() {
        return fixedLookahead;
    }

    @Override
    public void draw(GraphDraft draft, int target) {
        int vertexCount = random.nextInt(3, layout.maxVertex());
        draft.open(vertexCount);
        for (int vertex = 1; vertex < vertexCount; vertex++) hangFromEarlierVertices(draft, vertex);
        pickEndpointsAmongAllButNewest(draft, vertexCount);
    }

    private void hangFromEarlierVertices(GraphDraft draft, int vertex) {
        int wanted = random.nextBoolean() ? 1 : random.nextInt(1, MOST_PARENTS + 1);
        int parents = Math.min(wanted, vertex);
        for (int i = 0; i < vertex; i++) candidates[i] = i;
        for (int chosen = 0; chosen < parents; chosen++) {
            int parent = takeUniformly(chosen, vertex);
            draft.edge(parent, vertex);
        }
    }

    /** Moves a uniform pick from candidates[from..until) to position {@code from} and returns it. */
    private int takeUniformly(int from, int until) {
        int at = random.nextInt(from, until);
        int picked = candidates[at];
        candidates[at] = candidates[from];
        candidates[from] = picked;
        return picked;
    }

    /** Start and goal: two distinct slots other than the newest vertex, as the paper's generator draws them. */
    private void pickEndpointsAmongAllButNewest(GraphDraft draft, int vertexCount) {
        draft.start = random.nextInt(vertexCount - 1);
        int goal = random.nextInt(vertexCount - 2);
        draft.goal = goal >= draft.start ? goal + 1 : goal;
    }
}
