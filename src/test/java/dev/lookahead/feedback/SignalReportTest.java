package dev.lookahead.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SignalReportTest {
    private static BotTurnSignals turn(boolean replied, Boolean length5, boolean adversarial, boolean liked) {
        return new BotTurnSignals("c", 1, "bot", replied ? "human" : null, replied, Map.of(5, length5 == null ? Boolean.FALSE : length5),
                null, null, null, replied ? 0.5 : null, null, liked, false, null, adversarial, false, false, false);
    }

    @Test
    void ratesCountDefinedTurnsPerSubsetAndKappaMeasuresAgreement() {
        SignalReport report = new SignalReport();
        Conversation twoHumans = new Conversation("a", List.of(human(), bot(), human(), bot()));
        Conversation oneHuman = new Conversation("b", List.of(human(), bot(), bot()));
        report.add(twoHumans, List.of(turn(true, true, false, true), turn(true, false, false, false)));
        report.add(oneHuman, List.of(turn(false, false, true, false), turn(true, true, true, true)));
        assertThat(report.botTurns()).isEqualTo(4);
        assertThat(report.conversations()).isEqualTo(2);
        assertThat(report.rate("replied", "all").successes()).isEqualTo(3);
        assertThat(report.rate("replied", "adversarial").trials()).isEqualTo(2);
        assertThat(report.rate("nonneg_sentiment_length", "all").trials()).as("undefined everywhere").isZero();
        // length_5 and liked agree on every turn: perfect agreement beyond chance
        assertThat(report.kappa("length_5", "liked")).isCloseTo(1.0, within(1e-12));
        assertThat(report.kappa("replied", "replied")).isCloseTo(1.0, within(1e-12));
        assertThat(report.kappa("nonneg_sentiment_length", "liked")).isNaN();
        // replied vs length_5: observed 3/4, chance 3/4 * 1/2 + 1/4 * 1/2 = 1/2, kappa (0.75 - 0.5) / 0.5
        assertThat(report.kappa("replied", "length_5")).isCloseTo(0.5, within(1e-12));
        assertThat(report.replyRateByBotTurn().get(1).trials()).isEqualTo(2);
        assertThat(report.replyRateByBotTurn().get(1).successes()).isEqualTo(1);
        assertThat(report.survival()).containsEntry(1, 1.0).containsEntry(2, 0.5);
        assertThat(report.replyLengths()).containsEntry(1, 3L);
        assertThat(report.sentimentByFeature().get("search")).containsExactly(Double.NaN, 0, 0.5, 3);
    }

    private static Turn human() {
        return new Turn(false, "hi", false, false, null, false, false, false, false);
    }

    private static Turn bot() {
        return new Turn(true, "hello", false, false, null, false, false, false, false);
    }
}
