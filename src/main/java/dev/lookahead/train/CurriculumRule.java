package dev.lookahead.train;

import java.util.Arrays;
import java.util.Locale;

/**
 * When a lookahead curriculum raises the largest training lookahead by one (docs/user-guide.md, "Training").
 * Every rule starts on lookaheads up to 1 and judges once per window of {@link #WINDOW} examples, on the
 * window's last batch; they differ in the threshold and in which forward pass is judged.
 */
public enum CurriculumRule {
    /** No curriculum: every lookahead up to the maximum from the first step, as the paper's headline models. */
    NONE("none", Double.NaN, false),
    /**
     * The workbench's first rule (the shipped models used it): the training forward pass of the window's
     * last batch, before its update, answers more than 98% correctly.
     */
    LENIENT("lenient", 0.98, false),
    /**
     * The reference's {@code --curriculum y}: after the window's last update, the model in eval mode
     * answers more than 99% of that batch correctly (a useful next step counts).
     */
    PAPER("paper", 0.99, true);

    /** The reference code checks its curriculum once per 2^18 examples (its streaming block). */
    public static final long WINDOW = 1L << 18;

    private final String id;
    private final double threshold;
    private final boolean afterUpdate;

    CurriculumRule(String id, double threshold, boolean afterUpdate) {
        this.id = id;
        this.threshold = threshold;
        this.afterUpdate = afterUpdate;
    }

    public String id() {
        return id;
    }

    /** The share of the judged batch that must be answered correctly, exceeded strictly. */
    public double threshold() {
        return threshold;
    }

    /** Whether the judged batch is run again after the update (the reference), or the training pass is used. */
    public boolean judgedAfterUpdate() {
        return afterUpdate;
    }

    public boolean active() {
        return this != NONE;
    }

    /** Whether {@code correct} of {@code size} passes this rule. */
    public boolean passes(long correct, long size) {
        return active() && correct > threshold * size;
    }

    /** One sentence for logs and model cards. */
    public String describe() {
        return switch (this) {
            case NONE -> "no curriculum";
            case LENIENT -> "curriculum 'lenient': +1 lookahead when the last batch of each 2^18 examples scores > 0.98 in its training pass";
            case PAPER -> "curriculum 'paper': +1 lookahead when the last batch of each 2^18 examples scores > 0.99 after its update, in eval mode";
        };
    }

    /**
     * The rule a settings file names: {@code "paper"}, {@code "lenient"} or {@code "none"}; files written
     * before the rules had names store {@code true} for the lenient rule and {@code false} (or nothing) for none.
     */
    public static CurriculumRule fromJson(com.fasterxml.jackson.databind.JsonNode value) {
        if (value == null || value.isMissingNode() || value.isNull()) return NONE;
        if (value.isBoolean()) return value.asBoolean() ? LENIENT : NONE;
        return parse(value.asText());
    }

    public static CurriculumRule parse(String text) {
        for (CurriculumRule rule : values()) if (rule.id.equals(text.trim().toLowerCase(Locale.ROOT))) return rule;
        throw new IllegalArgumentException("unknown curriculum '" + text + "'; choose one of "
                + String.join(", ", Arrays.stream(values()).map(CurriculumRule::id).toList()));
    }
}
