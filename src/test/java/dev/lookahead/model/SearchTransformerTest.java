package dev.lookahead.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.TokenLayout;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SearchTransformerTest {
    private static final ModelConfig SMALL = new ModelConfig(32, 2, 16, 1, false, false);

    private static int[][] inputs(int count) {
        TokenLayout layout = new TokenLayout(32);
        return ExampleSets.generate(GenerationSpec.training(layout, Distribution.BALANCED, 4), count, 5).stream()
                .map(Example::tokens).toArray(int[][]::new);
    }

    @Test
    void attentionRowsSumToOneAndPaddedKeysGetNothing() {
        int[] tokens = inputs(1)[0];
        int pad = SMALL.layout().padToken();
        try (SearchModel model = SearchModel.create(new ModelConfig(32, 2, 16, 2, false, false), Device.cpu(), 3)) {
            Map<String, Tensor> captured = model.capture(tokens);
            for (int layer = 0; layer < 2; layer++) {
                Tensor pattern = captured.get(ActivationNames.pattern(layer));
                assertThat(pattern.shape()).containsExactly(1, 2, 32, 32);
                for (int head = 0; head < 2; head++) {
                    for (int query = 0; query < 32; query++) {
                        double sum = 0;
                        for (int key = 0; key < 32; key++) {
                            float weight = pattern.get(0, head, query, key);
                            if (tokens[key] == pad) assertThat(weight).isZero();
                            sum += weight;
                        }
                        assertThat(sum).isCloseTo(1.0, within(1e-5));
                    }
                }
            }
            assertThat(captured).containsKeys(ActivationNames.residPre(0), ActivationNames.ln1Normalized(1),
                    ActivationNames.residMid(1), ActivationNames.mlpOut(0), ActivationNames.residPost(1),
                    ActivationNames.LOGITS, ActivationNames.PROBABILITIES);
        }
    }

    @Test
    void theEmbeddingIsOneHotTokenThenZerosThenOneHotPosition() {
        int[] tokens = inputs(1)[0];
        try (SearchModel model = SearchModel.create(SMALL, Device.cpu(), 1)) {
            Tensor residual = model.capture(tokens).get(ActivationNames.residPre(0));
            int vocabulary = SMALL.vocabulary();
            for (int position = 0; position < 32; position++) {
                for (int c = 0; c < SMALL.width(); c++) {
                    boolean token = c == tokens[position];
                    boolean place = c == vocabulary + SMALL.hidden() + position;
                    assertThat(residual.get(0, position, c)).isEqualTo(token || place ? 1f : 0f);
                }
            }
        }
    }

    @Test
    void aCausalModelDoesNotLookAhead() {
        int[] tokens = inputs(1)[0];
        int[] changed = tokens.clone();
        changed[31] = changed[31] == 1 ? 2 : 1;
        try (SearchModel model = SearchModel.create(new ModelConfig(32, 2, 16, 1, false, true), Device.cpu(), 1)) {
            Tensor before = model.capture(tokens).get(ActivationNames.residPost(1));
            Tensor after = model.capture(changed).get(ActivationNames.residPost(1));
            for (int position = 0; position < 31; position++) {
                for (int c = 0; c < SMALL.width(); c++) {
                    assertThat(after.get(0, position, c)).isEqualTo(before.get(0, position, c));
                }
            }
        }
    }

    @Test
    void saveAndLoadGiveIdenticalLogits() throws Exception {
        int[][] rows = inputs(20);
        try (SearchModel model = SearchModel.create(SMALL, Device.cpu(), 9)) {
            ByteArrayOutputStream bytes = new ByteArrayOutputStream();
            model.saveWeights(bytes);
            ModelFiles.Source source = new ModelFiles.Source("memory", SMALL, () -> new ByteArrayInputStream(bytes.toByteArray()));
            try (SearchModel loaded = SearchModel.load(source, Device.cpu())) {
                float[][] expected = model.probabilities(rows);
                float[][] actual = loaded.probabilities(rows);
                for (int i = 0; i < rows.length; i++) assertThat(actual[i]).containsExactly(expected[i]);
            }
        }
    }

    @Test
    void aThousandForwardsLeaveNoArraysBehind() {
        int[][] rows = inputs(4);
        try (SearchModel model = SearchModel.create(SMALL, Device.cpu(), 2)) {
            model.probabilities(rows);
            model.capture(rows[0]);
            int before = model.manager().getManagedArrays().size();
            for (int i = 0; i < 1000; i++) {
                if (i % 10 == 0) model.capture(rows[i % 4]);
                else model.probabilities(new int[][] {rows[i % 4]});
            }
            assertThat(model.manager().getManagedArrays()).hasSize(before);
        }
    }

    @Test
    void parameterCountMatchesTheNetwork() {
        try (SearchModel model = SearchModel.create(SMALL, Device.cpu(), 1)) {
            long counted = model.network().getParameters().stream()
                    .filter(p -> p.getValue().requiresGradient())
                    .mapToLong(p -> p.getValue().getArray().size()).sum();
            assertThat(counted).isEqualTo(SMALL.parameterCount());
            assertThat(List.of(SMALL.width())).containsExactly(14 + 16 + 32);
        }
    }
}
