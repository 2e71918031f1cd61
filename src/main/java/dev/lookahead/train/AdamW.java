package dev.lookahead.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * AdamW (decoupled weight decay) whose moment estimates can be saved and restored, so a resumed run
 * continues exactly; DJL's own optimizer keeps them private. Each update is the engine's fused Adam
 * kernel, one native call per parameter, which also zeroes the gradient. Norms and biases are not
 * decayed.
 */
final class AdamW {
    private final float beta1;
    private final float beta2;
    private final float epsilon;
    private final float weightDecay;
    private final Map<String, NDArray> means = new LinkedHashMap<>();
    private final Map<String, NDArray> variances = new LinkedHashMap<>();
    private long updates;

    AdamW(float beta1, float beta2, float epsilon, float weightDecay) {
        this.beta1 = beta1;
        this.beta2 = beta2;
        this.epsilon = epsilon;
        this.weightDecay = weightDecay;
    }

    /** Counts one optimiser step; call once per step before the updates of that step. */
    void beginStep() {
        updates++;
    }

    long updates() {
        return updates;
    }

    /**
     * Updates one parameter from its gradient.
     *
     * @param gradientScale multiplies the gradient first (global-norm clipping)
     */
    void update(NDManager stateManager, String name, Parameter parameter, NDArray gradient, float learningRate, float gradientScale) {
        NDArray weight = parameter.getArray();
        NDArray mean = means.computeIfAbsent(name, k -> stateManager.zeros(weight.getShape()));
        NDArray variance = variances.computeIfAbsent(name, k -> stateManager.zeros(weight.getShape()));
        double correction1 = 1 - Math.pow(beta1, updates);
        double correction2 = 1 - Math.pow(beta2, updates);
        float corrected = (float) (learningRate * Math.sqrt(correction2) / correction1);
        float decay = decays(parameter) ? weightDecay : 0f;
        weight.getNDArrayInternal().adamUpdate(new NDList(weight, gradient, mean, variance), new NDList(weight),
                learningRate, corrected, decay, gradientScale, -1f, beta1, beta2, epsilon, true, true);
    }

    private static boolean decays(Parameter parameter) {
        return parameter.getType() == Parameter.Type.WEIGHT;
    }

    void save(DataOutputStream out) throws IOException {
        out.writeLong(updates);
        out.writeInt(means.size());
        for (String name : means.keySet()) {
            out.writeUTF(name);
            writeArray(out, means.get(name));
            writeArray(out, variances.get(name));
        }
    }

    void load(DataInputStream in, NDManager stateManager, List<String> expectedNames) throws IOException {
        updates = in.readLong();
        int count = in.readInt();
        for (int i = 0; i < count; i++) {
            String name = in.readUTF();
            if (!expectedNames.contains(name)) throw new IOException("the checkpoint's optimiser state names an unknown parameter " + name);
            means.put(name, readArray(in, stateManager));
            variances.put(name, readArray(in, stateManager));
        }
    }

    private static void writeArray(DataOutputStream out, NDArray array) throws IOException {
        byte[] bytes = array.encode();
        out.writeInt(bytes.length);
        out.write(bytes);
    }

    private static NDArray readArray(DataInputStream in, NDManager manager) throws IOException {
        byte[] bytes = new byte[in.readInt()];
        in.readFully(bytes);
        return NDArray.decode(manager, bytes);
    }
}
