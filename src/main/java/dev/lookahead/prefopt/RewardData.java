package dev.lookahead.prefopt;

import dev.lookahead.search.TokenLayout;
import java.util.ArrayList;
import java.util.List;

/** The reward model's data from sampled problems: correct-vs-incorrect pairs as rows, and every distinct path for the critique. */
public final class RewardData {
    private RewardData() {
    }

    /** Each problem's correct samples against its incorrect ones, cycling up to {@code perProblem} pairs (no gold path). */
    public static List<RewardRun.Pair> pairs(TokenLayout layout, List<Iterations.SampleLine> lines, int perProblem) {
        List<RewardRun.Pair> pairs = new ArrayList<>();
        for (Iterations.SampleLine line : lines) {
            for (PreferencePair p : PairRules.correctVsIncorrect(line.samples(), perProblem)) {
                int[] prompt = line.tokens();
                pairs.add(new RewardRun.Pair(RewardModel.encode(layout, prompt, p.chosen()), RewardModel.encode(layout, prompt, p.rejected()),
                        RewardModel.critiqueTarget(layout, prompt, p.chosen()), RewardModel.critiqueTarget(layout, prompt, p.rejected())));
            }
        }
        return pairs;
    }
}
