package dev.lookahead.search;

/** Pearson's chi-square statistic for tests of uniformity. */
final class Statistics {
    private Statistics() {
    }

    static double chiSquareUniform(long[] counts) {
        long total = 0;
        for (long c : counts) total += c;
        double expected = (double) total / counts.length;
        double chi = 0;
        for (long c : counts) chi += (c - expected) * (c - expected) / expected;
        return chi;
    }
}
