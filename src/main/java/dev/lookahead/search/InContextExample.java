package dev.lookahead.search;

/**
 * One input of an in-context task with the answers it accepts, as {@code generate --task dfs|si} writes it.
 *
 * @param tokens       the left-padded input of length n
 * @param label        the training target: the vertex the depth-first search visits next (dfs), or one accepted
 *                     answer drawn at random (si)
 * @param accepted     sorted: every answer the task accepts
 * @param backtrack    dfs: tokens from the vertex whose unvisited child comes next to the end; null for si
 * @param step         si: "selection" or "inference"; null for dfs
 * @param frontierSize si: visited vertices with unvisited children (the start when none has)
 * @param branchSize   si: children of the vertex being expanded; null on selection steps and for dfs
 * @param bucket       the test bucket: the backtrack (dfs), or "frontier,branch" of the example as drawn (si; on a
 *                     selection step the branch is that of the vertex the next inference step expands, which the
 *                     input does not show)
 */
public record InContextExample(int n, Task task, int[] tokens, int label, int[] accepted, Integer backtrack, String step,
                               Integer frontierSize, Integer branchSize, String bucket) {
}
