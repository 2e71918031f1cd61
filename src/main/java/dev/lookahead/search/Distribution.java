package dev.lookahead.search;

import java.util.Locale;

/** The graph distributions of the paper. */
public enum Distribution {
    /** Random DAGs; lookahead heavily skewed towards small values. */
    NAIVE,
    /** Graphs built around a chosen lookahead, so every lookahead 0..L is equally likely. */
    BALANCED,
    /** A centre with k spokes of length l; the goal ends one spoke. */
    STAR;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    /** A training mix by name: one distribution, or "mix" for all three. */
    public static java.util.List<Distribution> parseMix(String text) {
        return text.trim().equalsIgnoreCase("mix") ? java.util.List.of(values()) : java.util.List.of(parse(text));
    }

    public static Distribution parse(String text) {
        for (Distribution d : values()) {
            if (d.id().equalsIgnoreCase(text.trim())) return d;
        }
        throw new IllegalArgumentException("unknown distribution '" + text + "' (expected naive, balanced or star)");
    }
}
