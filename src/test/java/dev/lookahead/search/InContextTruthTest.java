package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The in-context tasks' accepted answers, read from tokens alone, on a graph small enough to check by hand:
 * 1 -> 2, 1 -> 3, 2 -> 4, from 1 towards 4. (On 3,420 examples the paper's own generator made, at n = 32 and 48, the
 * accepted sets, backtrack distances and frontier and branch sizes all agree: docs/experiments/in-context-reference/.)
 */
class InContextTruthTest {
    private static final TokenLayout LAYOUT = new TokenLayout(32); // vertices 1..9, P 10, E 11, PAD 12, Q 13

    /** PAD..., the three edges, Q 1 4 P, then {@code rest} (P written as 0). */
    private static int[] input(int... rest) {
        List<Integer> tokens = new ArrayList<>();
        for (int[] e : new int[][] {{1, 2}, {1, 3}, {2, 4}}) {
            tokens.add(LAYOUT.edgeToken());
            tokens.add(e[0]);
            tokens.add(e[1]);
        }
        tokens.addAll(List.of(LAYOUT.queryToken(), 1, 4, LAYOUT.pathToken()));
        for (int t : rest) tokens.add(t == 0 ? LAYOUT.pathToken() : t);
        while (tokens.size() < LAYOUT.n()) tokens.add(0, LAYOUT.padToken());
        return tokens.stream().mapToInt(Integer::intValue).toArray();
    }

    @Test
    void depthFirstSearchBacktracksToTheLatestVertexWithAnUnvisitedChild() {
        // trace 1 2 4: 4 has no children, 2's only child is visited, 1 still has 3
        InContextTruth.Dfs truth = InContextTruth.dfs(LAYOUT, input(0, 0, 0, 0, 1, 2, 4));
        assertThat(truth.accepted()).containsExactly(3);
        assertThat(truth.backtrack()).as("two trace tokens come after vertex 1").isEqualTo(2);
        assertThat(InContextTruth.dfs(LAYOUT, input(0, 0, 0, 0, 0, 0, 1)).accepted()).as("from the start: either child").containsExactly(2, 3);
    }

    @Test
    void paddingScatteredInTheTraceCountsTowardsTheBacktrack() {
        InContextTruth.Dfs truth = InContextTruth.dfs(LAYOUT, input(1, 0, 2, 0, 0, 4, 0));
        assertThat(truth.accepted()).containsExactly(3);
        assertThat(truth.backtrack()).isEqualTo(6);
        assertThat(InContextTruth.dfs(LAYOUT, input(0, 0, 0, 1, 2, 4, 3)).backtrack()).as("every vertex visited").isEqualTo(-1);
    }

    @Test
    void aSelectionStepAcceptsEveryVisitedVertexWithAnUnvisitedChild() {
        // E = 5 edges at most: 13 slots before the answer, the visited edge 1 -> 2, then a bare P
        InContextTruth.Si truth = InContextTruth.si(LAYOUT, input(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0));
        assertThat(truth.step()).isEqualTo("selection");
        assertThat(truth.accepted()).containsExactly(1, 2);
        assertThat(truth.frontierSize()).isEqualTo(2);
        assertThat(truth.branchSize()).as("the branching vertex is not in the input").isNull();
    }

    @Test
    void anInferenceStepAcceptsTheUnvisitedChildrenOfTheChosenVertex() {
        InContextTruth.Si truth = InContextTruth.si(LAYOUT, input(0, 0, 0, 0, 0, 0, 0, 0, 0, 1, 2, 0, 2));
        assertThat(truth.step()).isEqualTo("inference");
        assertThat(truth.accepted()).containsExactly(4);
        assertThat(truth.branchSize()).isEqualTo(1);
        assertThat(InContextTruth.si(LAYOUT, input(0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 0, 1)).frontierSize())
                .as("nothing visited yet: the start is the frontier").isEqualTo(1);
    }

    @Test
    void aMalformedInputNamesThePosition() {
        int[] tokens = input(0, 0, 0, 0, 1, 2, 4);
        tokens[21] = LAYOUT.edgeToken(); // where Q should be
        assertThatThrownBy(() -> InContextTruth.dfs(LAYOUT, tokens)).hasMessageContaining("position").hasMessageContaining("Q start goal P");
    }
}
