package dev.lookahead.proofs;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.proofs.Formula.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class SentenceParserTest {

    private static Formula read(String sentence) throws SentenceParser.Unreadable {
        return SentenceParser.formula(sentence);
    }

    @Test
    void whatTheStudysParserCannotReadIsUnreadableHereToo() throws Exception {
        assertThatThrownBy(() -> read("Bob is an impus.")).hasMessageContaining("one of the names").hasMessageContaining("Wren");
        assertThatThrownBy(() -> read("Everything that is not a brimpus is a grimpus.")).hasMessageContaining("no 'not'");
        assertThatThrownBy(() -> read("Everything that is a brimpus and not a wumpus is a grimpus.")).hasMessageContaining("no 'not'");
        SentenceParser.Sentence since = SentenceParser.parse("Since Polly is a jompus, Polly is not a sterpus, and Polly is a dumpus, Polly is a rompus.");
        assertThat(since.formula()).as("the study's parser keeps the first clause of a coordinated premise").isEqualTo(read("Polly is a jompus."));
        assertThat(since.conclusion()).as("the list ends at the comma after its last item").isEqualTo(read("Polly is a rompus."));
        assertThat(SentenceParser.parse("Since Polly is a jompus and Polly is a dumpus, Polly is a rompus.").formula()).isEqualTo(read("Polly is a jompus."));
        assertThat(SentenceParser.parse("Since Polly is a jompus and a dumpus, Polly is a rompus.").formula())
                .as("a coordination of predicates is kept whole").isEqualTo(read("Polly is a jompus and a dumpus."));
    }

    @Test
    void anAdjectiveBeforeANounReadsAsTheirConjunctionAdjectiveFirstAsTheStudyReadsIt() throws Exception {
        Formula slowLempus = new Formula.And(List.of(Formula.atom("slow"), Formula.atom("lempus")));
        assertThat(read("Polly is a slow lempus.")).isEqualTo(slowLempus.substitute(Formula.X, new Formula.Constant("Polly")));
        assertThat(read("Every wumpus is a slow lempus.")).isEqualTo(Formula.rule(Formula.atom("wumpus"), slowLempus));
        assertThat(read("Wumpuses are slow lempuses.")).isEqualTo(read("Every wumpus is a slow lempus."));
        assertThat(read("Slow lempuses are wumpuses.")).isEqualTo(Formula.rule(slowLempus, Formula.atom("wumpus")));
        assertThat(read("Polly is not a slow lempus.")).isEqualTo(new Not(read("Polly is a slow lempus.")));
        assertThat(read("Wumpuses are slow and lempuses.")).as("the same conjunction, written as a list").isEqualTo(read("Wumpuses are slow lempuses."));
        assertThatThrownBy(() -> read("Polly is a slow.")).hasMessageContaining("a noun after 'a'");
    }

    @Test
    void everySentenceFormOfTheSpecReadsAsItsLogicalForm() throws Exception {
        assertThat(read("Max is a wumpus.")).isEqualTo(Formula.atom("wumpus", "Max"));
        assertThat(read("Max is not red.")).isEqualTo(new Not(Formula.atom("red", "Max")));
        assertThat(read("Max is red, small, or a wumpus.")).isEqualTo(new Formula.Or(List.of(
                Formula.atom("red", "Max"), Formula.atom("small", "Max"), Formula.atom("wumpus", "Max"))));
        assertThat(read("Max is either red or a wumpus.")).isEqualTo(read("Max is red or a wumpus."));
        assertThat(read("Max is both red and a wumpus.")).isEqualTo(read("Max is red and a wumpus."));
        assertThat(read("Max is a jompus and Max is a lorpus.")).isEqualTo(read("Max is a jompus and a lorpus."));
        assertThat(read("Every wumpus is not a rompus.")).isEqualTo(Formula.rule(Formula.atom("wumpus"), new Not(Formula.atom("rompus"))));
        assertThat(read("Each wumpus is a rompus.")).isEqualTo(read("All wumpuses are rompuses."));
        assertThat(read("Wumpuses are rompuses.")).isEqualTo(read("Every wumpus is a rompus."));
        assertThat(read("Every red wumpus is a rompus.")).isEqualTo(Formula.rule(
                new Formula.And(List.of(Formula.atom("red"), Formula.atom("wumpus"))), Formula.atom("rompus")));
        assertThat(read("Everything that is red, small, or a wumpus is a rompus.")).isEqualTo(Formula.rule(
                new Formula.Or(List.of(Formula.atom("red"), Formula.atom("small"), Formula.atom("wumpus"))), Formula.atom("rompus")));
        assertThat(read("Everything that is a wumpus or a yumpus is small and a rompus.").asRule().consequent())
                .isEqualTo(new Formula.And(List.of(Formula.atom("small"), Formula.atom("rompus"))));
        assertThat(read("No wumpuses are red.")).isEqualTo(read("No wumpus is red."));
        assertThat(read("No wumpus is red.")).isEqualTo(new Not(new Formula.Exists(Formula.X,
                new Formula.And(List.of(Formula.atom("wumpus"), Formula.atom("red"))))));
        assertThat(read("According to the given information, Max is a wumpus.")).isEqualTo(read("Max is a wumpus."));
        assertThat(read("Painted ladies are butterflies.")).isEqualTo(Formula.rule(Formula.atom("painted lady"), Formula.atom("butterfly")));
    }

    @Test
    void proofSentencesTellTheirKind() throws Exception {
        assertThat(SentenceParser.parse("Assume Max is a sterpus.").kind()).isEqualTo(SentenceParser.Kind.ASSUMPTION);
        assertThat(SentenceParser.parse("This contradicts with Max is not a lempus.").formula()).isEqualTo(read("Max is not a lempus."));
        assertThat(SentenceParser.parse("This is a contradiction.").formula()).isNull();
        SentenceParser.Sentence since = SentenceParser.parse("Since Max is a sterpus, a jompus, or a lorpus, Max is a grimpus.");
        assertThat(since.kind()).isEqualTo(SentenceParser.Kind.SINCE);
        assertThat(since.formula()).isEqualTo(read("Max is a sterpus, a jompus, or a lorpus."));
        assertThat(since.conclusion()).isEqualTo(read("Max is a grimpus."));
        assertThat(SentenceParser.parse("Max is a grimpus because Max is a sterpus.").formula()).isEqualTo(read("Max is a sterpus."));
        assertThat(SentenceParser.parse("Max is a sterpus, so Max is a grimpus.").conclusion()).isEqualTo(read("Max is a grimpus."));
        assertThat(SentenceParser.parse("Therefore, Max is a grimpus.").formula()).isEqualTo(read("Max is a grimpus."));
        assertThat(SentenceParser.parse("However, Max is not a grimpus.").formula()).isEqualTo(read("Max is not a grimpus."));
    }

    @Test
    void agreementIsEnforcedAndFailuresNameTheWord() {
        assertThatThrownBy(() -> read("Wumpuses is red.")).hasMessageContaining("'are'");
        assertThatThrownBy(() -> read("Every wumpuses is red.")).hasMessageContaining("noun");
        assertThatThrownBy(() -> read("Max are red.")).hasMessageContaining("'is'");
        assertThatThrownBy(() -> read("Wumpuses are a rompus.")).hasMessageContaining("plural");
        assertThatThrownBy(() -> read("Max is a blorp.")).hasMessageContaining("word 4 ('blorp')");
    }

    @Test
    void aListMixingAndWithOrIsReportedAsAmbiguous() {
        assertThatThrownBy(() -> read("Max is red and blue or a wumpus.")).hasMessageContaining("ambiguous");
        assertThatThrownBy(() -> read("Max is red or Rex is blue and Sam is a wumpus.")).hasMessageContaining("ambiguous");
    }

    @Test
    void aLongCoordinationIsReadWithoutBacktracking() throws Exception {
        // thousands of items: a parser that backtracks over the comma/conjunction choices would not finish
        List<String> items = new ArrayList<>();
        for (int k = 0; k < 3000; k++) items.add("colour" + (char) ('a' + k % 26) + (char) ('a' + k / 26 % 26) + (char) ('a' + k / 676));
        Formula f = read("Max is " + String.join(", ", items.subList(0, items.size() - 1)) + ", and " + items.get(items.size() - 1) + ".");
        assertThat(((Formula.And) f).operands()).hasSize(3000);
        Formula clauses = read(String.join(" and ", items.stream().map(w -> "Max is " + w).toList()) + ".");
        assertThat(((Formula.And) clauses).operands()).hasSize(3000);
    }

    @Test
    void everyRenderedFormulaReadsBackExactly() throws Exception {
        Random random = new Random(5);
        English english = new English(random);
        List<String> nouns = Lexicon.CONCEPTS;
        List<String> adjectives = List.of("red", "small", "windy", "bitter", "happy");
        for (int trial = 0; trial < 3000; trial++) {
            Formula f = randomFormula(random, nouns, adjectives);
            String sentence = english.sentence(f);
            assertThat(read(sentence)).as(sentence).isEqualTo(f);
        }
    }

    private static Formula randomFormula(Random r, List<String> nouns, List<String> adjectives) {
        String noun = nouns.get(r.nextInt(nouns.size()));
        String other = nouns.get(r.nextInt(nouns.size()));
        String adjective = adjectives.get(r.nextInt(adjectives.size()));
        Formula predicate = r.nextBoolean() ? Formula.atom(other) : Formula.atom(adjective);
        return switch (r.nextInt(8)) {
            case 0 -> Formula.atom(noun, "Max");
            case 1 -> new Not(Formula.atom(adjective, "Max"));
            case 2 -> Formula.rule(Formula.atom(noun), r.nextBoolean() ? predicate : new Not(predicate));
            case 3 -> Formula.rule(new Formula.And(List.of(Formula.atom(adjective), Formula.atom(noun))), predicate);
            case 4 -> Formula.rule(new Formula.Or(List.of(Formula.atom(noun), Formula.atom(adjective), Formula.atom(other))), predicate);
            case 5 -> Formula.rule(Formula.atom(noun), new Formula.And(List.of(Formula.atom(adjective), Formula.atom(other))));
            case 6 -> new Formula.Or(List.of(Formula.atom(noun, "Max"), Formula.atom(adjective, "Max"), Formula.atom(other, "Max")));
            default -> new Formula.And(List.of(new Not(Formula.atom(noun, "Max")), new Not(Formula.atom(other, "Rex"))));
        };
    }
}
