package dev.lookahead.model;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.util.ArrayList;
import java.util.List;
import java.util.function.UnaryOperator;
import org.junit.jupiter.api.Test;

/** Products with a constant keep their constant for the backward pass, whatever the garbage collector does meanwhile. */
class TorchCallsTest {
    /** Collects garbage, then fills the freed Java memory with other numbers, a few times over. */
    static void collectGarbageAndReuseItsMemory() throws InterruptedException {
        List<ByteBuffer> reused = new ArrayList<>();
        for (int round = 0; round < 5; round++) {
            System.gc();
            Thread.sleep(20);
            for (int i = 0; i < 2000; i++) reused.add(ByteBuffer.allocateDirect(4).order(ByteOrder.nativeOrder()).putFloat(0, 1234f));
        }
    }

    private static float[] gradientOfSum(UnaryOperator<NDArray> product) throws InterruptedException {
        try (NDManager manager = NDManager.newBaseManager(Device.cpu())) {
            NDArray x = manager.create(new float[] {1, 2, 3, 4}).duplicate();
            x.setRequiresGradient(true);
            NDArray loss = TorchCalls.withGradients(true, () -> product.apply(x).sum());
            collectGarbageAndReuseItsMemory();
            TorchCalls.withGradients(true, () -> {
                TorchCalls.backward(loss, manager.ones(loss.getShape()));
                return null;
            });
            return x.getGradient().toFloatArray();
        }
    }

    @Test
    void aProductWithAConstantGivesTheConstantAsGradientAfterAGarbageCollection() throws InterruptedException {
        assertThat(gradientOfSum(x -> TorchCalls.times(x, 3f))).containsExactly(3f, 3f, 3f, 3f);
    }

    @Test
    void soDoesTheProductInPlace() throws InterruptedException {
        assertThat(gradientOfSum(x -> TorchCalls.scaleInPlace(x.add(0f), 0.5f))).containsExactly(0.5f, 0.5f, 0.5f, 0.5f);
    }
}
