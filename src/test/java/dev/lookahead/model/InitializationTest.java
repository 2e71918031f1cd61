package dev.lookahead.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** A new model starts as the reference's PyTorch model starts, or, by name, as DJL starts it. */
class InitializationTest {
    private static final ModelConfig DEFAULT = ModelConfig.defaults(32);

    private static Map<String, float[]> linearParameters(SearchModel model) {
        Map<String, float[]> found = new HashMap<>();
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            String name = p.getKey();
            if (name.contains("qkv") || name.contains("out") || name.contains("mlp")) found.put(name, p.getValue().getArray().toFloatArray());
        }
        return found;
    }

    @Test
    void pytorchInitialisationDrawsEveryLinearWeightAndBiasUniformlyWithinOneOverRootFanIn() {
        double bound = 1 / Math.sqrt(DEFAULT.width());
        try (SearchModel model = SearchModel.create(DEFAULT, Device.cpu(), 7, Initialization.PYTORCH)) {
            Map<String, float[]> linears = linearParameters(model);
            assertThat(linears).hasSize(DEFAULT.layers() * 4 * 2);
            for (Map.Entry<String, float[]> entry : linears.entrySet()) {
                float[] values = entry.getValue();
                double max = 0;
                double sumSquares = 0;
                for (float v : values) {
                    max = Math.max(max, Math.abs(v));
                    sumSquares += v * v;
                }
                assertThat(max).as(entry.getKey() + " largest |value|").isLessThanOrEqualTo(bound + 1e-7);
                if (values.length > 1000) {
                    // uniform on [-b, b]: largest near b, standard deviation b / sqrt(3)
                    assertThat(max).as(entry.getKey() + " largest |value|").isGreaterThan(0.95 * bound);
                    assertThat(Math.sqrt(sumSquares / values.length)).as(entry.getKey() + " spread")
                            .isCloseTo(bound / Math.sqrt(3), within(0.05 * bound));
                } else {
                    assertThat(Arrays.stream(toDoubles(values)).filter(v -> v != 0).count()).as(entry.getKey() + " non-zero biases")
                            .isEqualTo(values.length);
                }
            }
        }
    }

    @Test
    void djlInitialisationIsWiderWithZeroBiases() {
        try (SearchModel model = SearchModel.create(DEFAULT, Device.cpu(), 7, Initialization.DJL)) {
            double bound = 1 / Math.sqrt(DEFAULT.width());
            for (Map.Entry<String, float[]> entry : linearParameters(model).entrySet()) {
                double[] values = toDoubles(entry.getValue());
                if (entry.getKey().endsWith("bias")) {
                    assertThat(values).as(entry.getKey()).containsOnly(0.0);
                } else {
                    double rms = Math.sqrt(Arrays.stream(values).map(v -> v * v).average().orElseThrow());
                    assertThat(rms).as(entry.getKey() + " spread").isGreaterThan(1.5 * bound / Math.sqrt(3));
                }
            }
        }
    }

    @Test
    void theSameSeedGivesTheSameModel() {
        try (SearchModel a = SearchModel.create(DEFAULT, Device.cpu(), 3, Initialization.PYTORCH);
             SearchModel b = SearchModel.create(DEFAULT, Device.cpu(), 3, Initialization.PYTORCH)) {
            assertThat(linearParameters(a).keySet()).isEqualTo(linearParameters(b).keySet());
            linearParameters(a).forEach((name, values) -> assertThat(linearParameters(b).get(name)).as(name).containsExactly(values));
        }
    }

    @Test
    void theSameSeedGivesTheSameModelWhileAnotherThreadOpensModels() throws Exception {
        java.util.concurrent.atomic.AtomicBoolean stop = new java.util.concurrent.atomic.AtomicBoolean();
        Thread opener = new Thread(() -> {
            while (!stop.get()) {
                SearchModel.create(ModelConfig.defaults(24), Device.cpu(), 99, Initialization.PYTORCH).close();
            }
        });
        opener.start();
        try (SearchModel first = SearchModel.create(DEFAULT, Device.cpu(), 3, Initialization.PYTORCH)) {
            Map<String, float[]> expected = linearParameters(first);
            for (int again = 0; again < 10; again++) {
                try (SearchModel same = SearchModel.create(DEFAULT, Device.cpu(), 3, Initialization.PYTORCH)) {
                    linearParameters(same).forEach((name, values) -> assertThat(values).as(name).containsExactly(expected.get(name)));
                }
            }
        } finally {
            stop.set(true);
            opener.join();
        }
    }

    private static double[] toDoubles(float[] values) {
        double[] out = new double[values.length];
        for (int i = 0; i < values.length; i++) out[i] = values[i];
        return out;
    }
}
