package dev.lookahead.figures;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.search.Distribution;
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
            for (int[] e : example.edges()) {
                assertThat(result.positions().get(e[0]).y()).isLessThan(result.positions().get(e[1]).y());
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
        List<int[]> edges = List.of(new int[] {5, 9}, new int[] {6, 3}, new int[] {7, 4}, new int[] {2, 6},
                new int[] {2, 1}, new int[] {2, 5}, new int[] {2, 7}, new int[] {1, 8});
        assertThat(LayeredLayout.layout(List.of(), edges)).isEqualTo(LayeredLayout.layout(List.of(), edges));
    }

    @Test
    void aTreeIsDrawnWithoutCrossings() {
        // children listed in an order that crosses unless the sweep reorders them
        List<int[]> edges = List.of(new int[] {1, 2}, new int[] {1, 3}, new int[] {3, 4}, new int[] {2, 5}, new int[] {3, 6}, new int[] {2, 7});
        LayeredLayout.Result result = LayeredLayout.layout(List.of(), edges);
        for (int[] a : edges) {
            for (int[] b : edges) {
                if (result.positions().get(a[0]).y() != result.positions().get(b[0]).y()) continue;
                double top = result.positions().get(a[0]).x() - result.positions().get(b[0]).x();
                double bottom = result.positions().get(a[1]).x() - result.positions().get(b[1]).x();
                assertThat(top * bottom).as("edges %d->%d and %d->%d cross", a[0], a[1], b[0], b[1]).isGreaterThanOrEqualTo(0);
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
        assertThatThrownBy(() -> LayeredLayout.layout(List.of(), List.of(new int[] {1, 2}, new int[] {2, 1})))
                .hasMessageContaining("acyclic");
    }
}
