package dev.lookahead.benchmarks;

import dev.lookahead.stats.Proportion;
import java.util.List;

/**
 * Caption-choice benchmarks (ARO, SugarCrepe and the like): a model scores several captions of one image, one of them
 * true. Right means the true caption scores strictly higher than every other; an example whose top score is shared by
 * the true caption and another is a tie, counted apart - an argmax would give it to whichever option came first,
 * which inflates accuracy when the true caption is listed first (Bordes et al. 2024 warn of this).
 */
public final class CaptionChoice {
    /** One example: the captions' scores and the index of the true one. */
    public record Line(String id, List<Double> scores, int correct) {
        public Line {
            scores = List.copyOf(scores);
            if (scores.size() < 2) throw new IllegalArgumentException("\"scores\" needs at least two captions");
            if (correct < 0 || correct >= scores.size()) {
                throw new IllegalArgumentException("\"correct\" is " + correct + " but there are " + scores.size() + " scores");
            }
        }

        /** How many other captions score as high as the true one or higher. */
        int rivals(boolean strictlyHigher) {
            double truth = scores.get(correct);
            int count = 0;
            for (int i = 0; i < scores.size(); i++) {
                if (i == correct) continue;
                if (strictlyHigher ? scores.get(i) > truth : scores.get(i) >= truth) count++;
            }
            return count;
        }

        public boolean right() {
            return rivals(false) == 0;
        }

        /** The true caption shares the top score with another. */
        public boolean tied() {
            return rivals(true) == 0 && rivals(false) > 0;
        }

        /** What a first-wins argmax would say: right when no caption scores higher and none tied comes before it. */
        public boolean rightByFirstArgmax() {
            int best = 0;
            for (int i = 1; i < scores.size(); i++) if (scores.get(i) > scores.get(best)) best = i;
            return best == correct;
        }
    }

    /**
     * @param accuracy      strictly right
     * @param ties          tied at the top with another caption
     * @param argmaxFirst   accuracy if ties went to the first option listed (the inflated figure)
     */
    public record Scores(Proportion accuracy, Proportion ties, Proportion argmaxFirst) {
    }

    private CaptionChoice() {
    }

    public static Scores score(List<Line> lines) {
        Proportion right = new Proportion(0, 0);
        Proportion ties = new Proportion(0, 0);
        Proportion first = new Proportion(0, 0);
        for (Line line : lines) {
            right = right.plus(line.right());
            ties = ties.plus(line.tied());
            first = first.plus(line.rightByFirstArgmax());
        }
        return new Scores(right, ties, first);
    }
}
