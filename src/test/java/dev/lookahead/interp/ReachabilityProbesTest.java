package dev.lookahead.interp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReachabilityProbesTest {
    @TempDir
    Path dir;

    @Test
    void probesBeatTheMajorityBaselineAndSurviveASaveAndLoad() throws Exception {
        ModelConfig config = new ModelConfig(23, 2, 8, 1, false, false);
        try (SearchModel model = SearchModel.create(config, Device.cpu(), 2)) {
            var spec = GenerationSpec.training(config.layout(), Distribution.BALANCED, 2);
            List<Example> training = ExampleSets.generate(spec, 200, 11);
            List<Example> test = ExampleSets.generate(spec, 60, 12);
            ReachabilityProbes probes = ReachabilityProbes.train(model, training, 4, 1, () -> false);
            List<ReachabilityProbes.Score> scores = probes.evaluate(model, test);
            assertThat(scores).hasSize(3);
            // the embedding names the token's own vertex, which always reaches itself: a linear probe must find that
            assertThat(scores.get(0).accuracy()).isGreaterThan(scores.get(0).majorityAccuracy());
            assertThat(scores.get(0).alwaysReachableF1()).as("a baseline on the F1 scale").isBetween(0.0, 1.0);
            probes.save(dir);
            ReachabilityProbes loaded = ReachabilityProbes.load(dir);
            float[] state = new float[config.width()];
            state[3] = 1;
            assertThat(loaded.reachability(1, state)).containsExactly(probes.reachability(1, state));
        }
    }

    @Test
    void theProbesEstimateRingsOnlyTheGraphsVerticesAndNamesTheIdsItClaimsBesides() throws Exception {
        // a four-vertex graph for the default model: its probes were trained on graphs with up to nine vertices
        int[] tokens = dev.lookahead.search.Tokenizer.encode(dev.lookahead.search.GraphFiles.read(Path.of("samples/chain.json"))
                .toInput(new dev.lookahead.search.TokenLayout(32)));
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            ReachabilityProbes probes = ReachabilityProbes.forModel("default").orElseThrow();
            ReachabilityProbes.Estimate estimate = probes.estimate(model.capture(tokens), tokens, model.config().layout());
            java.util.Set<Integer> present = new java.util.HashSet<>();
            for (int token : tokens) if (model.config().layout().isVertex(token)) present.add(token);
            assertThat(estimate.sets()).hasSize(model.config().layers() + 1);
            for (var layer : estimate.sets()) layer.values().forEach(set -> assertThat(present).containsAll(set));
            for (var layer : estimate.absent()) layer.values().forEach(set -> assertThat(set).doesNotContainAnyElementsOf(present).isNotEmpty());
            assertThat(estimate.absent().stream().mapToInt(java.util.Map::size).sum())
                    .as("token positions whose probe claims an id the graph lacks (the reason for the split)").isPositive();
        }
    }
}
