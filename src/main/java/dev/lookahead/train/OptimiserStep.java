package dev.lookahead.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Parameter;
import ai.djl.util.Pair;
import dev.lookahead.model.SearchModel;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;

/**
 * One model's optimiser for a run that computes its own gradients: global-norm clipping and an AdamW step over every
 * trainable parameter, with state that is saved and restored with the run's checkpoint. Used by the Preference Lab's
 * runs; {@link TrainingRun} does the same across its replicas.
 */
public final class OptimiserStep implements AutoCloseable {
    private final SearchModel model;
    private final float clipNorm;
    private final NDManager state;
    private final AdamW optimizer;
    private final List<Pair<String, Parameter>> trainable = new ArrayList<>();

    /** AdamW (beta1 0.9, beta2 0.99, as {@code train} uses) on the model's trainable parameters, which get gradients attached. */
    public OptimiserStep(SearchModel model, float weightDecay, float clipNorm) {
        this.model = model;
        this.clipNorm = clipNorm;
        state = model.manager().newSubManager();
        optimizer = new AdamW(0.9f, 0.99f, 1e-8f, weightDecay);
        for (Pair<String, Parameter> p : model.network().getParameters()) {
            if (!p.getValue().requiresGradient()) continue;
            trainable.add(p);
            // loaded weights arrive without an attached gradient
            if (!p.getValue().getArray().hasGradient()) p.getValue().getArray().setRequiresGradient(true);
        }
    }

    /**
     * Clips the gradients left by a backward pass to the global norm and takes the step (which zeroes them); call with
     * gradients off.
     *
     * @return the gradient's global norm before clipping
     * @throws IllegalStateException when the loss or the norm is not finite, naming the fix
     */
    public double step(double loss, float learningRate, long stepIndex) {
        try (NDManager scope = model.manager().newSubManager()) {
            List<NDArray> gradients = new ArrayList<>(trainable.size());
            double squares = 0;
            for (Pair<String, Parameter> p : trainable) {
                NDArray gradient = p.getValue().getArray().getGradient();
                gradient.attach(scope);
                gradients.add(gradient);
                squares += gradient.square().sum().getFloat();
            }
            double norm = Math.sqrt(squares);
            if (!Double.isFinite(loss) || !Double.isFinite(norm)) {
                throw new IllegalStateException("the loss became " + loss + " at step " + stepIndex
                        + "; the last checkpoint is intact - resume with a lower --lr");
            }
            float scale = norm > clipNorm ? (float) (clipNorm / norm) : 1f;
            optimizer.beginStep();
            for (int i = 0; i < trainable.size(); i++) {
                optimizer.update(state, trainable.get(i).getKey(), trainable.get(i).getValue(), gradients.get(i), learningRate, scale);
            }
            return norm;
        }
    }

    public void save(DataOutputStream out) throws IOException {
        optimizer.save(out);
    }

    public void load(DataInputStream in) throws IOException {
        optimizer.load(in, state, trainable.stream().map(Pair::getKey).toList());
    }

    @Override
    public void close() {
        state.close();
    }
}
