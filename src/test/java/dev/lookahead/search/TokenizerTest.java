package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.constraints.IntRange;
import org.junit.jupiter.api.Test;

class TokenizerTest {
    /** The worked example of the paper's token format; docs/user-guide.md, "The task". */
    static final int[] WORKED = {12, 12, 12, 11, 5, 9, 11, 6, 3, 11, 7, 4, 11, 2, 6, 11, 2, 1, 11, 2, 5, 11, 2, 7,
        11, 1, 8, 13, 2, 8, 10, 2};

    @Test
    void workedExampleDecodesAndHasLookaheadTwo() {
        TokenLayout layout = new TokenLayout(32);
        SearchInput input = Tokenizer.decode(layout, WORKED);
        assertThat(input.edges()).hasSize(8);
        assertThat(input.start()).isEqualTo(2);
        assertThat(input.goal()).isEqualTo(8);
        InputAnalysis analysis = InputAnalysis.of(input, null);
        assertThat(analysis.usefulNext()).containsExactly(1);
        assertThat(analysis.lookahead()).isEqualTo(2);
        assertThat(Tokenizer.encode(input)).isEqualTo(WORKED);
    }

    @Test
    void lookaheadEdgeCasesOfSectionTwo() {
        TokenLayout layout = new TokenLayout(32);
        // goal a direct child of the current vertex, which has another child: lookahead 1
        assertThat(InputAnalysis.lookahead(List.of(new Edge(1, 2), new Edge(1, 3)), 1, 2, 2)).isEqualTo(1);
        // the only child: lookahead 0
        assertThat(InputAnalysis.lookahead(List.of(new Edge(1, 2)), 1, 2, 2)).isEqualTo(0);
        // both branches reach the goal's parent at the same level; the correct branch claims it
        List<Edge> diamond = List.of(new Edge(1, 2), new Edge(1, 3), new Edge(2, 4), new Edge(3, 4), new Edge(4, 5));
        assertThat(InputAnalysis.lookahead(diamond, 1, 3, 5)).isEqualTo(new IndependentCheck(32,
                Tokenizer.encode(SearchInput.firstStep(layout, diamond, 1, 5))).lookahead(3));
    }

    @Test
    void groundTruthReachabilityOfTheWorkedExample() {
        GroundTruth truth = new GroundTruth(Tokenizer.decode(new TokenLayout(32), WORKED).edges());
        assertThat(truth.reachableWithin(2, 1)).containsExactly(1, 2, 5, 6, 7);
        assertThat(truth.reachableWithin(2, 2)).containsExactly(1, 2, 3, 4, 5, 6, 7, 8, 9);
        assertThat(truth.reachable(1)).containsExactly(1, 8);
        assertThat(truth.distance(2, 8)).isEqualTo(2);
        assertThat(truth.distance(8, 2)).isEqualTo(-1);
        assertThat(truth.shortestPaths(2, 8)).containsExactly(List.of(2, 1, 8));
    }

    @Property(tries = 300)
    void everyGeneratedInputRoundTrips(@ForAll @IntRange(min = 0, max = 100_000) int seed,
                                       @ForAll @IntRange(min = 0, max = 2) int distribution) {
        TokenLayout layout = new TokenLayout(44);
        GenerationSpec spec = GenerationSpec.training(layout, Distribution.values()[distribution], 6)
                .withMode(GenerationMode.ALL_PREFIXES);
        Example example = new ExampleGenerator(spec, seed).next();
        SearchInput decoded = Tokenizer.decode(layout, example.tokens());
        assertThat(Tokenizer.encode(decoded)).isEqualTo(example.tokens());
        assertThat(decoded.edges()).containsExactlyElementsOf(example.edges());
        assertThat(decoded.current()).isEqualTo(example.current());
    }

    @Test
    void malformedSequencesNameThePositionThatIsWrong() {
        TokenLayout layout = new TokenLayout(32);
        assertPosition(layout, replace(WORKED, 4, 10), 4, "expected an edge's source");
        assertPosition(layout, replace(WORKED, 27, 12), 27, "expected Q");
        assertPosition(layout, replace(WORKED, 31, 5), 31, "must begin with the start 2");
        assertPosition(layout, replace(WORKED, 5, 5), 3, "self-loop");
        assertPosition(layout, replace(WORKED, 30, 2), 30, "expected P");
        assertThatThrownBy(() -> Tokenizer.decode(layout, new int[] {1, 2, 3}))
                .hasMessageContaining("3 tokens but n = 32");
        int[] duplicated = replace(replace(WORKED, 7, 2), 8, 6);
        assertPosition(layout, duplicated, 12, "appears twice");
    }

    @Test
    void aPathThatLeavesTheEdgesIsRejected() {
        TokenLayout layout = new TokenLayout(32);
        int[] tokens = {12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12, 12,
            11, 1, 2, 11, 2, 3, 13, 1, 3, 10, 1, 3};
        assertPosition(layout, tokens, 31, "no such edge");
    }

    @Test
    void encodingAnInputThatDoesNotFitSaysWhy() {
        TokenLayout layout = new TokenLayout(14);
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(1, 3));
        assertThatThrownBy(() -> Tokenizer.encode(new SearchInput(layout, edges, 1, 3, new int[] {1, 2})))
                .hasMessageContaining("needs 15 tokens").hasMessageContaining("takes n = 14");
    }

    private static void assertPosition(TokenLayout layout, int[] tokens, int position, String text) {
        assertThatThrownBy(() -> Tokenizer.decode(layout, tokens))
                .isInstanceOf(MalformedInputException.class)
                .hasMessageContaining(text)
                .satisfies(e -> assertThat(((MalformedInputException) e).position()).isEqualTo(position));
    }

    private static int[] replace(int[] tokens, int at, int value) {
        int[] copy = tokens.clone();
        copy[at] = value;
        return copy;
    }
}
