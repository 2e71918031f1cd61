package dev.lookahead.interp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Tracing the shipped default model: its predictions on hard test examples are explained by their
 * traced circuits and its final sets hold only vertices on a path through their token's vertex, while
 * the same architecture untrained is explained less often.
 */
class ShippedTracingTest {
    @Test
    void theTrainedModelIsExplainedOnHardExamplesAndAnUntrainedOneLessOften() throws Exception {
        try (SearchModel trained = SearchModel.open("default", "cpu");
             SearchModel untrained = SearchModel.create(trained.config(), Device.cpu(), 11)) {
            var sets = EvaluationSets.standard(trained.config().layout(), 4, 2, EvaluationSets.STANDARD_SEED);
            List<Example> hard = new ArrayList<>(sets.get("3"));
            hard.addAll(sets.get("4"));
            int trainedExplained = 0;
            int untrainedExplained = 0;
            double finalPathPrecision = 0;
            for (Example example : hard) {
                Trace trace = new CircuitTracer(trained).trace(example.tokens(), () -> false);
                if (trace.explained()) {
                    trainedExplained++;
                    var input = Tokenizer.decode(trained.config().layout(), example.tokens());
                    finalPathPrecision += SetScores.of(trace, input, example.tokens()).getLast().pathPrecision();
                }
                if (new CircuitTracer(untrained).trace(example.tokens(), () -> false).explained()) untrainedExplained++;
            }
            assertThat(trainedExplained).as("explained of %d lookahead-3 and -4 examples", hard.size()).isGreaterThanOrEqualTo(3);
            assertThat(untrainedExplained).isLessThan(trainedExplained);
            // its final sets hold only vertices on paths through their tokens' vertices (docs/tracing.md: 1.00 on 40 examples)
            assertThat(finalPathPrecision / trainedExplained).isGreaterThanOrEqualTo(0.9);
        }
    }

    @Test
    void tracingOnEveryCoreFindsExactlyWhatTracingOnOneFinds() throws Exception {
        try (SearchModel trained = SearchModel.open("default", "cpu")) {
            Example example = EvaluationSets.standard(trained.config().layout(), 4, 1, EvaluationSets.STANDARD_SEED).get("2").get(0);
            Trace one = new CircuitTracer(trained).usingThreads(1).trace(example.tokens(), () -> false);
            Trace all = new CircuitTracer(trained).usingThreads(2).trace(example.tokens(), () -> false);
            assertThat(all.explained()).isEqualTo(one.explained());
            assertThat(all.layers()).isEqualTo(one.layers());
            assertThat(all.operations()).usingRecursiveFieldByFieldElementComparatorIgnoringFields("weight")
                    .containsExactlyElementsOf(one.operations());
            for (int i = 0; i < one.operations().size(); i++) {
                assertThat(all.operations().get(i).weight()).isCloseTo(one.operations().get(i).weight(), org.assertj.core.data.Offset.offset(1e-4));
            }
        }
    }
}
