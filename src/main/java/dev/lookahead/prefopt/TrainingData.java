package dev.lookahead.prefopt;

import dev.lookahead.judges.PairSelection;
import java.util.ArrayList;
import java.util.List;

/**
 * What each method trains on for one problem, from its k samples and (where the method may use it) its gold path: ScPO's
 * and IRPO's pairs ({@link PairRules}), DPO's (IRPO's), rejection sampling's distinct verified-correct samples, and the
 * supervised baseline's gold path.
 */
public final class TrainingData {
    /** The knobs of the pair rules: ScPO's tau (a fraction of k) and IRPO's pairs per problem. */
    public record Rules(double tau, int pairsPerProblem) {
        public static final Rules PAPERS = new Rules(0.5, 10);

        /** Checked when made, so that a command refuses a bad value before it reads or writes anything. */
        public Rules {
            PairSelection.requireVoteShare(tau);
            if (pairsPerProblem < 1) throw new IllegalArgumentException("--pairs-per-problem must be at least 1 (got " + pairsPerProblem + ")");
        }
    }

    private TrainingData() {
    }

    /**
     * The lines one problem gives a method.
     *
     * @param gold the problem's gold path (vertices after the start); ScPO never reads it
     */
    public static List<PairRecord> forProblem(Method method, Rules rules, int problemId, int[] prompt, List<PathSample> samples,
                                              List<Integer> gold) {
        List<PairRecord> lines = new ArrayList<>();
        switch (method) {
            case SCPO -> PairRules.scpo(samples, rules.tau()).ifPresent(p -> lines.add(PairRecord.of(problemId, method, prompt, p)));
            case IRPO, DPO -> PairRules.irpo(samples, gold, rules.pairsPerProblem()).forEach(p -> lines.add(PairRecord.of(problemId, method, prompt, p)));
            case RFT -> {
                List<List<Integer>> seen = new ArrayList<>();
                for (PathSample s : samples) {
                    if (!s.correct() || seen.contains(s.path())) continue;
                    seen.add(s.path());
                    lines.add(single(problemId, method, prompt, s.path(), votes(samples, s.path()), samples.size()));
                }
            }
            case SFT -> lines.add(single(problemId, method, prompt, gold, votes(samples, gold), samples.size()));
        }
        return lines;
    }

    private static PairRecord single(int problemId, Method method, int[] prompt, List<Integer> path, int votes, int k) {
        return new PairRecord(problemId, method.id(), prompt, path, List.of(), 1.0, votes, 0, k, true, false, null, null);
    }

    private static int votes(List<PathSample> samples, List<Integer> path) {
        return (int) samples.stream().filter(s -> s.path().equals(path)).count();
    }
}
