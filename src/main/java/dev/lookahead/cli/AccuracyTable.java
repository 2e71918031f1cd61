package dev.lookahead.cli;

import dev.lookahead.stats.Proportion;
import java.io.PrintStream;
import java.util.Map;

/** Accuracy per bucket with Wilson 95% intervals, as a table for people (JSON outputs write {@link dev.lookahead.stats.Estimate}). */
public final class AccuracyTable {
    private AccuracyTable() {
    }

    public static void print(PrintStream out, String title, Map<String, Proportion> accuracy) {
        print(out, title, accuracy, "lookahead ");
    }

    /** The table with each bucket's name after {@code prefix} ("naive" stands alone). */
    public static void print(PrintStream out, String title, Map<String, Proportion> accuracy, String prefix) {
        out.println(title);
        out.println("  bucket          accuracy   95% interval        correct/total");
        accuracy.forEach((bucket, p) -> out.printf("  %-14s  %8.4f   [%.4f, %.4f]   %6d/%d%n",
                bucket.equals("naive") ? "naive" : prefix + bucket, p.value(), p.lower(), p.upper(), p.successes(), p.trials()));
    }
}
