package dev.lookahead.model;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;

/**
 * Causal interventions on one forward pass (docs/interventions.md): attention knockout, ablation of a block's attention
 * or feed-forward output, and activation patching of the residual stream from another input of the same length. The
 * pass is computed block by block with the same operations as {@link SearchTransformer#forward}, so an empty plan gives
 * {@link SearchModel#probabilities}' numbers.
 */
public final class Interventions {
    /** Information from token {@code from} (a key) no longer reaches token {@code to} (a query) in block {@code layer}. */
    public record Knockout(int layer, int from, int to) {
    }

    /** Which output of a block an ablation replaces. */
    public enum Part {
        ATTENTION, FEED_FORWARD
    }

    /** The block's attention or feed-forward output replaced by zero, or by its mean over a reference set of inputs. */
    public record Ablation(int layer, Part part, boolean mean) {
    }

    /**
     * The residual stream entering block {@code layer} (or, at the number of blocks, leaving the last) at the chosen
     * positions (all when {@code positions} is null), taken from the run of {@code source}.
     */
    public record Patch(int layer, int[] positions, int[] source) {
    }

    /** What to do to one pass; every part may be empty. */
    public record Plan(List<Knockout> knockouts, List<Ablation> ablations, Patch patch) {
        public Plan {
            knockouts = List.copyOf(knockouts);
            ablations = List.copyOf(ablations);
        }

        public static Plan none() {
            return new Plan(List.of(), List.of(), null);
        }

        public boolean empty() {
            return knockouts.isEmpty() && ablations.isEmpty() && patch == null;
        }
    }

    /** One pass's output: the logits and next-token probabilities over the vocabulary. */
    public record Outcome(float[] logits, float[] probabilities) {
        public int predicted() {
            return SearchModel.argMax(probabilities);
        }
    }

    /** The per-position outputs of one block's attention and feed-forward on one input, [n * d] row-major. */
    private record BlockOutputs(float[][] attention, float[][] feedForward, float[][] residualIn) {
    }

    private final SearchModel model;
    private final List<int[]> reference;
    private BlockOutputs referenceMeans;

    /**
     * @param reference the inputs whose mean a mean ablation uses (may be empty when no plan asks for one)
     */
    public Interventions(SearchModel model, List<int[]> reference) {
        this.model = model;
        this.reference = List.copyOf(reference);
    }

    /** The model's output on {@code tokens} under the plan. */
    public Outcome run(int[] tokens, Plan plan) {
        validate(tokens, plan);
        BlockOutputs means = plan.ablations().stream().anyMatch(Ablation::mean) ? referenceMeans() : null;
        BlockOutputs source = plan.patch() == null ? null : sourceOutputs(plan.patch().source());
        Outcome[] out = new Outcome[1];
        SearchModel.withoutGradients(() -> {
            try (NDManager call = model.manager().newSubManager()) {
                out[0] = pass(call, tokens, plan, means, source, null);
            }
        });
        return out[0];
    }

    private void validate(int[] tokens, Plan plan) {
        ModelConfig config = model.config();
        if (tokens.length != config.n()) throw new IllegalArgumentException("the input has " + tokens.length + " tokens; the model reads " + config.n());
        for (Knockout k : plan.knockouts()) {
            requireLayer(k.layer(), config.layers() - 1);
            requirePosition(k.from());
            requirePosition(k.to());
        }
        for (Ablation a : plan.ablations()) {
            requireLayer(a.layer(), config.layers() - 1);
            if (a.mean() && reference.isEmpty()) throw new IllegalArgumentException("a mean ablation needs reference inputs to take the mean over");
        }
        if (plan.patch() != null) {
            requireLayer(plan.patch().layer(), config.layers());
            if (plan.patch().source().length != config.n()) {
                throw new IllegalArgumentException("the counterfactual input has " + plan.patch().source().length + " tokens; patching needs "
                        + config.n() + ", as many as the input");
            }
            if (plan.patch().positions() != null) for (int p : plan.patch().positions()) requirePosition(p);
        }
    }

    private void requireLayer(int layer, int most) {
        if (layer < 0 || layer > most) throw new IllegalArgumentException("layer " + layer + " is outside 0.." + most + " for this model");
    }

    private void requirePosition(int position) {
        if (position < 0 || position >= model.config().n()) {
            throw new IllegalArgumentException("token position " + position + " is outside 0.." + (model.config().n() - 1));
        }
    }

    /** The last patch source's clean pass, kept: a patching sweep patches from one source many times. */
    private int[] lastSource;
    private BlockOutputs lastSourceOutputs;

    private BlockOutputs sourceOutputs(int[] source) {
        if (lastSource == null || !java.util.Arrays.equals(lastSource, source)) {
            lastSourceOutputs = outputs(source);
            lastSource = source.clone();
        }
        return lastSourceOutputs;
    }

    private BlockOutputs referenceMeans() {
        if (referenceMeans != null) return referenceMeans;
        int layers = model.config().layers();
        int size = model.config().n() * model.config().width();
        float[][] attention = new float[layers][size];
        float[][] feedForward = new float[layers][size];
        for (int[] input : reference) {
            BlockOutputs one = outputs(input);
            for (int l = 0; l < layers; l++) {
                for (int i = 0; i < size; i++) {
                    attention[l][i] += one.attention()[l][i] / reference.size();
                    feedForward[l][i] += one.feedForward()[l][i] / reference.size();
                }
            }
        }
        referenceMeans = new BlockOutputs(attention, feedForward, null);
        return referenceMeans;
    }

