package dev.lookahead.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.Edge;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

class TraceStatisticsTest {
    private static SortedSet<Integer> set(Integer... vertices) {
        return new TreeSet<>(List.of(vertices));
    }

    @Test
    void mergesAreCountedByHowFarEachSideReachesAndTheDiagonalIsTheMaximalShare() {
        // the chain 1 -> 2 -> 3 -> 4 -> 5
        SearchInput input = SearchInput.firstStep(new TokenLayout(32), List.of(new Edge(1, 2), new Edge(2, 3), new Edge(3, 4),
                new Edge(4, 5)), 1, 5);
        int[] tokens = Tokenizer.encode(input);
        int two = position(tokens, 2);
        int three = position(tokens, 3);
        Map<Integer, SortedSet<Integer>> embedding = Map.of(two, set(2, 3), three, set(3, 4));
        Map<Integer, SortedSet<Integer>> after = Map.of(two, set(2, 3, 4));
        Trace trace = new Trace(true, null, 100, 2, List.of(embedding, after), List.of(
                new Trace.Operation(0, three, two, Trace.Kind.TOKEN_MATCH, 1, 1.0),
                new Trace.Operation(0, three, two, Trace.Kind.OTHER, 1, 1.0)), Trace.Replacement.FREE_ID);
        Map<Integer, SortedSet<Integer>> narrow = Map.of(two, set(2, 3), three, set(3));
        Trace other = new Trace(false, "no path", 50, 2, List.of(narrow, after), List.of(
                new Trace.Operation(0, three, two, Trace.Kind.POSITION_FORWARD, 1, 1.0)), Trace.Replacement.ID_0);

        TraceStatistics stats = new TraceStatistics();
        stats.add(3, trace, input, tokens);
        stats.add(3, other, input, tokens);
        assertThat(stats.mergesPerExample()).isEqualTo(1.0);
        assertThat(stats.maximalMergeShare()).isEqualTo(0.5);
        long[][] counts = stats.mergeReach().get(0);
        assertThat(counts[1][1]).isEqualTo(1); // both sets reach one hop: a doubling
        assertThat(counts[0][1]).isEqualTo(1); // the source holds only its own vertex
        assertThat(stats.explainedByLookahead().get(3).successes()).isEqualTo(1);
        assertThat(stats.explainedByReplacement().get(Trace.Replacement.FREE_ID)).isEqualTo(new dev.lookahead.stats.Proportion(1, 1));
        assertThat(stats.explainedByReplacement().get(Trace.Replacement.ID_0)).isEqualTo(new dev.lookahead.stats.Proportion(0, 1));
        assertThat(stats.forwardPassesPerExample()).isEqualTo(75);
    }

    @Test
    void setsAreScoredAgainstWhatTheirVertexReachesAndAgainstThePathsThroughIt() {
        // the chain 1 -> 2 -> 3 -> 4 -> 5 and a branch 1 -> 6
        SearchInput input = SearchInput.firstStep(new TokenLayout(32), List.of(new Edge(1, 2), new Edge(2, 3), new Edge(3, 4),
                new Edge(4, 5), new Edge(1, 6)), 1, 5);
        int[] tokens = Tokenizer.encode(input);
        assertThat(new GroundTruth(input.edges()).onPathsThrough(3)).containsExactly(1, 2, 3, 4, 5);
        int three = position(tokens, 3);
        int four = position(tokens, 4);
        Map<Integer, SortedSet<Integer>> embedding = Map.of(three, set(3), four, set(4));
        // 3 holds its parent 2 (before it on the path) and 4; 4 holds 6, on no path through 4
        Map<Integer, SortedSet<Integer>> after = Map.of(three, set(2, 3, 4), four, set(4, 5, 6));
        Trace trace = new Trace(true, null, 1, 1, List.of(embedding, after), List.of(), Trace.Replacement.FREE_ID);

        SetScores block1 = SetScores.of(trace, input, tokens).get(1);
        assertThat(block1.meanSize()).isEqualTo(3.0);
        assertThat(block1.meanTrueSize()).isEqualTo(2.5); // {3, 4, 5} and {4, 5}, within 2 hops
        assertThat(block1.precision()).isEqualTo((2.0 / 3 + 2.0 / 3) / 2);
        assertThat(block1.pathPrecision()).isEqualTo((1.0 + 2.0 / 3) / 2);
        assertThat(block1.soundShare()).isZero();
        assertThat(block1.recall()).isEqualTo((2.0 / 3 + 1.0) / 2);

        TraceStatistics stats = new TraceStatistics();
        stats.add(4, trace, input, tokens);
        stats.add(4, trace, input, tokens);
        assertThat(stats.setScores()).hasSize(2);
        assertThat(stats.setScores().get(1).pathPrecision()).isEqualTo(block1.pathPrecision());
        assertThat(stats.setScores().get(1).nodes()).isEqualTo(4);
        assertThat(stats.setScores().get(0).precision()).isEqualTo(1.0);
    }

    private static int position(int[] tokens, int vertex) {
        for (int i = 0; i < tokens.length; i++) if (tokens[i] == vertex) return i;
        throw new AssertionError("vertex " + vertex + " is not in the input");
    }
}
