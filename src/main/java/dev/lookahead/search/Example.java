package dev.lookahead.search;

import java.util.List;

/**
 * One graph-search input with its ground truth, exactly as the command line writes it.
 *
 * @param tokens      the left-padded input of length n
 * @param edges       the edges in token order, each {u, v}
 * @param current     the vertex whose next step is asked for (the last token)
 * @param usefulNext  sorted children of {@code current} from which the goal is reachable
 * @param label       the training target, one of {@code usefulNext}
 * @param lookahead   the lookahead with respect to {@code label} (the paper's definition of lookahead; docs/user-guide.md, "The task")
 */
public record Example(int n, Distribution distribution, int lookahead, int[] tokens, List<Edge> edges,
                      int start, int goal, int current, int[] usefulNext, int label) {
}
