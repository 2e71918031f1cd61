package dev.lookahead.judges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The pairwise judge audit (docs/user-guide.md, "Judges"):
 * <ul>
 * <li>each judgment of an item with a label scores 1 when its winner is the label, 0.5 when it is a tie or did not
 * parse (whatever the label), else 0; {@code accuracy} is their mean (an item with several people's votes scores each
 * judgment against each vote);</li>
 * <li>{@code position_consistency}: of the (item, judge) pairs with both orders parsed (a tie counts as parsed, and
 * "tie" as a winner), the share whose two winners are the same; {@code fastchat_consistency} the same share with the
 * verdicts read by FastChat's rule ({@link Verdicts.Rule#FIRST}) whatever rule the audit uses, as FastChat's MT-Bench
 * results count a pair consistent (a pair with an error in either order left out);</li>
 * <li>{@code first_position_rate}: of the parsed verdicts that are not ties, the share that chose the response shown
 * first;</li>
 * <li>{@code tie_rate}: of all judgments, the share that parsed as a tie; {@code parse_failures}: how many did not
 * parse;</li>
 * <li>{@code kappa}: Cohen's kappa between each two judges, over the (item, order) both parsed, on the winners a, b,
 * tie.</li>
 * </ul>
 * The same figures per category.
 */
public final class JudgeAudit {
    /** The audit's figures over a set of items. */
    public record Figures(double accuracy, double positionConsistency, double firstPositionRate, double tieRate, long parseFailures,
                          long judgments, long scored, long consistentPairs, long bothOrdersParsed, long firstChosen, long decisive, long ties,
                          double fastchatConsistency) {
    }

    /** The whole audit: figures overall, per category, and kappa per pair of judges ("j1 | j2"). */
    public record Report(Figures overall, Map<String, Figures> categories, Map<String, Double> kappa) {
    }

    /** The winners a, b, tie in that order: the rows and columns of {@link #consistencyMatrix}. */
    public static final java.util.List<String> WINNERS = java.util.List.of("a", "b", "tie");

    /**
     * For each (item, judge) with both orders parsed, its winner shown a-first (row) against its winner shown b-first
     * (column), counted: the diagonal is consistency, the off-diagonal cells show which way the position pulls.
     */
    public static long[][] consistencyMatrix(List<PairwiseItem> items, Verdicts verdicts) {
        long[][] counts = new long[3][3];
        for (PairwiseItem item : items) {
            Map<String, String[]> winners = new LinkedHashMap<>();
            for (PairwiseItem.Judgment j : item.judgments()) {
                verdicts.read(j.output()).ifPresent(v -> {
                    String[] w = winners.computeIfAbsent(j.judge(), k -> new String[2]);
                    int slot = j.order().equals("ab") ? 0 : 1;
                    if (w[slot] == null) w[slot] = PairwiseItem.winner(v, j.order());
                });
            }
            for (String[] w : winners.values()) if (w[0] != null && w[1] != null) counts[WINNERS.indexOf(w[0])][WINNERS.indexOf(w[1])]++;
        }
        return counts;
    }

    /** Each labelled judgment's score (1, 0.5 or 0), for intervals. */
    public static double[] scores(List<PairwiseItem> items, Verdicts verdicts) {
        List<Double> scores = new ArrayList<>();
        for (PairwiseItem item : items) {
            for (PairwiseItem.Judgment j : item.judgments()) {
                Optional<Verdicts.Verdict> v = verdicts.read(j.output());
                for (String vote : item.votes()) scores.add(score(v, j.order(), vote));
            }
        }
        return scores.stream().mapToDouble(Double::doubleValue).toArray();
    }

    private JudgeAudit() {
    }

