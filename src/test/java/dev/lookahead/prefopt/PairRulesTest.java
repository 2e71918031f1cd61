package dev.lookahead.prefopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The pair rules on samples written by hand: ScPO's votes, tau, weights and ties; IRPO's winners, gold path and cycling. */
class PairRulesTest {
    /** Samples from answers like "4 7" (ending at the goal 7 counts as correct here). */
    private static List<PathSample> samples(String... answers) {
        List<PathSample> samples = new ArrayList<>();
        for (String answer : answers) {
            List<Integer> path = answer.isEmpty() ? List.of() : java.util.Arrays.stream(answer.split(" ")).map(Integer::valueOf).toList();
            samples.add(new PathSample(path, -1.0, PathSample.answerOf(path), !path.isEmpty() && path.get(path.size() - 1) == 7));
        }
        return samples;
    }

    @Test
    void scpoPrefersTheMostVotedAnswerOverTheLeastAndWeighsByTheVoteMargin() {
        PreferencePair pair = PairRules.scpo(samples("4 7", "4 7", "4 7", "4 7", "5 6", "5 6", "3", "4 7"), 0.5).orElseThrow();
        assertThat(pair.chosen()).containsExactly(4, 7);
        assertThat(pair.rejected()).containsExactly(3);
        assertThat(pair.votesChosen()).isEqualTo(5);
        assertThat(pair.votesRejected()).isEqualTo(1);
        assertThat(pair.weight()).isEqualTo((5 - 1) / 8.0);
        assertThat(pair.k()).isEqualTo(8);
    }

    @Test
    void scpoKeepsAProblemOnlyWhenTheTopAnswerHasTauTimesKVotes() {
        List<PathSample> four = samples("4 7", "4 7", "4 7", "4 7", "5 6", "5 6", "3", "2");
        assertThat(PairRules.scpo(four, 0.5)).as("4 >= 0.5 x 8").isPresent();
        assertThat(PairRules.scpo(four, 0.6)).as("4 < 0.6 x 8").isEmpty();
    }

    @Test
    void scpoMakesNoPairWhenEverySampleAgreesOrTheTopAndBottomTie() {
        assertThat(PairRules.scpo(samples("4 7", "4 7", "4 7", "4 7"), 0)).as("unanimous").isEmpty();
        assertThat(PairRules.scpo(samples("4 7", "4 7", "5 6", "5 6"), 0)).as("top and bottom tie").isEmpty();
        assertThat(PairRules.scpo(samples("4 7", "5 6", "4 7", "3", "5 6", "2"), 0).orElseThrow().rejected())
                .as("among tied least voted answers, the first drawn").containsExactly(3);
        assertThatThrownBy(() -> PairRules.scpo(samples("4 7"), 5)).hasMessageContaining("fraction of k");
    }

    @Test
    void irpoPairsVerifiedWinnersWithTheGoldPathFirstAgainstLosersCyclingTheShorterList() {
        List<PreferencePair> pairs = PairRules.irpo(samples("4 7", "5 6", "3", "4 7", "2", "5 6"), List.of(1, 7), 10);
        assertThat(pairs).extracting(PreferencePair::chosen).as("gold, then the distinct correct sample, cycled")
                .containsExactly(List.of(1, 7), List.of(4, 7), List.of(1, 7));
        assertThat(pairs).extracting(PreferencePair::rejected).as("the distinct incorrect samples in order")
                .containsExactly(List.of(5, 6), List.of(3), List.of(2));
        assertThat(pairs).allSatisfy(p -> assertThat(p.weight()).isEqualTo(1.0));
        assertThat(pairs.get(1).votesChosen()).isEqualTo(2);
        assertThat(pairs.get(0).votesChosen()).as("no sample gave the gold path").isZero();
    }

    @Test
    void irpoStopsAtKPairsAddsTheGoldOnlyOnceAndNeedsALoser() {
        assertThat(PairRules.irpo(samples("5 6", "3", "2", "1 2", "6"), List.of(4, 7), 2)).hasSize(2);
        assertThat(PairRules.irpo(samples("4 7", "5 6"), List.of(4, 7), 10)).extracting(PreferencePair::chosen)
                .as("a sample that is the gold path is not added twice").containsExactly(List.of(4, 7));
        assertThat(PairRules.irpo(samples("4 7", "4 7"), List.of(4, 7), 10)).as("no incorrect sample: nothing to prefer against").isEmpty();
    }
}
