package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.model.SearchModel;
import dev.lookahead.stats.Proportion;
import java.util.Map;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/** The shipped default model meets its bar on a fast subset of the standard test sets. */
class ShippedModelTest {
    @Test
    void theDefaultModelSearches() throws Exception {
        Assumptions.assumeTrue(ShippedModelTest.class.getResource("/models/default/weights.bin") != null,
                "no default model is shipped yet (resources/models/default): training is in progress");
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            var layout = model.config().layout();
            Map<String, Proportion> accuracy = Evaluation.accuracy(model,
                    EvaluationSets.standard(layout, layout.defaultMaxLookahead(), 200, EvaluationSets.STANDARD_SEED));
            accuracy.forEach((bucket, p) -> assertThat(p.value()).as("accuracy on %s: %s", bucket, p).isGreaterThanOrEqualTo(0.97));
        }
    }
}
