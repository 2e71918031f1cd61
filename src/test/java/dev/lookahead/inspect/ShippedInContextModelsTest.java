package dev.lookahead.inspect;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.GraphFiles;
import dev.lookahead.search.InContextSets;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.Task;
import dev.lookahead.train.Evaluation;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;

/**
 * The shipped in-context models load from the jar with their task, meet their cards' per-step accuracy on a fast
 * subset of the standard buckets, and make the mistakes their cards show on samples/in-context/backtrack.json
 * (docs/model-card-dfs32.md, docs/model-card-si32.md).
 */
class ShippedInContextModelsTest {
    private static final Path BACKTRACK = Path.of("samples", "in-context", "backtrack.json");

    @Test
    void dfs32WalksTwoStepsTowardsTheGoalThenLeavesItForTheStartsOtherChild() throws Exception {
        assertThat(ModelFiles.shipped(Task.DFS)).containsExactly("dfs32");
        try (SearchModel model = SearchModel.open("dfs32", "cpu")) {
            assertThat(model.task()).isEqualTo(Task.DFS);
            InContextSets.standard(model.config().layout(), Task.DFS, 100).forEach((bucket, examples) ->
                    assertThat(Evaluation.score(model, Evaluation.Rows.ofInContext(examples)).accuracy().value())
                            .as("backtrack " + bucket).isGreaterThanOrEqualTo(bucket.equals("0") ? 0.8 : 0.93));
            SearchGraph graph = GraphFiles.read(BACKTRACK);
            Rollout.Result result = Rollout.run(model, Task.DFS, graph.edges(), graph.start(), graph.goal());
            assertThat(result.steps()).extracting(Rollout.Step::choice).containsExactly(3, 5, 2);
            assertThat(result.firstWrong()).as("at 5 the goal 6 is the only answer").isEqualTo(2);
            assertThat(result.steps().get(2).accepted()).containsExactly(6);
            assertThat(result.stop()).isEqualTo(Rollout.Stop.WRONG);
        }
    }

    @Test
    void si32SelectsTheStartAgainThenExpandsTheBranchTowardsTheGoalInstead() throws Exception {
        assertThat(ModelFiles.shipped(Task.SI)).containsExactly("si32");
        try (SearchModel model = SearchModel.open("si32", "cpu")) {
            assertThat(model.task()).isEqualTo(Task.SI);
            InContextSets.standard(model.config().layout(), Task.SI, 100).forEach((bucket, examples) ->
                    assertThat(Evaluation.score(model, Evaluation.Rows.ofInContext(examples)).accuracy().value())
                            .as("(frontier, branch) " + bucket).isGreaterThanOrEqualTo(0.98));
            SearchGraph graph = GraphFiles.read(BACKTRACK);
            Rollout.Result result = Rollout.run(model, Task.SI, graph.edges(), graph.start(), graph.goal());
            assertThat(result.steps()).extracting(Rollout.Step::kind).containsExactly("inference", "selection", "inference");
            assertThat(result.steps()).extracting(Rollout.Step::choice).containsExactly(3, 1, 5);
            assertThat(result.steps().get(2).accepted()).as("expanding 1, only 2 is left").containsExactly(2);
            assertThat(result.firstWrong()).isEqualTo(2);
        }
    }
}
