package dev.lookahead.cli.search;

import dev.lookahead.search.InContextExample;

/** The JSON lines of the in-context tasks, with the fields docs/user-guide.md ("Search in context") lists for each. */
public final class InContextLines {
    private InContextLines() {
    }

    public record DfsLine(int n, String task, int[] tokens, int label, int[] accepted, int backtrack, String bucket) {
    }

    /** {@code branch_size} is null on a selection step: the vertex to expand is not in the input. */
    public record SiLine(int n, String task, int[] tokens, int label, int[] accepted, String step, int frontierSize, Integer branchSize,
                         String bucket) {
    }

    public static Object of(InContextExample e) {
        return switch (e.task()) {
            case DFS -> new DfsLine(e.n(), e.task().id(), e.tokens(), e.label(), e.accepted(), e.backtrack(), e.bucket());
            case SI -> new SiLine(e.n(), e.task().id(), e.tokens(), e.label(), e.accepted(), e.step(), e.frontierSize(), e.branchSize(),
                    e.bucket());
            case SEARCH -> throw new IllegalArgumentException("a search example is written by LineFields.example");
        };
    }
}
