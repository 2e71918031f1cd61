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
            probes.save(dir);
            ReachabilityProbes loaded = ReachabilityProbes.load(dir);
            float[] state = new float[config.width()];
            state[3] = 1;
            assertThat(loaded.reachability(1, state)).containsExactly(probes.reachability(1, state));
        }
    }
}
