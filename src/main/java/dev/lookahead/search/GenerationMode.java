package dev.lookahead.search;

/** Which steps of a path become examples. */
public enum GenerationMode {
    /** Only the step after the start (the paper's main experiments). */
    FIRST_STEP,
    /** Every prefix of every shortest path, each distinct input once. */
    ALL_PREFIXES;

    /** The name on the command line and in training.json: "first-step" or "all-prefixes". */
    public String id() {
        return this == FIRST_STEP ? "first-step" : "all-prefixes";
    }

    public static GenerationMode parse(String text) {
        return switch (text.trim()) {
            case "first-step" -> FIRST_STEP;
            case "all-prefixes" -> ALL_PREFIXES;
            default -> throw new IllegalArgumentException("unknown mode '" + text + "' (expected first-step or all-prefixes)");
        };
    }
}
