package dev.lookahead.prefopt;

import java.util.Arrays;
import java.util.Locale;

/**
 * The Preference Lab's training methods, each with its paper's defaults (docs/preference.md):
 * <ul>
 * <li>{@code scpo} - ScPO (Prasad et al. 2024): self-consistency pairs, no labels; weighted DPO (beta 0.5) plus the
 * weighted, length-normalised NLL of the chosen path (alpha 1).</li>
 * <li>{@code irpo} - IRPO (Pang et al. 2024): verified correct against incorrect, the gold path among the winners; DPO
 * (beta 0.1) plus the length-normalised NLL of the winner (alpha 1).</li>
 * <li>{@code dpo} - IRPO's pairs with DPO alone (beta 0.1): the ablation IRPO reports.</li>
 * <li>{@code rft} - rejection-sampling fine-tuning: the length-normalised NLL of the policy's own distinct verified-correct
 * samples.</li>
 * <li>{@code sft} - supervised baseline: the length-normalised NLL of each problem's gold path.</li>
 * </ul>
 */
public enum Method {
    SCPO("scpo", true, 0.5, 1.0, false),
    IRPO("irpo", true, 0.1, 1.0, true),
    DPO("dpo", true, 0.1, 0.0, true),
    RFT("rft", false, 0.0, 1.0, true),
    SFT("sft", false, 0.0, 1.0, true);

    private final String id;
    private final boolean pairwise;
    private final double beta;
    private final double alpha;
    private final boolean verified;

    Method(String id, boolean pairwise, double beta, double alpha, boolean verified) {
        this.id = id;
        this.pairwise = pairwise;
        this.beta = beta;
        this.alpha = alpha;
        this.verified = verified;
    }

    public String id() {
        return id;
    }

    /** Whether it trains on (chosen, rejected) pairs with a DPO term; otherwise on single paths with the NLL alone. */
    public boolean pairwise() {
        return pairwise;
    }

    /** The paper's beta (the DPO temperature); unused by the NLL-only methods. */
    public double defaultBeta() {
        return beta;
    }

    /** The paper's weight of the NLL term (0: none). */
    public double defaultAlpha() {
        return alpha;
    }

    /** Whether it uses the verifier or the gold path to build its training data (ScPO uses neither). */
    public boolean usesLabels() {
        return verified;
    }

    /** Whether the DPO term and the NLL term are weighted by the pair's weight (ScPO's vote margin). */
    public boolean weighted() {
        return this == SCPO;
    }

    public static Method parse(String text) {
        String id = text.toLowerCase(Locale.ROOT);
        return Arrays.stream(values()).filter(m -> m.id.equals(id)).findFirst().orElseThrow(() -> new IllegalArgumentException(
                "unknown --method '" + text + "'; choose scpo, irpo, dpo, rft or sft"));
    }
}
