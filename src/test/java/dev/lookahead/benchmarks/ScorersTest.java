package dev.lookahead.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** Each scorer against values worked out by hand, with the reading rules' edge cases, ties and empty denominators. */
class ScorersTest {
    @Test
    void popeReadsOnlyTheFirstSentencesWordsCaseSensitivelyAfterDroppingCommas() {
        assertThat(Pope.readsYes("Yes, there is a dog.")).isTrue();
        assertThat(Pope.readsYes("There is no dog in the image.")).isFalse();
        assertThat(Pope.readsYes("No.")).isFalse();
        assertThat(Pope.readsYes("I do not see one, but maybe. No")).as("\"not\" in the first sentence").isFalse();
        assertThat(Pope.readsYes("Yes. There is no cat")).as("only the first sentence counts").isTrue();
        assertThat(Pope.readsYes("Nope")).isTrue();
        assertThat(Pope.readsYes("NO")).as("case-sensitive").isTrue();
        assertThat(Pope.readsYes("Not really")).as("\"Not\" is not in the list").isTrue();
        assertThat(Pope.readsYes("no,it is there")).as("the comma goes, leaving \"noit\"").isTrue();
        assertThat(Pope.readsYes("")).isTrue();
    }

    @Test
    void popesFiguresTakeYesAsThePositiveClass() {
        List<Pope.Line> lines = List.of(
                new Pope.Line("1", "random", true, "Yes, there is a dog."),       // TP
                new Pope.Line("2", "random", true, "There is no dog in the image."), // FN
                new Pope.Line("3", "random", false, "No."),                      // TN
                new Pope.Line("4", "popular", false, "I do not see one, but maybe. No"), // TN
                new Pope.Line("5", "popular", false, "Nope"),                    // FP
                new Pope.Line("6", "popular", true, "NO"),                       // TP
                new Pope.Line("7", "adversarial", false, "Not really"),          // FP
                new Pope.Line("8", "adversarial", true, "no,it is there"));      // TP
        Pope.Scores all = Pope.score(lines);
        assertThat(all.accuracy()).isEqualTo(5 / 8.0);
        assertThat(all.precision()).isEqualTo(3 / 5.0);
        assertThat(all.recall()).isEqualTo(3 / 4.0);
        assertThat(all.f1()).isCloseTo(2 * 0.6 * 0.75 / 1.35, within(1e-12));
        assertThat(all.yesRatio()).isEqualTo(5 / 8.0);
        assertThat(Pope.bySplit(lines)).containsOnlyKeys("random", "popular", "adversarial");
        Pope.Scores random = Pope.bySplit(lines).get("random");
        assertThat(random.precision()).isEqualTo(1.0);
        assertThat(random.recall()).isEqualTo(0.5);
        Pope.Scores noYes = Pope.score(List.of(new Pope.Line("9", "x", false, "No")));
        assertThat(noYes.precision()).as("no yes predicted: 0, not NaN").isZero();
        assertThat(noYes.f1()).isZero();
        assertThat(noYes.accuracy()).isEqualTo(1.0);
    }

    @Test
    void winogroundCountsATieAsAFailure() {
        Winoground.Scores s = Winoground.score(List.of(
                new Winoground.Line("1", 0.9, 0.1, 0.2, 0.8),   // text, image, group
                new Winoground.Line("2", 0.5, 0.4, 0.6, 0.7),   // image only
                new Winoground.Line("3", 0.5, 0.2, 0.5, 0.9),   // image only: the text comparison ties
                new Winoground.Line("4", 0.1, 0.9, 0.8, 0.2))); // neither
        assertThat(s.text().value()).isEqualTo(0.25);
        assertThat(s.image().value()).isEqualTo(0.75);
        assertThat(s.group().value()).isEqualTo(0.25);
        assertThat(s.tied().successes()).isEqualTo(1);
    }

    @Test
    void captionChoiceReportsTiesApartFromTheAccuracyAFirstWinsArgmaxWouldClaim() {
        CaptionChoice.Scores s = CaptionChoice.score(List.of(
                new CaptionChoice.Line("1", List.of(0.9, 0.1), 0),      // right
                new CaptionChoice.Line("2", List.of(0.5, 0.5), 0),      // tie; argmax picks the first: "right"
                new CaptionChoice.Line("3", List.of(0.2, 0.7, 0.7), 1), // tie; argmax picks index 1: "right"
                new CaptionChoice.Line("4", List.of(0.3, 0.6), 0)));    // wrong
        assertThat(s.accuracy().value()).isEqualTo(0.25);
        assertThat(s.ties().value()).isEqualTo(0.5);
        assertThat(s.argmaxFirst().value()).isEqualTo(0.75);
    }
}
