package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The in-context generators draw the paper's DFS and selection-inference distributions: histograms of what an input
 * shows lie within a stated total variation distance of those of the paper's own generator, run outside this repository
 * (docs/experiments/in-context-reference/: the numbers and the scripts that drew and counted them).
 */
class InContextDistributionTest {
    private static final Path REFERENCE = Path.of("docs/experiments/in-context-reference/reference-statistics.json");
    private static final TokenLayout LAYOUT = new TokenLayout(32);

    @ParameterizedTest(name = "{0} {1}: {2} draws within {3} of the paper's generator")
    @CsvSource({"dfs,train,20000,0.025", "dfs,1,2000,0.05", "dfs,3,2000,0.05", "si,train,20000,0.025", "si,'1,3',1000,0.07",
            "si,'2,3',1000,0.07"})
    void histogramsMatchThePapersGenerator(String task, String bucket, int count, double tolerance) throws IOException {
        Map<String, Map<Integer, Long>> drawn = new TreeMap<>();
        InContextSets.generate(LAYOUT, choice(task, bucket), count, 2026, Set.of(), example -> count(drawn, example));
        JsonNode reference = Json.MAPPER.readTree(REFERENCE.toFile()).path("statistics").path(task + " " + bucket);
        assertThat(reference.isObject()).as("the reference has %s %s", task, bucket).isTrue();
        for (var quantity : reference.properties()) {
            double distance = Histograms.totalVariation(drawn.get(quantity.getKey()), quantity.getValue());
            assertThat(distance).as("%s: %s against the paper's %s", quantity.getKey(), drawn.get(quantity.getKey()), quantity.getValue())
                    .isLessThanOrEqualTo(tolerance);
        }
    }

    private static InContextSets.Choice choice(String task, String bucket) {
        if (task.equals("dfs")) {
            Integer backtrack = bucket.equals("train") ? null : Integer.valueOf(bucket);
            return new InContextSets.Choice(Task.DFS, backtrack, null, false, null, null);
        }
        if (bucket.equals("train")) return InContextSets.Choice.training(Task.SI);
        String[] sizes = bucket.split(",");
        return new InContextSets.Choice(Task.SI, null, null, false, Integer.valueOf(sizes[0]), Integer.valueOf(sizes[1]));
    }

    /** What the input shows, read from its tokens as count_in_context.py reads the reference's. */
    private static void count(Map<String, Map<Integer, Long>> counts, InContextExample example) {
        int[] t = example.tokens();
        int q = indexOf(t, LAYOUT.queryToken());
        Set<Integer> named = new HashSet<>(Set.of(t[q + 1], t[q + 2]));
        int edges = 0;
        for (int i = 0; i < q; i++) {
            if (t[i] == LAYOUT.edgeToken()) edges++;
            if (t[i] >= 1 && t[i] <= LAYOUT.maxVertex()) named.add(t[i]);
        }
        add(counts, "edges", edges);
        add(counts, "vertices", named.size());
        add(counts, "accepted", example.accepted().length);
        int p = LAYOUT.pathToken();
        int restFrom = q + 4;
        if (example.task() == Task.DFS) {
            int trace = 0;
            for (int i = restFrom; i < t.length; i++) if (t[i] != p) trace++;
            add(counts, "trace", trace);
        } else {
            int visited = 0;
            for (int i = restFrom; i + 2 < t.length; i++) if (t[i] == p && t[i + 1] != p && t[i + 2] != p) visited++;
            add(counts, "visited", visited);
            add(counts, "selection", t[t.length - 1] == p ? 1 : 0);
        }
    }

    private static int indexOf(int[] tokens, int token) {
        for (int i = 0; i < tokens.length; i++) if (tokens[i] == token) return i;
        throw new AssertionError("no token " + token);
    }

    private static void add(Map<String, Map<Integer, Long>> counts, String quantity, int value) {
        counts.computeIfAbsent(quantity, k -> new TreeMap<>()).merge(value, 1L, Long::sum);
    }
}
