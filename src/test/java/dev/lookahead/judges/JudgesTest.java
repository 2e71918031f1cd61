package dev.lookahead.judges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The audit and RewardBench's scores on small sets worked out by hand, with ties, parse failures and ambiguous outputs. */
class JudgesTest {
    private static PairwiseItem.Judgment j(String judge, String order, String output) {
        return new PairwiseItem.Judgment(judge, order, output);
    }

    /** Four items, two judges; the comments give each judgment's winner and score. */
    static final List<PairwiseItem> ITEMS = List.of(
            new PairwiseItem("1", "chat", "a", List.of(
                    j("J1", "ab", "A is better. [[A]]"),      // a, 1
                    j("J1", "ba", "[[B]]"),                   // second shown is a, 1
                    j("J2", "ab", "[[B]]"),                   // b, 0
                    j("J2", "ba", "[[B]]"))),                 // a, 1
            new PairwiseItem("2", "chat", "b", List.of(
                    j("J1", "ab", "Equal. [[C]]"),            // tie, 0.5
                    j("J1", "ba", "I cannot decide."),        // not parsed, 0.5
                    j("J2", "ab", "[[A]] or maybe [[B]]"),    // two verdicts: not parsed, 0.5
                    j("J2", "ba", "[[A]]"))),                 // first shown is b, 1
            new PairwiseItem("3", "math", null, List.of(
                    j("J1", "ab", "[[A]]"),                   // a
                    j("J1", "ba", "[[A]]"),                   // b
                    j("J2", "ab", "[[C]]"),                   // tie
                    j("J2", "ba", "[[C]]"))),                 // tie
            new PairwiseItem("4", "math", "tie", List.of(
                    j("J1", "ab", "[[A]]"),                   // a, 0
                    j("J1", "ba", "[[C]]"))));                // tie, 0.5

    @Test
    void theAuditCountsTiesAndFailuresAsHalfAndComparesBothOrdersPerJudge() {
        Verdicts strict = new Verdicts("[[A]]", "[[B]]", "[[C]]", Verdicts.Rule.STRICT);
        JudgeAudit.Report report = JudgeAudit.audit(ITEMS, strict);
        JudgeAudit.Figures all = report.overall();
        assertThat(all.judgments()).isEqualTo(14);
        assertThat(all.parseFailures()).isEqualTo(2);
        assertThat(all.accuracy()).as("(3 + 2.5 + 0.5) / 10 labelled judgments").isEqualTo(0.6);
        assertThat(all.positionConsistency()).as("2 of 5 (item, judge) pairs with both orders parsed").isEqualTo(0.4);
        assertThat(all.firstPositionRate()).as("5 of 8 decisive verdicts").isEqualTo(5 / 8.0);
        assertThat(all.tieRate()).isEqualTo(4 / 14.0);
        assertThat(report.categories().get("chat").accuracy()).isEqualTo(5.5 / 8);
        assertThat(report.categories().get("math").accuracy()).isEqualTo(0.25);
        assertThat(report.kappa()).containsOnlyKeys("J1 | J2");
        assertThat(report.kappa().get("J1 | J2")).as("agreement 1/4, chance 1/4").isCloseTo(0.0, within(1e-12));
        assertThat(all.fastchatConsistency()).as("read by FastChat's rule: 2 of 6 pairs").isEqualTo(2 / 6.0);
    }

    @Test
    void fastChatsRuleTakesTheFirstMarkerInTheOrderFirstSecondTie() {
        assertThat(Verdicts.DEFAULT.read("[[B]] ... on reflection [[A]]")).contains(Verdicts.Verdict.FIRST);
        assertThat(Verdicts.DEFAULT.read("[[C]] or [[B]]")).contains(Verdicts.Verdict.SECOND);
        JudgeAudit.Figures all = JudgeAudit.audit(ITEMS, Verdicts.DEFAULT).overall();
        assertThat(all.parseFailures()).as("only the output without any marker").isEqualTo(1);
        assertThat(all.accuracy()).as("\"[[A]] or maybe [[B]]\" shown ab is a, against label b").isEqualTo(5.5 / 10);
        assertThat(all.firstPositionRate()).isEqualTo(6 / 9.0);
    }

    @Test
    void markersAreEditableAndAnOutputWithoutOneIsNeverGuessed() {
        Verdicts custom = new Verdicts("Verdict: A", "Verdict: B", "Verdict: tie", Verdicts.Rule.STRICT);
        assertThat(custom.read("... Verdict: B")).contains(Verdicts.Verdict.SECOND);
        assertThat(custom.read("[[A]]")).isEmpty();
        assertThat(Verdicts.DEFAULT.read(null)).isEmpty();
    }

    @Test
    void cohensKappaMatchesATextbookCase() {
        // p_o = 4/5, p_e = 3/5 x 2/5 + 2/5 x 3/5 = 12/25
        assertThat(CohenKappa.of(List.of("y", "y", "n", "n", "y"), List.of("y", "n", "n", "n", "y"))).isCloseTo((0.8 - 0.48) / 0.52, within(1e-12));
        assertThat(CohenKappa.of(List.of("a", "a"), List.of("a", "a"))).isEqualTo(1.0);
    }

    @Test
    void rewardBenchWeighsSubsetsByItsExampleCountsAndTiesAreWrong() {
        RewardBench.Report r = RewardBench.score(List.of(
                new RewardBench.Pair("alpacaeval-easy", 2, 1), new RewardBench.Pair("alpacaeval-easy", 1, 2),
                new RewardBench.Pair("mt-bench-easy", 3, 1),
                new RewardBench.Pair("llmbar-natural", 0.3, 0.3), new RewardBench.Pair("llmbar-natural", 0.9, 0.1),
                new RewardBench.Pair("donotanswer", 1, 0),
                new RewardBench.Pair("math-prm", 1, 0), new RewardBench.Pair("math-prm", 0, 1),
                new RewardBench.Pair("hep-python", 5, 4),
                new RewardBench.Pair("anthropic_helpful", 0, 1)));
        assertThat(r.subsets().get("llmbar-natural")).as("a tie is not a win").isEqualTo(0.5);
        assertThat(r.sections().get("Chat")).isEqualTo((0.5 * 100 + 1.0 * 28) / 128);
        assertThat(r.sections().get("Chat Hard")).isEqualTo(0.5);
        assertThat(r.sections().get("Safety")).isEqualTo(1.0);
        assertThat(r.sections().get("Reasoning")).as("math-prm weighs 984").isCloseTo((0.5 * 984 + 164) / 1148, within(1e-12));
        assertThat(r.score()).isCloseTo((78 / 128.0 + 0.5 + 1.0 + 656 / 1148.0) / 4, within(1e-12));
        assertThat(r.subsets()).containsKey("anthropic_helpful");
        assertThat(r.sections()).containsOnlyKeys("Chat", "Chat Hard", "Safety", "Reasoning");
    }
}
