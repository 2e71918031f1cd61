package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayDeque;
import java.util.BitSet;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The generator draws the paper's distributions: its histograms lie within a stated total variation
 * distance of those measured on the paper's own generator, run outside this repository
 * (docs/experiments/generator-reference/: the numbers, and the scripts that measured them).
 */
class GeneratorDistributionTest {
    private static final Path REFERENCE = Path.of("docs/experiments/generator-reference/reference-statistics.json");
    private static final List<String> QUANTITIES =
            List.of("vertices", "edges", "start_out_degree", "start_ancestors", "useful_next", "lookahead");

    @ParameterizedTest(name = "{0} at n = {1}: {2} examples within {3} of the paper's generator")
    @CsvSource({"BALANCED,32,20000,0.03", "BALANCED,44,20000,0.03", "NAIVE,32,5000,0.045", "NAIVE,44,5000,0.045"})
    void histogramsMatchThePapersGenerator(Distribution distribution, int n, int count, double tolerance) throws IOException {
        TokenLayout layout = new TokenLayout(n);
        GenerationSpec spec = GenerationSpec.training(layout, distribution, layout.defaultMaxLookahead());
        Map<String, Map<Integer, Long>> drawn = histograms(ExampleSets.generate(spec, count, 2026));
        JsonNode reference = Json.MAPPER.readTree(REFERENCE.toFile()).path("statistics").path(distribution.id() + "-" + n);
        for (String quantity : QUANTITIES) {
            double distance = Histograms.totalVariation(drawn.get(quantity), reference.path(quantity));
            assertThat(distance).as("%s: %s against the paper's %s", quantity, drawn.get(quantity), reference.path(quantity))
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    private static Map<String, Map<Integer, Long>> histograms(List<Example> examples) {
        Map<String, Map<Integer, Long>> counts = new HashMap<>();
        QUANTITIES.forEach(q -> counts.put(q, new TreeMap<>()));
        for (Example example : examples) {
            count(counts, "vertices", namedVertices(example));
            count(counts, "edges", example.edges().size());
            count(counts, "start_out_degree", (int) example.edges().stream().filter(e -> e.from() == example.start()).count());
            count(counts, "start_ancestors", ancestorsOfStart(example));
            count(counts, "useful_next", example.usefulNext().length);
            count(counts, "lookahead", example.lookahead());
        }
        return counts;
    }

    private static void count(Map<String, Map<Integer, Long>> counts, String quantity, int value) {
        counts.get(quantity).merge(value, 1L, Long::sum);
    }

    private static int namedVertices(Example example) {
        BitSet named = new BitSet();
        example.edges().forEach(e -> {
            named.set(e.from());
            named.set(e.to());
        });
        named.set(example.start());
        named.set(example.goal());
        return named.cardinality();
    }

    private static int ancestorsOfStart(Example example) {
        BitSet above = new BitSet();
        ArrayDeque<Integer> frontier = new ArrayDeque<>(List.of(example.start()));
        while (!frontier.isEmpty()) {
            int vertex = frontier.pop();
            for (Edge edge : example.edges()) {
                if (edge.to() == vertex && !above.get(edge.from())) {
                    above.set(edge.from());
                    frontier.push(edge.from());
                }
            }
        }
        return above.cardinality();
    }
}
