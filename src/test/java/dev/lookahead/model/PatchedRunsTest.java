package dev.lookahead.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.lookahead.model.PatchedRuns.Patch;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The fast read-out of patched passes against re-running every later block in full. */
class PatchedRunsTest {
    private static final int N = 17;

    private static int[] tokens() {
        // two edges at n = 17 leave padding in front, which the mask hides
        return Tokenizer.encode(SearchInput.firstStep(new TokenLayout(N), List.of(new Edge(1, 2), new Edge(2, 3)), 1, 3));
    }

    /** Zeroing and raising a spread of entries in every row of the layer. */
    private static List<Patch> patches(float[][] pattern) {
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            for (int j = i % 3; j < N; j += 3) {
                patches.add(new Patch(i, j, 0f));
                patches.add(new Patch(i, j, Math.min(1f, pattern[i][j] + 0.5f)));
            }
        }
        return patches;
    }

    private static void readsAsTheFullRerunDoes(boolean causal) {
        ModelConfig config = new ModelConfig(N, 4, 4, 1, false, causal);
        try (SearchModel model = SearchModel.create(config, Device.cpu(), 5, Initialization.PYTORCH);
             PatchedRuns runs = new PatchedRuns(model, tokens())) {
            int last = N - 1;
            int top = config.layers() - 1;
            int coordinate = 2;
            int[] sources = {0, 5, last};
            for (int layer = 0; layer <= top; layer++) {
                List<Patch> patches = patches(runs.pattern(layer));
                PatchedRuns.Reading reading = runs.read(layer, patches, last, coordinate, sources);
                float[] full = runs.residualAfter(layer, patches, last, coordinate);
                for (int b = 0; b < patches.size(); b++) assertThat(reading.output()[b]).as("output under %s", patches.get(b)).isCloseTo(full[b], within(1e-4f));
                if (layer == top) continue;
                for (int s = 0; s < sources.length; s++) {
                    float[][] scores = runs.scoreAfter(layer, patches, top, last, sources[s]);
                    for (int b = 0; b < patches.size(); b++) {
                        assertThat(reading.scores()[s][b][0]).as("destination side under %s", patches.get(b)).isCloseTo(scores[b][0], within(1e-4f));
                        assertThat(reading.scores()[s][b][1]).as("source side under %s", patches.get(b)).isCloseTo(scores[b][1], within(1e-4f));
                    }
                }
            }
        }
    }

    @Test
    void patchedPassesReadTheSameOutputAndScoresAsRerunningEveryLaterBlock() {
        readsAsTheFullRerunDoes(false);
    }

    @Test
    void soDoTheyInACausalModel() {
        readsAsTheFullRerunDoes(true);
    }

    @Test
    void aPatchOfTheLastLayerOutsideTheReadRowLeavesTheOutputClean() {
        ModelConfig config = new ModelConfig(N, 2, 4, 1, false, false);
        try (SearchModel model = SearchModel.create(config, Device.cpu(), 5, Initialization.PYTORCH);
             PatchedRuns runs = new PatchedRuns(model, tokens())) {
            PatchedRuns.Reading reading = runs.read(1, List.of(new Patch(3, 4, 1f)), N - 1, 2, new int[0]);
            assertThat(reading.output()[0]).isEqualTo(runs.finalResidual(N - 1, 2));
        }
    }
}
