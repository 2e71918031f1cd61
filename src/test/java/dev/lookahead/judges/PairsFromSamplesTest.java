package dev.lookahead.judges;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;

/** Final answers and rubric scores read from free text, and the shared pair selection's rules by hand. */
class PairsFromSamplesTest {
    @Test
    void finalAnswersPreferTheBoxThenTheSentenceThenTheLastNumberAndNeverGuess() {
        FinalAnswers read = FinalAnswers.DEFAULT;
        assertThat(read.read("so \\boxed{\\frac{1}{2}} is it; not 3")).contains("\\frac{1}{2}");
        assertThat(read.read("First 12, then the answer is 42. Done")).contains("42");
        assertThat(read.read("The answer is $1,000.")).contains("1000");
        assertThat(read.read("We get 5 and then 7")).contains("7");
        assertThat(read.read("I am not sure.")).isEmpty();
        assertThat(FinalAnswers.withPatterns(List.of("Option ([A-D])")).read("Option B, which is 4")).contains("B");
    }

    @Test
    void rubricScoresTakeTheLastScoreGiven() {
        assertThat(RubricScores.DEFAULT.read("Score: 2 at first... final Score: 4").getAsDouble()).isEqualTo(4.0);
        assertThat(RubricScores.DEFAULT.read("no score")).isEmpty();
        assertThat(new RubricScores(Pattern.compile("(\\d)/5")).read("I give it 3/5").getAsDouble()).isEqualTo(3.0);
    }

    @Test
    void theSharedSelectionFollowsEachPapersRule() {
        PairSelection.Votes v = PairSelection.scpo(List.of("42", "42", "32", "42", "41"), 0.5).orElseThrow();
        assertThat(v.chosen()).isZero();
        assertThat(v.rejected()).as("the first of the least voted").isEqualTo(2);
        assertThat(v.weight()).isEqualTo((3 - 1) / 5.0);
        assertThat(PairSelection.cycle(1, 3, 10)).extracting(p -> p[0] + "-" + p[1]).containsExactly("0-0", "0-1", "0-2");
        assertThat(PairSelection.cycle(2, 0, 10)).isEmpty();
        assertThat(PairSelection.selfRewarding(new double[] {4.67, 1.5, 3})).contains(new int[] {0, 1});
        assertThat(PairSelection.selfRewarding(new double[] {4, 4})).as("equal scores: no pair").isEmpty();
        assertThat(PairSelection.selfRewarding(new double[] {Double.NaN, 2, 5})).contains(new int[] {2, 1});
    }
}
