package dev.lookahead.stats;

/** A proportion as every JSON output writes it: its value, Wilson 95% interval and counts. */
public record Estimate(double value, double lower, double upper, long successes, long trials) {
    public static Estimate of(Proportion p) {
        return new Estimate(p.value(), p.lower(), p.upper(), p.successes(), p.trials());
    }

    /** The counts back as a proportion. */
    public Proportion proportion() {
        return new Proportion(successes, trials);
    }
}
