package dev.lookahead.model;

/** TransformerLens-style names of captured activations. */
public final class ActivationNames {
    public static final String EMBED = "hook_embed";
    public static final String POS_EMBED = "hook_pos_embed";
    public static final String FINAL_NORMALIZED = "ln_final.hook_normalized";
    public static final String LOGITS = "logits";
    public static final String PROBABILITIES = "probs";

    private ActivationNames() {
    }

    /** Residual stream entering block l. */
    public static String residPre(int layer) {
        return "blocks." + layer + ".hook_resid_pre";
    }

    /** The layer-normed input of block l's attention (a_l in the circuit analysis). */
    public static String ln1Normalized(int layer) {
        return "blocks." + layer + ".ln1.hook_normalized";
    }

    /** Attention scores before softmax, [batch, head, query, key]. */
    public static String attnScores(int layer) {
        return "blocks." + layer + ".attn.hook_attn_scores";
    }

    /** Attention pattern after softmax, [batch, head, query, key]. */
    public static String pattern(int layer) {
        return "blocks." + layer + ".attn.hook_pattern";
    }

    public static String attnOut(int layer) {
        return "blocks." + layer + ".hook_attn_out";
    }

    /** Residual stream after attention, before the feed-forward network. */
    public static String residMid(int layer) {
        return "blocks." + layer + ".hook_resid_mid";
    }

    public static String ln2Normalized(int layer) {
        return "blocks." + layer + ".ln2.hook_normalized";
    }

    public static String mlpOut(int layer) {
        return "blocks." + layer + ".hook_mlp_out";
    }

    /** Residual stream leaving block l. */
    public static String residPost(int layer) {
        return "blocks." + layer + ".hook_resid_post";
    }
}
