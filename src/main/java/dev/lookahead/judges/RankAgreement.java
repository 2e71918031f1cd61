package dev.lookahead.judges;

import java.util.ArrayList;
import java.util.List;

/**
 * How a pointwise judge's scores agree with people's ranks of the same responses (the Self-Rewarding paper's
 * measures, as the workbench reads them; docs/user-guide.md, "Judges"). Per prompt, over its responses that have both a
 * human rank (1 = best) and a score:
 * <ul>
 * <li>pairwise accuracy: over pairs of responses people ranked differently, 1 when the judge scores the better one
 * higher, 0.5 when it scores them the same, 0 otherwise - pooled over every prompt's pairs;</li>
 * <li>exact match: the share of prompts whose order by score is exactly the people's order (ties included);</li>
 * <li>Spearman's rho and Kendall's tau-b between scores and people's preference (the rank negated), each the mean
 * over the prompts where it is defined (neither side constant).</li>
 * </ul>
 */
public final class RankAgreement {
    /** One prompt's responses: people's ranks and the judge's scores, in the same order. */
    public record Group(String prompt, double[] humanRanks, double[] scores) {
    }

    public record Figures(double pairwiseAccuracy, double exactMatch, double spearman, double kendallTau, long pairs, long prompts,
                          long spearmanPrompts, long kendallPrompts) {
    }

    private RankAgreement() {
    }

    public static Figures of(List<Group> groups) {
        double pairScore = 0;
        long pairs = 0;
        long exact = 0;
        long prompts = 0;
        List<Double> rhos = new ArrayList<>();
        List<Double> taus = new ArrayList<>();
        for (Group g : groups) {
            int n = g.scores().length;
            if (n < 2) continue;
            prompts++;
            boolean same = true;
            double[] preference = new double[n];
            for (int i = 0; i < n; i++) preference[i] = -g.humanRanks()[i];
            for (int i = 0; i < n; i++) {
                for (int j = i + 1; j < n; j++) {
                    int human = Double.compare(preference[i], preference[j]);
                    int judge = Double.compare(g.scores()[i], g.scores()[j]);
                    if (human != judge) same = false;
                    if (human == 0) continue;
                    pairs++;
                    pairScore += judge == 0 ? 0.5 : judge == human ? 1 : 0;
                }
            }
            if (same) exact++;
            double rho = pearson(ranks(preference), ranks(g.scores()));
            if (!Double.isNaN(rho)) rhos.add(rho);
            double tau = kendallTauB(preference, g.scores());
            if (!Double.isNaN(tau)) taus.add(tau);
        }
        return new Figures(pairs == 0 ? Double.NaN : pairScore / pairs, prompts == 0 ? Double.NaN : (double) exact / prompts, mean(rhos), mean(taus),
                pairs, prompts, rhos.size(), taus.size());
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** Ranks 1..n, ties given their average rank. */
    static double[] ranks(double[] values) {
        int n = values.length;
        Integer[] order = new Integer[n];
        for (int i = 0; i < n; i++) order[i] = i;
        java.util.Arrays.sort(order, (a, b) -> Double.compare(values[a], values[b]));
        double[] ranks = new double[n];
        for (int i = 0; i < n;) {
            int j = i;
            while (j + 1 < n && values[order[j + 1]] == values[order[i]]) j++;
            double average = (i + j) / 2.0 + 1;
            for (int k = i; k <= j; k++) ranks[order[k]] = average;
            i = j + 1;
        }
        return ranks;
    }

    static double pearson(double[] x, double[] y) {
        int n = x.length;
        double mx = java.util.Arrays.stream(x).average().orElse(0);
        double my = java.util.Arrays.stream(y).average().orElse(0);
        double sxy = 0;
        double sxx = 0;
        double syy = 0;
        for (int i = 0; i < n; i++) {
            sxy += (x[i] - mx) * (y[i] - my);
            sxx += (x[i] - mx) * (x[i] - mx);
            syy += (y[i] - my) * (y[i] - my);
        }
        return sxx == 0 || syy == 0 ? Double.NaN : sxy / Math.sqrt(sxx * syy);
    }

    /** Kendall's tau-b: (concordant - discordant) / sqrt((n0 - ties in x) (n0 - ties in y)). */
    static double kendallTauB(double[] x, double[] y) {
        int n = x.length;
        long concordant = 0;
        long discordant = 0;
        long tiesX = 0;
        long tiesY = 0;
        long total = 0;
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                total++;
                int a = Double.compare(x[i], x[j]);
                int b = Double.compare(y[i], y[j]);
                if (a == 0) tiesX++;
                if (b == 0) tiesY++;
                if (a != 0 && b != 0) {
                    if (a == b) concordant++;
                    else discordant++;
                }
            }
        }
        double denominator = Math.sqrt((double) (total - tiesX) * (total - tiesY));
        return denominator == 0 ? Double.NaN : (concordant - discordant) / denominator;
    }
}
