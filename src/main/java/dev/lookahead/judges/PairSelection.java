package dev.lookahead.judges;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pair rules of the seed papers over any kind of sample, by index - one implementation that the Preference Lab
 * (sampled paths) and the Judges Lab (LLM samples) both use.
 * <ul>
 * <li>ScPO (Prasad et al. 2024): votes V(y) = samples with the same answer; chosen = a most voted answer, rejected = a
 * least voted one (the first drawn among ties); kept when V(chosen) >= tau * k; weight (V(chosen) - V(rejected)) / k;
 * no pair when every sample agrees or the most and least voted tie.</li>
 * <li>IRPO (Pang et al. 2024): winners against losers by cycling the shorter list, up to K pairs, no pair repeated.</li>
 * <li>Self-Rewarding (Yuan et al. 2024): chosen = the highest-scored response, rejected = the lowest (the first among
 * ties), no pair when they score the same.</li>
 * </ul>
 */
public final class PairSelection {
    /** ScPO's choice: the first sample of the chosen answer and of the rejected one, their votes and the pair's weight. */
    public record Votes(int chosen, int rejected, int votesChosen, int votesRejected, double weight) {
    }

    private PairSelection() {
    }

    /** ScPO's pair from the samples' answers, if the problem has one. */
    /** ScPO's vote threshold is a share of the k samples: refused unless in [0, 1]. */
    public static void requireVoteShare(double tau) {
        if (!(tau >= 0 && tau <= 1)) throw new IllegalArgumentException("--tau is a fraction of k in [0, 1] (got " + tau + ")");
    }

    public static Optional<Votes> scpo(List<String> answers, double tau) {
        requireVoteShare(tau);
        int k = answers.size();
        Map<String, Integer> votes = new LinkedHashMap<>();
        Map<String, Integer> first = new LinkedHashMap<>();
        for (int i = 0; i < k; i++) {
            votes.merge(answers.get(i), 1, Integer::sum);
            first.putIfAbsent(answers.get(i), i);
        }
        if (votes.size() < 2) return Optional.empty(); // every sample agrees
        String top = null;
        String bottom = null;
        for (Map.Entry<String, Integer> e : votes.entrySet()) {
            if (top == null || e.getValue() > votes.get(top)) top = e.getKey();
            if (bottom == null || e.getValue() < votes.get(bottom)) bottom = e.getKey();
        }
        int most = votes.get(top);
        int least = votes.get(bottom);
        if (most == least || most < tau * k) return Optional.empty();
        return Optional.of(new Votes(first.get(top), first.get(bottom), most, least, (double) (most - least) / k));
    }

    /** IRPO's cycling: pairs (winner i mod W, loser i mod L) for i below min(K, max(W, L)); none without a winner or a loser. */
    public static List<int[]> cycle(int winners, int losers, int perProblem) {
        if (perProblem < 1) throw new IllegalArgumentException("--pairs-per-problem must be at least 1 (got " + perProblem + ")");
        List<int[]> pairs = new ArrayList<>();
        if (winners == 0 || losers == 0) return pairs;
        int count = Math.min(perProblem, Math.max(winners, losers));
        for (int i = 0; i < count; i++) pairs.add(new int[] {i % winners, i % losers});
        return pairs;
    }

    /** Self-Rewarding's pair from each response's score (NaN: not scored, left out): {chosen, rejected}, if they differ. */
    public static Optional<int[]> selfRewarding(double[] scores) {
        int best = -1;
        int worst = -1;
        for (int i = 0; i < scores.length; i++) {
            if (Double.isNaN(scores[i])) continue;
            if (best < 0 || scores[i] > scores[best]) best = i;
            if (worst < 0 || scores[i] < scores[worst]) worst = i;
        }
        if (best < 0 || scores[best] == scores[worst]) return Optional.empty();
        return Optional.of(new int[] {best, worst});
    }
}
