package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.Tokenizer;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The shipped default model loads from the jar with its probes and meets its bar on a fast subset of the standard test sets. */
class ShippedModelTest {
    @Test
    void theDefaultModelSearches() throws Exception {
        assertThat(ModelFiles.shipped()).startsWith("default");
        assertThat(ReachabilityProbes.forModel("default")).isPresent();
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            var layout = model.config().layout();
            assertThat(model.config().n()).isEqualTo(32);
            Map<String, Proportion> accuracy = Evaluation.accuracy(model,
                    EvaluationSets.standard(layout, layout.defaultMaxLookahead(), 200, EvaluationSets.STANDARD_SEED));
            accuracy.forEach((bucket, p) -> assertThat(p.value()).as("accuracy on %s: %s", bucket, p).isGreaterThanOrEqualTo(0.97));

            // the sample that shows a wrong prediction stays wrong for this model (samples/README.md says so)
            var graph = GraphFiles.read(Path.of("samples", "a-wrong-prediction.json"));
            int[] tokens = Tokenizer.encode(graph.toInput(layout));
            assertThat(model.predict(new int[][] {tokens})[0]).isEqualTo(2);
        }
    }

    @Test
    void thePathPolicyWritesWholePathsAtLookaheadTwoWhereTheDefaultModelAlmostNeverDoes() throws Exception {
        var layout = new dev.lookahead.search.TokenLayout(32);
        var spec = dev.lookahead.search.GenerationSpec.training(layout, dev.lookahead.search.Distribution.BALANCED, 4).withFixedLookahead(2);
        var generator = new dev.lookahead.search.ExampleGenerator(spec, 5);
        java.util.List<dev.lookahead.search.Example> problems = new java.util.ArrayList<>();
        while (problems.size() < 60) {
            var e = generator.next();
            var shortest = new dev.lookahead.search.GroundTruth(e.edges()).shortestPaths(e.start(), e.goal()).get(0);
            if (3 * e.edges().size() + 4 + shortest.size() <= 32) problems.add(e);
        }
        var greedy = new dev.lookahead.prefopt.PathSampler.Settings(1, 1.0, 1e-6);
        try (SearchModel paths = SearchModel.open("n32-paths", "cpu"); SearchModel first = SearchModel.open("default", "cpu")) {
            int[] right = new int[2];
            for (var e : problems) {
                var random = new java.util.SplittableRandom(1);
                right[0] += new dev.lookahead.prefopt.PathSampler(paths, greedy).sample(e.edges(), e.start(), e.goal(), random).get(0).correct() ? 1 : 0;
                right[1] += new dev.lookahead.prefopt.PathSampler(first, greedy).sample(e.edges(), e.start(), e.goal(), random).get(0).correct() ? 1 : 0;
            }
            // docs/model-card-n32-paths.md: 0.46 against 0.02 on 131 such problems
            assertThat(right[0]).as("n32-paths, of 60").isBetween(18, 40);
            assertThat(right[1]).as("default, of 60").isLessThan(6);
        }
    }
}
