package dev.lookahead.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.search.Distribution;
import dev.lookahead.search.Edge;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.TokenLayout;
import java.util.List;
import org.junit.jupiter.api.Test;

class LayeredLayoutTest {
    @Test
    void everyEdgePointsDownAndLayersKeepUnitGaps() {
        TokenLayout layout = new TokenLayout(44);
        for (Example example : ExampleSets.generate(GenerationSpec.training(layout, Distribution.BALANCED, 6), 200, 3)) {
            LayeredLayout.Result result = LayeredLayout.layout(List.of(), example.edges());
            for (Edge e : example.edges()) {
                assertThat(result.positions().get(e.from()).y()).isLessThan(result.positions().get(e.to()).y());
            }
            var byLayer = result.positions().values().stream().collect(java.util.stream.Collectors.groupingBy(
                    LayeredLayout.Point::y, java.util.stream.Collectors.mapping(LayeredLayout.Point::x, java.util.stream.Collectors.toList())));
            for (List<Double> xs : byLayer.values()) {
                List<Double> sorted = xs.stream().sorted().toList();
                for (int i = 1; i < sorted.size(); i++) assertThat(sorted.get(i) - sorted.get(i - 1)).isGreaterThanOrEqualTo(1 - 1e-9);
            }
            assertThat(result.routes()).hasSize(example.edges().size());
        }
    }

    @Test
    void sameGraphSameDrawing() {
        List<Edge> edges = List.of(new Edge(5, 9), new Edge(6, 3), new Edge(7, 4), new Edge(2, 6),
                new Edge(2, 1), new Edge(2, 5), new Edge(2, 7), new Edge(1, 8));
        assertThat(LayeredLayout.layout(List.of(), edges)).isEqualTo(LayeredLayout.layout(List.of(), edges));
    }

    @Test
    void aTreeIsDrawnWithoutCrossings() {
        // children listed in an order that crosses unless the sweep reorders them
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(1, 3), new Edge(3, 4), new Edge(2, 5), new Edge(3, 6), new Edge(2, 7));
        LayeredLayout.Result result = LayeredLayout.layout(List.of(), edges);
        for (Edge a : edges) {
            for (Edge b : edges) {
                if (result.positions().get(a.from()).y() != result.positions().get(b.from()).y()) continue;
                double top = result.positions().get(a.from()).x() - result.positions().get(b.from()).x();
                double bottom = result.positions().get(a.to()).x() - result.positions().get(b.to()).x();
                assertThat(top * bottom).as("edges %d->%d and %d->%d cross", a.from(), a.to(), b.from(), b.to()).isGreaterThanOrEqualTo(0);
            }
        }
    }

    @Test
    void keepOrderPoolsViolatorsAndKeepsGaps() {
        assertThat(LayeredLayout.keepOrder(new double[] {0, 0, 0})).containsExactly(-1, 0, 1);
        assertThat(LayeredLayout.keepOrder(new double[] {0, 5})).containsExactly(0, 5);
    }

    @Test
    void aCycleIsRefused() {
        assertThatThrownBy(() -> LayeredLayout.layout(List.of(), List.of(new Edge(1, 2), new Edge(2, 1))))
                .hasMessageContaining("acyclic");
    }
}
