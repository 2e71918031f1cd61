package dev.lookahead.feedback;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The reference VADER's published example scores (its README), reproduced to the printed digits. */
class VaderTest {
    @ParameterizedTest(name = "{0}")
    @CsvSource(delimiter = '|', value = {
        "VADER is smart, handsome, and funny.|0.8316|0.746|0.254|0.0",
        "VADER is smart, handsome, and funny!|0.8439|0.752|0.248|0.0",
        "VADER is very smart, handsome, and funny.|0.8545|0.701|0.299|0.0",
        "VADER is VERY SMART, handsome, and FUNNY.|0.9227|0.754|0.246|0.0",
        "VADER is VERY SMART, handsome, and FUNNY!!!|0.9342|0.767|0.233|0.0",
        "VADER is VERY SMART, uber handsome, and FRIGGIN FUNNY!!!|0.9469|0.706|0.294|0.0",
        "VADER is not smart, handsome, nor funny.|-0.7424|0.0|0.354|0.646",
        "The book was good.|0.4404|0.492|0.508|0.0",
        "At least it isn't a horrible book.|0.431|0.322|0.678|0.0",
        "The book was only kind of good.|0.3832|0.303|0.697|0.0",
        "The plot was good, but the characters are uncompelling and the dialog is not great.|-0.7042|0.094|0.579|0.327",
        "Today SUX!|-0.5461|0.0|0.221|0.779",
        "Today only kinda sux! But I'll get by, lol|0.5249|0.317|0.556|0.127",
        "Make sure you :) or :D today!|0.8633|0.706|0.294|0.0",
        "Not bad at all|0.431|0.487|0.513|0.0",
    })
    void reproducesTheReference(String text, double compound, double positive, double neutral, double negative) {
        Vader.Scores scores = Vader.reference().score(text);
        assertThat(scores.compound()).as("compound").isEqualTo(compound);
        assertThat(scores.positive()).as("pos").isEqualTo(positive);
        assertThat(scores.neutral()).as("neu").isEqualTo(neutral);
        assertThat(scores.negative()).as("neg").isEqualTo(negative);
    }

    @Test
    void emojiCountByTheirDescriptions() {
        Vader vader = Vader.reference();
        assertThat(vader.replaceEmoji("so cool😁!")).isEqualTo("so cool beaming face with smiling eyes!");
        // the README's compound for its emoji example (its proportions are not checked here)
        assertThat(vader.score("Catch utf-8 emoji such as 💘 and 💋 and 😁").compound()).isEqualTo(0.875);
    }

    @Test
    void pythonStyleDetails() {
        assertThat(Vader.isUpper("SUX!")).isTrue();
        assertThat(Vader.isUpper(":)")).isFalse();
        assertThat(Vader.tokens("Make sure you :) or :D today!")).containsExactly("Make", "sure", "you", ":)", "or", ":D", "today");
        assertThat(Vader.round(0.12345, 4)).isEqualTo(0.1235);
        assertThat(Vader.round(0.5, 0)).isEqualTo(0.0);
    }
}
