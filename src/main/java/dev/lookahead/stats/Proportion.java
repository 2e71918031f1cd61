package dev.lookahead.stats;

/** A count of successes out of trials, with its Wilson score interval. */
public record Proportion(long successes, long trials) {
    /** z for a two-sided 95% interval. */
    private static final double Z95 = 1.959963984540054;

    public double value() {
        return trials == 0 ? Double.NaN : (double) successes / trials;
    }

    /** Lower end of the Wilson 95% interval. */
    public double lower() {
        return wilson(-1);
    }

    /** Upper end of the Wilson 95% interval. */
    public double upper() {
        return wilson(+1);
    }

    private double wilson(int sign) {
        if (trials == 0) return Double.NaN;
        double p = value();
        double z2 = Z95 * Z95;
        double centre = p + z2 / (2.0 * trials);
        double spread = Z95 * Math.sqrt(p * (1 - p) / trials + z2 / (4.0 * trials * trials));
        return (centre + sign * spread) / (1 + z2 / trials);
    }

    public Proportion plus(boolean success) {
        return new Proportion(successes + (success ? 1 : 0), trials + 1);
    }

    /** Both counts together: {@code Map.merge(key, p, Proportion::add)} pools proportions. */
    public Proportion add(Proportion other) {
        return new Proportion(successes + other.successes, trials + other.trials);
    }

    @Override
    public String toString() {
        return String.format("%.3f [%.3f, %.3f] (%d/%d)", value(), lower(), upper(), successes, trials);
    }
}
