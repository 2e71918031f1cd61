package dev.lookahead.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** VQA accuracy with the official normalisation's cases, and CHAIR's two ratios, worked out by hand. */
class VqaAndChairTest {
    private static List<String> humans(String a, int na, String b, int nb) {
        List<String> list = new ArrayList<>(Collections.nCopies(na, a));
        list.addAll(Collections.nCopies(nb, b));
        return list;
    }

    @Test
    void vqaAveragesMinOneThirdOfMatchesOverTheTenLeaveOneOutSubsets() {
        // three "2": each sees two others (2/3); seven "3": each sees the three "2" (1)
        assertThat(VqaAccuracy.of("two", humans("2", 3, "3", 7))).as("number words become digits").isCloseTo(0.9, within(1e-12));
        assertThat(VqaAccuracy.of("two", humans("2", 10, "x", 0))).as("identical human answers: nothing is normalised").isZero();
        assertThat(VqaAccuracy.of("a dog", humans("dog", 2, "cat", 8))).as("articles dropped").isCloseTo((2 / 3.0 + 8 * 2 / 3.0) / 10, within(1e-12));
        assertThat(VqaAccuracy.of("dont", humans("don't", 3, "no", 7))).as("contractions restored").isCloseTo(0.9, within(1e-12));
        assertThat(VqaAccuracy.of("yes.", humans("yes", 1, "no", 9))).as("one match is a third").isCloseTo((0 + 9 / 3.0) / 10, within(1e-12));
    }

    @Test
    void vqaPunctuationFollowsTheEvaluationsQuirks() {
        assertThat(VqaAccuracy.punctuation("1,000")).as("a comma between digits: every mark dropped").isEqualTo("1000");
        assertThat(VqaAccuracy.punctuation("black-and-white")).as("a mark between letters becomes a space").isEqualTo("black and white");
        assertThat(VqaAccuracy.punctuation("left , right")).as("a mark beside a space is dropped").isEqualTo("left  right");
        assertThat(VqaAccuracy.punctuation("3.")).as("a period not followed by a digit goes").isEqualTo("3");
        assertThat(VqaAccuracy.punctuation("1.5")).isEqualTo("1.5");
        assertThat(VqaAccuracy.normalise("The  Three dogs")).isEqualTo("3 dogs");
    }

    @Test
    void chairCountsHallucinatedMentionsAndCaptionsLongestPhraseFirst() {
        Chair chair = new Chair(List.of(List.of("dog", "dogs", "puppy"), List.of("hot dog", "hot dogs"), List.of("person", "man", "woman", "people")));
        Chair.Mentions m = chair.mentions(new Chair.Line("1", "A man eats a hot dog next to two dogs.", Set.of("person")));
        assertThat(m.mentioned()).containsExactly("person", "hot dog", "dog");
        assertThat(m.hallucinated()).containsExactly("hot dog", "dog");
        Chair.Scores s = chair.score(List.of(new Chair.Line("1", "A man eats a hot dog next to two dogs.", Set.of("person")),
                new Chair.Line("2", "A woman.", Set.of("people"))));
        assertThat(s.chairI()).as("2 of 4 mentions").isEqualTo(0.5);
        assertThat(s.chairS()).as("1 of 2 captions; the truth's synonyms count as the object").isEqualTo(0.5);
    }
}
