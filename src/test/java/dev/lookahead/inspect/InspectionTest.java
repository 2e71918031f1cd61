package dev.lookahead.inspect;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.SearchInput;
import java.nio.file.Path;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** One model run on one graph, as the Explorer, the commands and the figures all read it. */
class InspectionTest {

    @Test
    void aHeldSetIsComparedWithTheTruthVertexByVertex() {
        SetComparison c = SetComparison.of(Set.of(1, 2, 5), Set.of(1, 2, 3));
        assertThat(c.agree()).containsExactly(1, 2);
        assertThat(c.missed()).containsExactly(3);
        assertThat(c.extra()).containsExactly(5);
        assertThat(c.marks()).containsExactly(java.util.Map.entry(1, SetComparison.Mark.AGREE), java.util.Map.entry(2, SetComparison.Mark.AGREE),
                java.util.Map.entry(3, SetComparison.Mark.MISSED), java.util.Map.entry(5, SetComparison.Mark.EXTRA));
    }

    @Test
    void theFactsOfAGraphAreItsUsefulNextStepsLookaheadAndReachableSets() {
        // 1 -> 2 -> 3 -> 4 and 1 -> 5 -> 6: from 1 towards 4 the useful step is 2, three steps before the goal is seen
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(3, 4), new Edge(1, 5), new Edge(5, 6));
        GraphFacts facts = GraphFacts.of(edges, 1, 4);
        assertThat(facts.usefulNext()).containsExactly(2);
        assertThat(facts.useful(2)).isTrue();
        assertThat(facts.useful(5)).isFalse();
        assertThat(facts.reachableAfterLayer(1, 0)).containsExactly(1, 2, 5);
        assertThat(facts.reachableAfterLayer(1, 1)).containsExactly(1, 2, 3, 5, 6);
        assertThat(GraphFacts.of(edges, 5, 4).lookahead()).as("the goal out of reach").isEqualTo(-1);
    }

    @Test
    void theShippedModelsFirstLookAndTraceAgreeOnTheWorkedExample() throws Exception {
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            Inspector inspector = Inspector.of(model, ReachabilityProbes.forModel("default").orElse(null));
            SearchInput input = GraphFiles.read(Path.of("samples/worked-example.json")).toInput(model.config().layout());
            Inspection look = inspector.look(input);
            assertThat(look.correct()).as("the shipped model solves the worked example").isTrue();
            assertThat(look.traced()).isFalse();
            assertThat(look.sets()).as("the probes' estimate, before any trace").hasSize(model.config().layers() + 1);

            Inspection traced = inspector.trace(look, () -> false, share -> { });
            assertThat(traced.traced()).isTrue();
            assertThat(traced.trace().explained()).isTrue();
            int last = traced.tokens().length - 1;
            int lastLayer = model.config().layers();
            Set<Integer> heldByLast = traced.trace().layers().get(lastLayer).get(last);
            assertThat(heldByLast).as("the last token's traced set holds the goal's side of the search").isNotEmpty();
            SetComparison start = traced.compare(0, input.start());
            assertThat(start.agree()).as("in the embedding the start's tokens hold its out-neighbours").isNotEmpty();
            assertThatThrownBy(() -> inspector.look(GraphFiles.read(Path.of("samples/worked-example.json")).toInput(
                    new dev.lookahead.search.TokenLayout(48)))).hasMessageContaining("reads n = 32");
        }
    }
}
