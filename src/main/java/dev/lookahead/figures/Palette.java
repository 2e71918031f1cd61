package dev.lookahead.figures;

import java.awt.Color;
import java.util.Map;

/**
 * Colours shared by the window and the exported figures: the Okabe-Ito palette, which stays
 * distinguishable for the common kinds of colour blindness.
 */
public final class Palette {
    public static final Color BLUE = new Color(0x0072B2);
    public static final Color SKY = new Color(0x56B4E9);
    public static final Color GREEN = new Color(0x009E73);
    public static final Color ORANGE = new Color(0xE69F00);
    public static final Color VERMILLION = new Color(0xD55E00);
    public static final Color PURPLE = new Color(0xCC79A7);
    public static final Color YELLOW = new Color(0xF0E442);
    public static final Color GREY = new Color(0x777777);
    public static final Color INK = new Color(0x222222);

    /** The colour of each proof-step label, and of a misleading (wrong-branch) step. */
    public static final Map<String, Color> STEP_LABELS = Map.of(
            "correct", GREEN, "non_atomic", SKY, "skip", ORANGE, "invalid", VERMILLION, "unparseable", PURPLE, "misleading", YELLOW);

    /** Line colours in order, for charts with several series (yellow left out: it fades on white). */
    private static final Color[] SERIES = {BLUE, ORANGE, GREEN, VERMILLION, SKY, PURPLE, INK};

    private Palette() {
    }

    /** The colour of the {@code i}-th series of a chart, cycling after seven. */
    public static Color series(int i) {
        return SERIES[Math.floorMod(i, SERIES.length)];
    }

    /** "#RRGGBB", for style sheets. */
    public static String hex(Color c) {
        return String.format("#%02x%02x%02x", c.getRed(), c.getGreen(), c.getBlue());
    }

    public static Color stepLabel(String label) {
        return STEP_LABELS.getOrDefault(label, GREY);
    }
}
