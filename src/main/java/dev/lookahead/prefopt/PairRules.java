package dev.lookahead.prefopt;

import dev.lookahead.judges.PairSelection;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The pair rules, each as its paper states it (docs/user-guide.md, "Preference Lab"), on sampled paths; the selection
 * itself is {@link PairSelection}'s, which the Judges Lab shares.
 * <ul>
 * <li>ScPO (Prasad et al. 2024): votes V(y) = samples with the same answer; chosen = a most voted answer, rejected = a
 * least voted one (the first drawn among ties); kept when V(chosen) >= tau * k; weight (V(chosen) - V(rejected)) / k;
 * no pair when every sample agrees or the most and least voted tie. Labels are never used.</li>
 * <li>IRPO (Pang et al. 2024): winners = the distinct verified-correct samples with the gold path added (first, unless a
 * sample already is it), losers = the distinct incorrect ones; pairs (winner i mod |W|, loser i mod |L|) for i below
 * min(K, max(|W|, |L|)): cycling the shorter list, up to K per problem, no repeated pair. DPO uses the same pairs.</li>
 * </ul>
 */
public final class PairRules {
    private PairRules() {
    }

    /** ScPO's pair for one problem's k samples, if it has one. */
    public static Optional<PreferencePair> scpo(List<PathSample> samples, double tau) {
        return PairSelection.scpo(samples.stream().map(PathSample::answer).toList(), tau).map(v -> {
            PathSample chosen = samples.get(v.chosen());
            PathSample rejected = samples.get(v.rejected());
            return new PreferencePair(chosen.path(), rejected.path(), v.weight(), v.votesChosen(), v.votesRejected(), samples.size(),
                    chosen.correct(), rejected.correct());
        });
    }

    /** IRPO's pairs (and DPO's): verified winners, the gold path among them, against losers, up to {@code perProblem}. */
    public static List<PreferencePair> irpo(List<PathSample> samples, List<Integer> gold, int perProblem) {
        return verified(samples, List.copyOf(gold), perProblem);
    }

    /**
     * Correct against incorrect by cycling, as IRPO pairs them, without a gold path: the reward model's training pairs
     * are the policy's own samples only.
     */
    public static List<PreferencePair> correctVsIncorrect(List<PathSample> samples, int perProblem) {
        return verified(samples, null, perProblem);
    }

    private static List<PreferencePair> verified(List<PathSample> samples, List<Integer> gold, int perProblem) {
        int k = samples.size();
        Map<String, Integer> votes = new LinkedHashMap<>();
        samples.forEach(s -> votes.merge(s.answer(), 1, Integer::sum));
        List<List<Integer>> winners = new ArrayList<>();
        List<List<Integer>> losers = new ArrayList<>();
        if (gold != null) winners.add(gold);
        for (PathSample s : samples) {
            List<List<Integer>> side = s.correct() ? winners : losers;
            if (!side.contains(s.path())) side.add(s.path());
        }
        List<PreferencePair> pairs = new ArrayList<>();
        for (int[] p : PairSelection.cycle(winners.size(), losers.size(), perProblem)) {
            List<Integer> w = winners.get(p[0]);
            List<Integer> l = losers.get(p[1]);
            pairs.add(new PreferencePair(w, l, 1.0, votes.getOrDefault(PathSample.answerOf(w), 0), votes.getOrDefault(PathSample.answerOf(l), 0),
                    k, true, false));
        }
        return pairs;
    }
}
