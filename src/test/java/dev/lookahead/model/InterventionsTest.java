package dev.lookahead.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Interventions on the shipped model: the empty plan is the model itself, and each intervention does what it names. */
class InterventionsTest {
    private static List<int[]> inputs(SearchModel model, int count) {
        var layout = model.config().layout();
        return ExampleSets.generate(GenerationSpec.training(layout, Distribution.BALANCED, 4), count, 11).stream().map(Example::tokens).toList();
    }

    private static int paddedPositions(SearchModel model, int[] tokens) {
        int pad = 0;
        for (int t : tokens) if (t == model.config().layout().padToken()) pad++;
        return pad;
    }

    @Test
    void anEmptyPlanGivesExactlyWhatTheModelPredicts() throws Exception {
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            Interventions interventions = new Interventions(model, List.of());
            for (int[] tokens : inputs(model, 5)) {
                assertThat(interventions.run(tokens, Interventions.Plan.none()).probabilities()).containsExactly(model.probabilities(new int[][] {tokens})[0]);
            }
        }
    }

    @Test
    void patchingEveryPositionFromAnotherInputGivesThatInputsOutputAtAnyLayer() throws Exception {
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            List<int[]> pair = inputs(model, 40);
            int[] input = pair.get(0);
            int[] other = pair.stream().filter(t -> paddedPositions(model, t) != paddedPositions(model, input)).findFirst().orElseThrow();
            float[] expected = model.probabilities(new int[][] {other})[0];
            Interventions interventions = new Interventions(model, List.of());
            for (int layer : new int[] {0, 3, model.config().layers()}) {
                float[] patched = interventions.run(input, new Interventions.Plan(List.of(), List.of(), new Interventions.Patch(layer, null, other)))
                        .probabilities();
                for (int t = 0; t < expected.length; t++) assertThat(patched[t]).as("layer %d, token %d", layer, t).isCloseTo(expected[t],
                        org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
    }

    @Test
    void aMeanAblationOverTheInputItselfChangesNothingAndOverOthersItDoes() throws Exception {
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            List<int[]> all = inputs(model, 8);
            int[] input = all.get(0);
            float[] clean = model.probabilities(new int[][] {input})[0];
            var everyBlock = new java.util.ArrayList<Interventions.Ablation>();
            for (int l = 0; l < model.config().layers(); l++) {
                everyBlock.add(new Interventions.Ablation(l, Interventions.Part.ATTENTION, true));
                everyBlock.add(new Interventions.Ablation(l, Interventions.Part.FEED_FORWARD, true));
            }
            Interventions.Plan plan = new Interventions.Plan(List.of(), everyBlock, null);
            float[] self = new Interventions(model, List.of(input)).run(input, plan).probabilities();
            for (int t = 0; t < clean.length; t++) assertThat(self[t]).isCloseTo(clean[t], org.assertj.core.data.Offset.offset(1e-5f));
            float[] others = new Interventions(model, all.subList(1, all.size())).run(input, plan).probabilities();
            assertThat(others).isNotEqualTo(clean);
        }
    }

    @Test
    void knockingOutAPaddedKeyChangesNothingAndKnockingOutWhatTheLastTokenReadsChangesItsOutput() throws Exception {
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            int[] input = inputs(model, 1).get(0);
            int last = input.length - 1;
            assertThat(input[0]).as("the input is padded in front").isEqualTo(model.config().layout().padToken());
            float[] clean = model.probabilities(new int[][] {input})[0];
            Interventions interventions = new Interventions(model, List.of());
            float[] padded = interventions.run(input, new Interventions.Plan(List.of(new Interventions.Knockout(2, 0, last)), List.of(), null))
                    .probabilities();
            assertThat(padded).containsExactly(clean);
            int layer = model.config().layers() - 1;
            float[][] pattern = SearchModel.attentionPatterns(model.capture(input), model.config())[layer][0];
            int strongest = SearchModel.argMax(pattern[last]);
            float[] knocked = interventions.run(input, new Interventions.Plan(List.of(new Interventions.Knockout(layer, strongest, last)), List.of(),
                    null)).probabilities();
            assertThat(knocked).isNotEqualTo(clean);
        }
    }

    @Test
    void aPlanOutsideTheModelIsRefusedWithWhatIsAllowed() throws Exception {
        try (SearchModel model = SearchModel.open("default", "cpu")) {
            int[] input = inputs(model, 1).get(0);
            Interventions interventions = new Interventions(model, List.of());
            assertThatThrownBy(() -> interventions.run(input, new Interventions.Plan(List.of(new Interventions.Knockout(99, 0, 1)), List.of(), null)))
                    .hasMessageContaining("layer 99 is outside 0..");
            assertThatThrownBy(() -> interventions.run(input, new Interventions.Plan(List.of(), List.of(new Interventions.Ablation(0,
                    Interventions.Part.FEED_FORWARD, true)), null))).hasMessageContaining("needs reference inputs");
        }
    }
}
