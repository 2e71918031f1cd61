package dev.lookahead.cli.bench;

import java.util.Arrays;
import java.util.function.LongSupplier;

/** Runs a measured piece of work several times and keeps the median rate, as the benchmarks report it. */
public final class Repeats {
    private Repeats() {
    }

    /**
     * @param work does one repeat and returns how many items it processed
     * @return items per second: the median over {@code repeats} runs, after {@code warmups} unmeasured ones
     */
    static double medianRate(int warmups, int repeats, LongSupplier work) {
        for (int i = 0; i < warmups; i++) work.getAsLong();
        double[] rates = new double[repeats];
        for (int i = 0; i < repeats; i++) {
            long started = System.nanoTime();
            long items = work.getAsLong();
            rates[i] = items / ((System.nanoTime() - started) / 1e9);
        }
        return median(rates);
    }

    static double median(double[] values) {
        double[] sorted = values.clone();
        Arrays.sort(sorted);
        int mid = sorted.length / 2;
        return sorted.length % 2 == 1 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
    }
}
