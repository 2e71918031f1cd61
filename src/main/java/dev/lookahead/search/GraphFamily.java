package dev.lookahead.search;

/**
 * One of the paper's graph distributions (its section 3; docs/user-guide.md, "The distributions"), drawn
 * into reusable vertex slots. Each family is one class: {@link NaiveGraphs}, {@link BalancedGraphs},
 * {@link StarGraphs}. A family only shapes the graph; relabelling, the checks every example must pass and
 * the tokens are {@link ExampleGenerator}'s.
 */
interface GraphFamily {

    /**
     * Draws one graph into {@code draft}, replacing what it held.
     *
     * @param target the lookahead the graph is built for, or -1 when the family draws without one
     */
    void draw(GraphDraft draft, int target);

    /** The lookahead to build the next graph for, or -1 when the family does not aim at one. */
    int chooseTarget();

    static GraphFamily of(GenerationSpec spec, java.util.SplittableRandom random) {
        TokenLayout layout = spec.layout();
        return switch (spec.distribution()) {
            case NAIVE -> new NaiveGraphs(layout, random, spec.fixedLookahead());
            case BALANCED -> new BalancedGraphs(layout, random, spec.maxLookahead(), spec.fixedLookahead());
            case STAR -> new StarGraphs(layout, random, spec.maxLookahead(), spec.fixedLookahead());
        };
    }
}
