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
}
