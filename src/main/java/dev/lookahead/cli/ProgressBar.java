package dev.lookahead.cli;

import java.io.PrintStream;

/** A one-line progress bar with speed and ETA on standard error; plain lines when it is not a terminal. */
public final class ProgressBar {
    private static final int WIDTH = 28;
    private static final double PLAIN_EVERY_SECONDS = 15;

    private final PrintStream out = System.err;
    private final boolean terminal = System.console() != null;
    private long lastPlain;

    public void show(double fraction, String details, double etaSeconds) {
        int filled = (int) Math.round(Math.min(1, Math.max(0, fraction)) * WIDTH);
        String line = String.format("[%s%s] %5.1f%%  %s  ETA %s", "#".repeat(filled), ".".repeat(WIDTH - filled),
                100 * fraction, details, duration(etaSeconds));
        if (terminal) {
            out.print("\r" + line + "   ");
            out.flush();
        } else if ((System.nanoTime() - lastPlain) / 1e9 >= PLAIN_EVERY_SECONDS || fraction >= 1) {
            out.println(line);
            lastPlain = System.nanoTime();
        }
    }

    /** Ends the bar's line before other output. */
    public void println(String text) {
        if (terminal) out.print("\r");
        out.println(text);
    }

    static String duration(double seconds) {
        if (Double.isNaN(seconds) || Double.isInfinite(seconds)) return "--:--";
        long s = Math.round(seconds);
        return s >= 3600 ? String.format("%d:%02d:%02d", s / 3600, s / 60 % 60, s % 60) : String.format("%02d:%02d", s / 60, s % 60);
    }
}
