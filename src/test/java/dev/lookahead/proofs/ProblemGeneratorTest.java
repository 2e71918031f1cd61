package dev.lookahead.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.proofs.ProblemGenerator.Distractors;
import dev.lookahead.proofs.ProblemGenerator.Options;
import dev.lookahead.proofs.ProblemGenerator.Ordering;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;

class ProblemGeneratorTest {
    private static Options options(DeductionRule rule, int hops, int width, Distractors distractors) {
        return new Options(rule, hops, width, distractors, Ordering.RANDOM, 3, 0, false, null, null);
    }

    @Test
    void everyGoldProofIsStrictlyCorrectAndEverySentenceReads() throws Exception {
        for (DeductionRule rule : DeductionRule.values()) {
            for (Distractors distractors : Distractors.values()) {
                for (int hops : rule.oneHop() ? new int[] {1} : new int[] {1, 3, 5}) {
                    if (rule == DeductionRule.COMPOSED && hops < 3) continue;
                    for (int width : rule == DeductionRule.MODUS_PONENS ? new int[] {1} : new int[] {2, 3}) {
                        for (DeductionProblem p : ProblemGenerator.generate(options(rule, hops, width, distractors), 30, hops * 10 + width)) {
                            for (String sentence : p.context()) SentenceParser.formula(sentence);
                            CheckedProof checked = ProofCheck.check(p.context(), p.goldProof(), p.goldProof(), ProofSemantics.CORRECTED);
                            assertThat(checked.strict()).as("%s %s hops %d width %d: %s", rule, distractors, hops, width, p).isTrue();
                            assertThat(checked.firstError()).isNull();
                            assertThat(checked.steps()).allMatch(s -> s.label() == CheckedProof.Label.CORRECT);
                        }
                    }
                }
            }
        }
    }

    @Test
    void noDistractorsMeansEveryContextSentenceIsUsedByTheGoldProof() throws Exception {
        for (DeductionProblem p : ProblemGenerator.generate(options(DeductionRule.MODUS_PONENS, 3, 1, Distractors.NONE), 20, 4)) {
            Set<Formula> gold = new HashSet<>();
            for (String s : p.goldProof()) gold.add(SentenceParser.formula(s).normalized());
            for (String s : p.context()) assertThat(gold).as(s).contains(SentenceParser.formula(s).normalized());
        }
        for (DeductionProblem p : ProblemGenerator.generate(options(DeductionRule.MODUS_PONENS, 3, 1, Distractors.RELEVANT), 20, 4)) {
            assertThat(p.context().size()).isGreaterThan(p.goldProof().size() / 2 + 2);
        }
    }

    @Test
    void irrelevantDistractorsNeverMentionAConceptOfTheGoldProof() throws Exception {
        for (DeductionProblem p : ProblemGenerator.generate(options(DeductionRule.MODUS_PONENS, 3, 1, Distractors.IRRELEVANT), 20, 5)) {
            Set<String> goldWords = words(String.join(" ", p.goldProof()));
            for (String sentence : p.context()) {
                if (p.goldProof().contains(sentence)) continue;
                Set<String> shared = words(sentence);
                shared.retainAll(goldWords);
                shared.removeIf(w -> !Lexicon.isNoun(w) && !Lexicon.isPluralNoun(w));
                assertThat(shared).as(sentence).isEmpty();
            }
        }
    }

    private static Set<String> words(String text) {
        return new HashSet<>(List.of(text.toLowerCase(java.util.Locale.ROOT).split("[^a-z]+")));
    }

    @Test
    void composedProofsUseAtLeastKRuleTypes() throws Exception {
        for (DeductionProblem p : ProblemGenerator.generate(options(DeductionRule.COMPOSED, 4, 2, Distractors.NONE), 20, 6)) {
            CheckedProof checked = ProofCheck.check(p.context(), p.goldProof(), p.goldProof(), ProofSemantics.PAPER);
            Set<String> rules = new HashSet<>();
            for (CheckedProof.Step s : checked.steps()) rules.add(s.rule());
            rules.removeAll(Set.of("axiom", "repeat"));
            assertThat(rules.size()).as("%s", rules).isGreaterThanOrEqualTo(3);
        }
    }

    @Test
    void outOfDistributionDemonstrationsExcludeTheTestedRuleAndTheSeedRepeats() {
        Options ood = new Options(DeductionRule.OR_ELIM, 1, 2, Distractors.RELEVANT, Ordering.RANDOM, 3, 4, true, null, null);
        List<DeductionProblem> problems = ProblemGenerator.generate(ood, 5, 9);
        for (DeductionProblem p : problems) {
            assertThat(p.demos()).hasSize(4);
            assertThat(p.demos()).noneMatch(d -> d.rule().equals("OrElim"));
        }
        Options inDistribution = new Options(DeductionRule.OR_ELIM, 1, 2, Distractors.RELEVANT, Ordering.RANDOM, 3, 2, false, null, null);
        assertThat(ProblemGenerator.generate(inDistribution, 3, 9).get(0).demos()).allMatch(d -> d.rule().equals("OrElim"));
        assertThat(ProblemGenerator.generate(ood, 5, 9)).isEqualTo(problems);
        assertThat(ProblemGenerator.generate(ood, 5, 10)).isNotEqualTo(problems);
    }
}
