package dev.lookahead.cli.bench;

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
        return dev.lookahead.stats.Medians.of(rates);
    }
}
