package dev.lookahead.prefopt;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Activation;
import dev.lookahead.model.TorchCalls;

/**
 * The methods' losses over a batch, each the mean over its items (docs/preference.md). With the policy's and the frozen
 * reference's sequence log-probabilities, the margin of a pair is
 * {@code d = [log pi(y+) - log pi_ref(y+)] - [log pi(y-) - log pi_ref(y-)]} and
 * <ul>
 * <li>dpo: {@code -log sigmoid(beta d)};</li>
 * <li>irpo: {@code -log sigmoid(beta d) - alpha log pi(y+) / |y+|};</li>
 * <li>scpo: {@code -w log sigmoid(beta d) - alpha w log pi(y+) / |y+|}, w the pair's vote margin;</li>
 * <li>rft and sft: {@code -log pi(y) / |y|} (the NLL term alone, on the single path).</li>
 * </ul>
 * |y| counts the path's tokens: each is one step the policy takes. {@code -log sigmoid(x)} is computed as
 * {@code softplus(-x)}, which stays finite for any margin.
 */
public record PreferenceLoss(Method method, double beta, double alpha) {
    public PreferenceLoss {
        if (!(beta > 0) && method.pairwise()) throw new IllegalArgumentException("--beta must be positive (got " + beta + ")");
        if (!(alpha >= 0)) throw new IllegalArgumentException("--alpha must not be negative (got " + alpha + ")");
    }

    /** The paper's settings for a method. */
    public static PreferenceLoss defaults(Method method) {
        return new PreferenceLoss(method, method.defaultBeta(), method.defaultAlpha());
    }

    /**
     * The batch's loss, a scalar.
     *
     * @param chosen      log pi(y+ | x) per item, with gradients
     * @param rejected    log pi(y- | x) per item (ignored by the single-path methods)
     * @param refChosen   log pi_ref(y+ | x) per item
     * @param refRejected log pi_ref(y- | x) per item
     * @param weights     each item's weight (ScPO's vote margin; 1 otherwise)
     * @param lengths     |y+| per item
     */
    public NDArray of(NDArray chosen, NDArray rejected, NDArray refChosen, NDArray refRejected, NDArray weights, NDArray lengths) {
        NDArray nll = chosen.div(lengths).neg();
        if (!method.pairwise()) return nll.mean();
        NDArray margin = chosen.sub(refChosen).sub(rejected.sub(refRejected));
        NDArray preference = Activation.softPlus(TorchCalls.times(margin, (float) beta).neg());
        NDArray perItem = preference.add(TorchCalls.times(nll, (float) alpha));
        if (method.weighted()) perItem = perItem.mul(weights);
        return perItem.mean();
    }

    /** Whether the policy prefers the chosen path more than the reference does: DPO's "reward accuracy". */
    public static boolean rewardPrefersChosen(double chosen, double rejected, double refChosen, double refRejected) {
        return (chosen - refChosen) - (rejected - refRejected) > 0;
    }
}
