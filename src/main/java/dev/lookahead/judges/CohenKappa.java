package dev.lookahead.judges;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/** Cohen's kappa between two raters' labels of the same items: (p_o - p_e) / (1 - p_e). */
public final class CohenKappa {
    private CohenKappa() {
    }

    /** Kappa of paired labels; NaN with no items, 1 when both raters give one and the same label throughout. */
    public static double of(List<String> first, List<String> second) {
        if (first.size() != second.size()) throw new IllegalArgumentException("the two raters must label the same items");
        int n = first.size();
        if (n == 0) return Double.NaN;
        Set<String> labels = new LinkedHashSet<>(first);
        labels.addAll(second);
        double observed = 0;
        for (int i = 0; i < n; i++) observed += first.get(i).equals(second.get(i)) ? 1 : 0;
        observed /= n;
        double expected = 0;
        for (String label : labels) {
            double p = first.stream().filter(label::equals).count() / (double) n;
            double q = second.stream().filter(label::equals).count() / (double) n;
            expected += p * q;
        }
        if (expected == 1) return 1;
        return (observed - expected) / (1 - expected);
    }
}
