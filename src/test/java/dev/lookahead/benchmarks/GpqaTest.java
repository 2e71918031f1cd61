package dev.lookahead.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** GPQA's subset rules on a synthetic file built to exercise each, its CSV reading, the seeded option order and answer reading. */
class GpqaTest {
    private static final Path EXTENDED = Path.of("samples", "benchmarks", "gpqa_extended-synthetic.csv");

    @TempDir
    Path dir;

    private static Map<String, GpqaSubsets.Membership> memberships(GpqaSubsets.Agreement rule) throws Exception {
        return GpqaCsv.read(EXTENDED).stream().collect(Collectors.toMap(GpqaRow::recordId, r -> GpqaSubsets.of(r, rule)));
    }

    @Test
    void eachSubsetRuleDecidesItsRow() throws Exception {
        Map<String, GpqaSubsets.Membership> m = memberships(GpqaSubsets.Agreement.PAPER);
        assertThat(m.get("syn1").main()).isTrue();
        assertThat(m.get("syn1").diamond()).as("both experts right, no non-expert").isTrue();
        assertThat(m.get("syn2").diamond()).as("the second expert wrong but agreeing post hoc; one non-expert right").isTrue();
        assertThat(m.get("syn3").main()).isTrue();
        assertThat(m.get("syn3").diamond()).as("the second expert wrong and disagreeing").isFalse();
        assertThat(m.get("syn4").main()).isTrue();
        assertThat(m.get("syn4").diamond()).as("the first expert wrong").isFalse();
        assertThat(m.get("syn5").main()).as("no expert right, the first agreeing post hoc").isTrue();
        assertThat(m.get("syn6").main()).as("no expert agrees").isFalse();
        assertThat(m.get("syn7").main()).as("all three non-experts right").isFalse();
        assertThat(m.get("syn8").main()).isTrue();
        assertThat(m.get("syn8").diamond()).as("two non-experts right").isFalse();
        assertThat(m.get("syn6").mainReason()).contains("no expert agrees");
        assertThat(memberships(GpqaSubsets.Agreement.CORRECT_ONLY).get("syn5").main()).as("without the post-hoc rule").isFalse();
        assertThat(memberships(GpqaSubsets.Agreement.CORRECT_ONLY).get("syn2").diamond()).isFalse();
    }

    @Test
    void theCsvKeepsQuotedLinesTogetherAndRefusesAValidatorCellThatIsNotZeroOrOne() throws Exception {
        GpqaRow first = GpqaCsv.read(EXTENDED).get(0);
        assertThat(first.question()).contains("\n(A synthetic question");
        assertThat(first.line()).isEqualTo(1);
        Path bad = dir.resolve("gpqa_bad.csv");
        Files.writeString(bad, Files.readString(EXTENDED).replaceFirst("Agree,1,Agree,0,0,0", "Agree,yes,Agree,0,0,0"));
        assertThatThrownBy(() -> GpqaCsv.read(bad)).hasMessageContaining("record 1").hasMessageContaining("Validator Answered Correctly_EV_2")
                .hasMessageContaining("\"yes\"");
        Path wrong = dir.resolve("other.csv");
        Files.writeString(wrong, "a,b\n1,2\n");
        assertThatThrownBy(() -> GpqaCsv.read(wrong)).hasMessageContaining("no column \"Question\"");
    }

    @Test
    void aCsvSavedWithAByteOrderMarkReadsAsTheSameRows() throws Exception {
        Path marked = dir.resolve("gpqa_bom.csv");
        Files.writeString(marked, "\uFEFF" + Files.readString(EXTENDED));
        assertThat(GpqaCsv.read(marked)).isEqualTo(GpqaCsv.read(EXTENDED));
    }

    @Test
    void theOptionOrderIsSeededPerQuestionAndTheKeyFollowsTheCorrectAnswer() throws Exception {
        for (GpqaRow row : GpqaCsv.read(EXTENDED)) {
            GpqaPrompts.Shuffled a = GpqaPrompts.shuffle(row, 1);
            assertThat(a.options()).containsExactlyInAnyOrder(row.correctAnswer(), row.incorrectAnswers().get(0), row.incorrectAnswers().get(1),
                    row.incorrectAnswers().get(2));
            assertThat(a.options().get(a.answer() - 'A')).isEqualTo(row.correctAnswer());
            assertThat(GpqaPrompts.shuffle(row, 1)).isEqualTo(a);
        }
        List<GpqaRow> rows = GpqaCsv.read(EXTENDED);
        GpqaPrompts.Prompt fewShot = GpqaPrompts.prompt(rows.get(0), GpqaPrompts.Style.FEW_SHOT, 1, rows.subList(0, 3));
        assertThat(fewShot.prompt()).as("the question itself is never its own example").contains("Which is a noble gas?")
                .containsOnlyOnce("What is 2 + 2?");
    }

    @Test
    void theOfficialReaderTakesTheFirstBracketedUpperCaseLetterOfTheFirstPatternThatHoldsOne() {
        AnswerLetters read = AnswerLetters.OFFICIAL;
        assertThat(AnswerLetters.DEFAULT).isSameAs(read);
        assertThat(read.read("the answer is (D) ... no, the answer is (C)")).as("first occurrence").contains("D");
        assertThat(read.read("The answer is D")).as("brackets required").isEmpty();
        assertThat(read.read("**Answer: C**")).isEmpty();
        assertThat(read.read("(d)")).as("upper case required").isEmpty();
        assertThat(read.read("answer is (e), so Answer: (B)")).as("a letter outside A-D passes to the next pattern").contains("B");
        assertThat(read.read("Options (A) and (B); answer (C)")).as("patterns in order, not positions").contains("C");
        assertThat(read.read("I pick (\n) then (A)")).as("a newline is no character to the pattern").contains("A");
        assertThat(read.read("see (\r), final (B)")).as("a carriage return is one, as in Python").isEmpty();
    }

    @Test
    void answerLettersTakeTheLastMatchOfTheFirstPatternThatMatchesAndNeverGuess() {
        AnswerLetters read = AnswerLetters.LENIENT;
        assertThat(read.read("I think (A)... no. The correct answer is (C).")).contains("C");
        assertThat(read.read("the answer is b")).contains("B");
        assertThat(read.read("Answer: D")).contains("D");
        assertThat(read.read("Between (A) and (B), I pick (B)")).contains("B");
        assertThat(read.read("The answer is Boron")).as("a word, not a letter").isEmpty();
        assertThat(read.read("I do not know")).isEmpty();
        assertThat(AnswerLetters.of(List.of("Final: ([A-D])")).read("Final: A")).contains("A");
    }
}
