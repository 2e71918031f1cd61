package dev.lookahead.prefopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The critique's labels on paths written by hand, and a real reward model learning one pair with and without them. */
class RewardModelTest {
    private static final ModelConfig SHAPE = new ModelConfig(20, 2, 4, 1, false, false);
    private static final TokenLayout LAYOUT = SHAPE.layout();
    /** 1 -> 2 -> 3 reaches the goal 3; 1 -> 4 is a dead end. */
    private static final List<Edge> EDGES = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(1, 4));
    private static final int[] PROMPT = Tokenizer.encode(new SearchInput(LAYOUT, EDGES, 1, 3, new int[] {1}));

    @TempDir
    Path dir;

    @Test
    void theFirstWrongStepIsADeadEndANonEdgeAStopOrNothingOnARightPath() {
        assertThat(FirstWrongStep.of(LAYOUT, EDGES, 1, 3, List.of(2, 3))).isEqualTo(FirstWrongStep.NONE);
        assertThat(FirstWrongStep.of(LAYOUT, EDGES, 1, 3, List.of(4))).as("4 cannot reach the goal").isZero();
        assertThat(FirstWrongStep.of(LAYOUT, EDGES, 1, 3, List.of(3))).as("no edge 1 -> 3").isZero();
        assertThat(FirstWrongStep.of(LAYOUT, EDGES, 1, 3, List.of(2))).as("stops before the goal: the missing step").isEqualTo(1);
        assertThat(FirstWrongStep.of(LAYOUT, EDGES, 1, 3, List.of(2, LAYOUT.padToken()))).as("a token that is no vertex").isEqualTo(1);
        assertThat(RewardModel.critiqueTarget(LAYOUT, PROMPT, List.of(2, 3))).isEqualTo(LAYOUT.pathToken());
        assertThat(RewardModel.critiqueTarget(LAYOUT, PROMPT, List.of(4))).isEqualTo(4);
        assertThat(RewardModel.critiqueTarget(LAYOUT, PROMPT, List.of(2, LAYOUT.padToken()))).isEqualTo(LAYOUT.padToken());
    }

    @Test
    void theRewardModelReadsTheWholePathAfterTheQuery() {
        int[] row = RewardModel.encode(LAYOUT, PROMPT, List.of(2, 3, LAYOUT.padToken()));
        SearchInput read = Tokenizer.decode(LAYOUT, row);
        assertThat(read.path()).as("the start and the path's vertices; the stop token is left out").containsExactly(1, 2, 3);
        assertThat(read.edges()).isEqualTo(EDGES);
    }

    private static RewardRun.Pair pair() {
        return new RewardRun.Pair(RewardModel.encode(LAYOUT, PROMPT, List.of(2, 3)), RewardModel.encode(LAYOUT, PROMPT, List.of(4)),
                RewardModel.critiqueTarget(LAYOUT, PROMPT, List.of(2, 3)), RewardModel.critiqueTarget(LAYOUT, PROMPT, List.of(4)));
    }

    @Test
    void bradleyTerryTrainingRanksTheRightPathFirstAndTheCritiqueLearnsWhereTheWrongOneFails() throws Exception {
        RewardRun.Settings plain = new RewardRun.Settings(0, RewardRun.CritiqueSchedule.LINEAR, 40, 1, 1e-2f, 1, 0f, 1f, 3, 1_000_000);
        try (RewardRun run = RewardRun.open(plain, dir.resolve("plain"), SearchModel.create(SHAPE, Device.cpu(), 4), List.of(pair()), m -> Map.of())) {
            while (!run.finished()) run.trainStep();
            List<RewardModel.Reading> r = RewardModel.read(run.model(), new int[][] {pair().chosen(), pair().rejected()});
            assertThat(r.get(0).reward()).isGreaterThan(r.get(1).reward() + 1);
        }
        RewardRun.Settings critiques = new RewardRun.Settings(0.5, RewardRun.CritiqueSchedule.CONSTANT, 60, 1, 1e-2f, 1, 0f, 1f, 3, 1_000_000);
        try (RewardRun run = RewardRun.open(critiques, dir.resolve("critiques"), SearchModel.create(SHAPE, Device.cpu(), 4), List.of(pair()), m -> Map.of())) {
            while (!run.finished()) run.trainStep();
            List<RewardModel.Reading> r = RewardModel.read(run.model(), new int[][] {pair().chosen(), pair().rejected()});
            assertThat(r.get(0).critique()).as("no step wrong").isEqualTo(LAYOUT.pathToken());
            assertThat(r.get(1).critique()).as("the dead end 4").isEqualTo(4);
            assertThat(r.get(0).reward()).isGreaterThan(r.get(1).reward());
        }
    }

    @Test
    void theCritiquesWeightFallsLinearlyToZeroAtTheLastStep() throws Exception {
        RewardRun.Settings linear = new RewardRun.Settings(0.8, RewardRun.CritiqueSchedule.LINEAR, 10, 1, 1e-3f, 1, 0f, 1f, 3, 1_000_000);
        try (RewardRun run = RewardRun.open(linear, dir.resolve("linear"), SearchModel.create(SHAPE, Device.cpu(), 4), List.of(pair()), m -> Map.of())) {
            assertThat(run.critiqueWeightAt(0)).isEqualTo(0.8);
            assertThat(run.critiqueWeightAt(5)).isCloseTo(0.4, within(1e-12));
            assertThat(run.critiqueWeightAt(10)).isZero();
        }
    }
}
