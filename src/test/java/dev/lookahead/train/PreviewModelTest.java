package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.interp.ReachabilityProbes;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.stats.Proportion;
import java.util.Map;
import org.junit.jupiter.api.Test;

/**
 * The shipped n32-preview - the default model's training run at 22 million examples - loads from the
 * jar with its probes and searches far above chance at every lookahead (the model card states its
 * exact accuracy, below the default model's 0.99 bar).
 */
class PreviewModelTest {
    @Test
    void thePreviewModelLoadsWithItsProbesAndSearchesWellAboveChance() throws Exception {
        assertThat(ModelFiles.isShipped("n32-preview")).isTrue();
        try (SearchModel model = SearchModel.open("n32-preview", "cpu")) {
            assertThat(model.config().n()).isEqualTo(32);
            assertThat(ReachabilityProbes.forModel("n32-preview")).isPresent();
            Map<String, Proportion> accuracy = Evaluation.accuracy(model,
                    EvaluationSets.standard(model.config().layout(), 4, 200, EvaluationSets.STANDARD_SEED));
            // chance is at most 0.5 at lookahead 2..4 (two branches or more)
            accuracy.forEach((bucket, p) -> assertThat(p.value()).as("accuracy on %s", bucket).isGreaterThan(0.85));
        }
    }
}
