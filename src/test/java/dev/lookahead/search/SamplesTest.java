package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/** The graphs in samples/ open cleanly, fit the default model and show what samples/README.md says. */
class SamplesTest {
    private static final Path SAMPLES = Path.of("samples");
    private static final Map<String, Integer> LOOKAHEAD = Map.of(
            "chain.json", 0, "star.json", 2, "worked-example.json", 2, "balanced-lookahead-4.json", 4,
            "a-wrong-prediction.json", 4);

    @Test
    void everyTopLevelSampleFitsTheDefaultModelAndIsDescribed() throws IOException {
        String readme = Files.readString(SAMPLES.resolve("README.md"));
        List<Path> samples;
        try (Stream<Path> files = Files.list(SAMPLES)) {
            samples = files.filter(p -> p.toString().endsWith(".json")).toList();
        }
        assertThat(samples).hasSizeGreaterThanOrEqualTo(4);
        TokenLayout layout = new TokenLayout(32);
        for (Path sample : samples) {
            SearchGraph graph = GraphFiles.read(sample);
            String name = sample.getFileName().toString();
            assertThat(graph.whyNotFor(layout)).as(name).isEmpty();
            assertThat(readme).as("samples/README.md describes " + name).contains("`" + name + "`");
            InputAnalysis analysis = InputAnalysis.of(graph.toInput(layout), null);
            if (LOOKAHEAD.containsKey(name)) assertThat(analysis.lookahead()).as(name).isEqualTo(LOOKAHEAD.get(name));
        }
    }
}