    public static Report audit(List<PairwiseItem> items, Verdicts verdicts) {
        Map<String, List<PairwiseItem>> byCategory = new TreeMap<>();
        for (PairwiseItem item : items) byCategory.computeIfAbsent(item.category() == null ? "" : item.category(), c -> new ArrayList<>()).add(item);
        Map<String, Figures> categories = new LinkedHashMap<>();
        byCategory.forEach((category, members) -> categories.put(category, figures(members, verdicts)));
        return new Report(figures(items, verdicts), categories, kappa(items, verdicts));
    }

    public static Figures figures(List<PairwiseItem> items, Verdicts verdicts) {
        double scoreSum = 0;
        long scored = 0;
        long failures = 0;
        long ties = 0;
        long judgments = 0;
        long firstChosen = 0;
        long decisive = 0;
        for (PairwiseItem item : items) {
            for (PairwiseItem.Judgment j : item.judgments()) {
                judgments++;
                Optional<Verdicts.Verdict> verdict = verdicts.read(j.output());
                if (verdict.isEmpty()) failures++;
                else if (verdict.get() == Verdicts.Verdict.TIE) ties++;
                else {
                    decisive++;
                    if (verdict.get() == Verdicts.Verdict.FIRST) firstChosen++;
                }
                for (String vote : item.votes()) {
                    scored++;
                    scoreSum += score(verdict, j.order(), vote);
                }
            }
        }
        long[][] matrix = consistencyMatrix(items, verdicts);
        long bothParsed = total(matrix);
        long consistent = matrix[0][0] + matrix[1][1] + matrix[2][2];
        long[][] fastchat = consistencyMatrix(items, new Verdicts(verdicts.first(), verdicts.second(), verdicts.tie(), Verdicts.Rule.FIRST));
        return new Figures(ratio(scoreSum, scored), ratio(consistent, bothParsed), ratio(firstChosen, decisive), ratio(ties, judgments), failures,
                judgments, scored, consistent, bothParsed, firstChosen, decisive, ties,
                ratio(fastchat[0][0] + fastchat[1][1] + fastchat[2][2], total(fastchat)));
    }

    /** A judgment against one label: 0.5 for a tie or no verdict (whatever the label), 1 when it picks the label, else 0. */
    private static double score(Optional<Verdicts.Verdict> verdict, String order, String label) {
        if (verdict.isEmpty() || verdict.get() == Verdicts.Verdict.TIE) return 0.5;
        return PairwiseItem.winner(verdict.get(), order).equals(label) ? 1 : 0;
    }

    private static long total(long[][] matrix) {
        long sum = 0;
        for (long[] row : matrix) for (long cell : row) sum += cell;
        return sum;
    }

    private static double ratio(double part, long whole) {
        return whole == 0 ? Double.NaN : part / whole;
    }

    /** Cohen's kappa for each two judges, on the winners of the (item, order) both judged and both parsed. */
    static Map<String, Double> kappa(List<PairwiseItem> items, Verdicts verdicts) {
        Map<String, Map<String, String>> winners = new TreeMap<>(); // judge -> (item|order -> winner)
        for (PairwiseItem item : items) {
            for (PairwiseItem.Judgment j : item.judgments()) {
                verdicts.read(j.output()).ifPresent(v -> winners.computeIfAbsent(j.judge(), k -> new LinkedHashMap<>())
                        .putIfAbsent(item.id() + "|" + j.order(), PairwiseItem.winner(v, j.order())));
            }
        }
        List<String> judges = new ArrayList<>(winners.keySet());
        Map<String, Double> kappa = new LinkedHashMap<>();
        for (int x = 0; x < judges.size(); x++) {
            for (int y = x + 1; y < judges.size(); y++) {
                List<String> first = new ArrayList<>();
                List<String> second = new ArrayList<>();
                Map<String, String> other = winners.get(judges.get(y));
                winners.get(judges.get(x)).forEach((key, w) -> {
                    if (other.containsKey(key)) {
                        first.add(w);
                        second.add(other.get(key));
                    }
                });
                kappa.put(judges.get(x) + " | " + judges.get(y), CohenKappa.of(first, second));
            }
        }
        return kappa;
    }
}