    /** The clean pass's block outputs and residual streams for one input. */
    private BlockOutputs outputs(int[] tokens) {
        int layers = model.config().layers();
        BlockOutputs recorded = new BlockOutputs(new float[layers][], new float[layers][], new float[layers + 1][]);
        SearchModel.withoutGradients(() -> {
            try (NDManager call = model.manager().newSubManager()) {
                pass(call, tokens, Plan.none(), null, null, recorded);
            }
        });
        return recorded;
    }

    private Outcome pass(NDManager call, int[] tokens, Plan plan, BlockOutputs means, BlockOutputs source, BlockOutputs record) {
        SearchTransformer network = model.network();
        ParameterStore store = model.store();
        ModelConfig config = model.config();
        int n = config.n();
        int width = config.width();
        NDArray tokenArray = model.tokensArray(call, new int[][] {tokens}, 0, 1);
        NDArray x = network.embed(store, tokenArray, false, null);
        NDArray maskBias = network.attentionMask(tokenArray);
        NDArray patchedMask = plan.patch() == null ? maskBias : patchedMask(call, maskBias, plan.patch(), n);
        for (int l = 0; l < config.layers(); l++) {
            x = patched(call, x, l, plan.patch(), source, n, width);
            if (record != null) record.residualIn()[l] = x.toFloatArray();
            TransformerLayer layer = network.layers().get(l);
            AttentionBlock attention = layer.attention();
            NDArray[] qkv = attention.project(store, layer.normalize(store, x, false), false);
            NDArray scores = attention.scores(qkv[0], qkv[1]).addi(plan.patch() != null && l >= plan.patch().layer() ? patchedMask : maskBias);
            NDArray knocked = knockouts(call, plan, l, n);
            if (knocked != null) scores = scores.add(knocked);
            NDArray attended = attention.mix(store, scores.softmax(-1), qkv[2], false);
            attended = ablated(call, attended, plan, l, Part.ATTENTION, means, n, width);
            if (record != null) record.attention()[l] = attended.toFloatArray();
            NDArray middle = x.add(attended);
            NDArray feedForward = ablated(call, layer.feedForwardAfter(store, middle, false), plan, l, Part.FEED_FORWARD, means, n, width);
            if (record != null) record.feedForward()[l] = feedForward.toFloatArray();
            x = middle.add(feedForward);
        }
        x = patched(call, x, config.layers(), plan.patch(), source, n, width);
        if (record != null) record.residualIn()[config.layers()] = x.toFloatArray();
        NDArray logits = network.logitsOf(store, x);
        return new Outcome(logits.toFloatArray(), logits.softmax(-1).toFloatArray());
    }

    /**
     * The attention mask once a patch has happened: a patched position is masked as the source input masks it (a padding
     * token's state patched in stays unread, as in the source's own pass), the others as the input masks them.
     */
    private NDArray patchedMask(NDManager call, NDArray maskBias, Patch patch, int n) {
        NDArray sourceMask = model.network().attentionMask(model.tokensArray(call, new int[][] {patch.source()}, 0, 1));
        boolean[] patchedKey = new boolean[n];
        if (patch.positions() == null) java.util.Arrays.fill(patchedKey, true);
        else for (int p : patch.positions()) patchedKey[p] = true;
        float[] combined = maskBias.toFloatArray();
        float[] fromSource = sourceMask.toFloatArray();
        for (int i = 0; i < combined.length; i++) if (patchedKey[i % n]) combined[i] = fromSource[i];
        return call.create(combined, maskBias.getShape());
    }

    /** An additive bias of minus infinity at every knocked-out (query, key) entry of block {@code layer}, or null. */
    private static NDArray knockouts(NDManager call, Plan plan, int layer, int n) {
        float[] bias = null;
        for (Knockout k : plan.knockouts()) {
            if (k.layer() != layer) continue;
            if (bias == null) bias = new float[n * n];
            bias[k.to() * n + k.from()] = Float.NEGATIVE_INFINITY;
        }
        return bias == null ? null : call.create(bias, new Shape(n, n));
    }

    private static NDArray ablated(NDManager call, NDArray output, Plan plan, int layer, Part part, BlockOutputs means, int n, int width) {
        for (Ablation a : plan.ablations()) {
            if (a.layer() != layer || a.part() != part) continue;
            float[] replacement = !a.mean() ? new float[n * width] : (part == Part.ATTENTION ? means.attention() : means.feedForward())[layer];
            return call.create(replacement, new Shape(1, n, width));
        }
        return output;
    }

    private static NDArray patched(NDManager call, NDArray x, int layer, Patch patch, BlockOutputs source, int n, int width) {
        if (patch == null || patch.layer() != layer) return x;
        float[] stream = x.toFloatArray();
        float[] from = source.residualIn()[layer];
        List<Integer> positions = new ArrayList<>();
        if (patch.positions() == null) for (int p = 0; p < n; p++) positions.add(p);
        else for (int p : patch.positions()) positions.add(p);
        for (int p : positions) System.arraycopy(from, p * width, stream, p * width, width);
        return call.create(stream, new Shape(1, n, width));
    }
}
