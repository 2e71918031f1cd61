package dev.lookahead.figures;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.Edge;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ForceLayoutTest {
    @Test
    void theSameGraphAlwaysSettlesTheSameWayWithNeighboursCloseAndNobodyOnTopOfAnother() {
        // a star of three spokes of length 2 around vertex 1, every vertex starting on one spot
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(1, 4), new Edge(4, 5), new Edge(1, 6), new Edge(6, 7));
        Map<Integer, LayeredLayout.Point> start = new HashMap<>();
        for (int v = 1; v <= 7; v++) start.put(v, new LayeredLayout.Point(100, 100));
        Map<Integer, LayeredLayout.Point> first = ForceLayout.layout(start, edges, 90);
        assertThat(ForceLayout.layout(start, edges, 90)).isEqualTo(first);

        double neighbours = 0;
        double others = 0;
        int neighbourPairs = 0;
        int otherPairs = 0;
        for (int a = 1; a <= 7; a++) {
            for (int b = a + 1; b <= 7; b++) {
                double d = Math.hypot(first.get(a).x() - first.get(b).x(), first.get(a).y() - first.get(b).y());
                assertThat(d).as("vertices %d and %d apart", a, b).isGreaterThan(30);
                int x = a;
                int y = b;
                if (edges.stream().anyMatch(e -> (e.from() == x && e.to() == y) || (e.from() == y && e.to() == x))) {
                    neighbours += d;
                    neighbourPairs++;
                } else {
                    others += d;
                    otherPairs++;
                }
            }
        }
        assertThat(neighbours / neighbourPairs).isLessThan(others / otherPairs);
        // centred where it started
        double cx = first.values().stream().mapToDouble(LayeredLayout.Point::x).average().orElseThrow();
        assertThat(cx).isCloseTo(100, org.assertj.core.data.Offset.offset(1e-6));
    }
}
