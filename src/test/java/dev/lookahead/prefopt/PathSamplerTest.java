package dev.lookahead.prefopt;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

/** Whole paths sampled from a real (untrained) model: their log-probabilities are the model's own, step by step. */
class PathSamplerTest {
    private static final List<Edge> EDGES = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(1, 4));

    @Test
    void aSamplesLogProbabilityIsTheSumOfTheModelsStepProbabilitiesAndItsVerdictTheVerifiers() {
        try (SearchModel model = SearchModel.create(new ModelConfig(20, 1, 4, 1, false, false), Device.cpu(), 5)) {
            PathSampler sampler = new PathSampler(model, new PathSampler.Settings(6, 1.0, 1.0));
            List<PathSample> samples = sampler.sample(EDGES, 1, 3, new SplittableRandom(3));
            assertThat(samples).hasSize(6);
            for (PathSample s : samples) {
                double direct = 0;
                List<Integer> prefix = new ArrayList<>(List.of(1));
                for (int token : s.path()) {
                    int[] input = Tokenizer.encode(new SearchInput(model.config().layout(), EDGES, 1, 3,
                            prefix.stream().mapToInt(Integer::intValue).toArray()));
                    direct += Math.log(model.probabilities(new int[][] {input})[0][token]);
                    prefix.add(token);
                }
                assertThat(s.logprob()).isCloseTo(direct, org.assertj.core.data.Offset.offset(1e-4));
                assertThat(s.correct()).isEqualTo(Verifier.reachesGoal(EDGES, 1, 3, s.path()));
                assertThat(s.answer()).isEqualTo(PathSample.answerOf(s.path()));
            }
        }
    }

    @Test
    void aTinyTopPLeavesOnlyTheMostLikelyTokenAndTheVerifierWantsEdgesToTheGoal() {
        try (SearchModel model = SearchModel.create(new ModelConfig(20, 1, 4, 1, false, false), Device.cpu(), 5)) {
            PathSampler sampler = new PathSampler(model, new PathSampler.Settings(1, 0.7, 1e-6));
            float[] p = {0.1f, 0.5f, 0.4f};
            for (int i = 0; i < 20; i++) assertThat(sampler.draw(p, new SplittableRandom(i))).isEqualTo(1);
        }
        assertThat(Verifier.reachesGoal(EDGES, 1, 3, List.of(2, 3))).isTrue();
        assertThat(Verifier.reachesGoal(EDGES, 1, 3, List.of(3))).as("no edge 1 -> 3").isFalse();
        assertThat(Verifier.reachesGoal(EDGES, 1, 3, List.of(2))).as("stops short of the goal").isFalse();
    }
}
