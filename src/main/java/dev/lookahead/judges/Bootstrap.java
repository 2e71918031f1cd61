package dev.lookahead.judges;

import java.util.Arrays;
import java.util.SplittableRandom;

/**
 * A percentile bootstrap interval for a mean of per-judgment scores that may be halves (a judge's accuracy with ties
 * at 0.5 is no count of successes, so Wilson's interval does not apply): 2,000 resamples with a fixed seed, so the same
 * scores always give the same interval.
 */
public final class Bootstrap {
    private static final int RESAMPLES = 2000;
    private static final long SEED = 20240607L;

    private Bootstrap() {
    }

    /** {lower, upper} of the 95% percentile interval of the mean; {NaN, NaN} with no score. */
    public static double[] interval(double[] scores) {
        int n = scores.length;
        if (n == 0) return new double[] {Double.NaN, Double.NaN};
        SplittableRandom random = new SplittableRandom(SEED);
        double[] means = new double[RESAMPLES];
        for (int r = 0; r < RESAMPLES; r++) {
            double sum = 0;
            for (int i = 0; i < n; i++) sum += scores[random.nextInt(n)];
            means[r] = sum / n;
        }
        Arrays.sort(means);
        return new double[] {means[(int) Math.floor(0.025 * (RESAMPLES - 1))], means[(int) Math.ceil(0.975 * (RESAMPLES - 1))]};
    }
}
