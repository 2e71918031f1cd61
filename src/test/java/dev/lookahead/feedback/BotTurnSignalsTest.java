package dev.lookahead.feedback;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class BotTurnSignalsTest {
    private static List<BotTurnSignals> label(BotTurnSignals.NoReply noReply) throws Exception {
        List<BotTurnSignals> all = new ArrayList<>();
        for (String line : Files.readAllLines(Path.of("samples/dialogue/sample-log.jsonl"))) {
            all.addAll(BotTurnSignals.of(ConversationReader.read(Json.MAPPER.readTree(line)), List.of(5, 20), noReply, Vader.reference()));
        }
        return all;
    }

    private static BotTurnSignals turn(List<BotTurnSignals> all, String conversation, int index) {
        return all.stream().filter(t -> conversation.equals(t.conversationId()) && t.turnIndex() == index).findFirst().orElseThrow();
    }

    @Test
    void everyBotTurnIsLabelledFromTheNextHumanTurn() throws Exception {
        List<BotTurnSignals> all = label(BotTurnSignals.NoReply.EXCLUDED);
        assertThat(all).hasSize(11);
        BotTurnSignals pets = turn(all, "c1", 1);
        assertThat(pets.nextHumanText()).isEqualTo("yes two cats, they are so funny lol");
        assertThat(pets.lengthAtLeast()).containsEntry(5, true).containsEntry(20, false);
        assertThat(pets.joy()).isTrue();
        assertThat(pets.joyAndLength()).isTrue();
        assertThat(pets.positiveSentimentAndLength()).isTrue();
        assertThat(pets.liked()).isTrue();

        BotTurnSignals shortJoy = turn(all, "c4", 3);
        assertThat(shortJoy.joy()).as("'thanks haha' laughs").isTrue();
        assertThat(shortJoy.joyAndLength()).as("but has two words").isFalse();

        BotTurnSignals wrong = turn(all, "c2", 1);
        assertThat(wrong.compound()).isNegative();
        assertThat(wrong.nonNegativeSentimentAndLength()).isFalse();
        assertThat(wrong.lengthAtLeast()).containsEntry(5, true);
    }

    @Test
    void unansweredTurnsAreExcludedOrBadAsChosen() throws Exception {
        BotTurnSignals excluded = turn(label(BotTurnSignals.NoReply.EXCLUDED), "c1", 5);
        assertThat(excluded.replied()).isFalse();
        assertThat(excluded.lengthAtLeast()).containsEntry(5, null);
        assertThat(excluded.joyAndLength()).isNull();
        assertThat(excluded.compound()).isNull();
        BotTurnSignals bad = turn(label(BotTurnSignals.NoReply.BAD), "c1", 5);
        assertThat(bad.lengthAtLeast()).containsEntry(5, false);
        assertThat(bad.positiveSentimentAndLength()).isFalse();
    }

    @Test
    void annotationsCarryAlongInEitherKeyStyle() throws Exception {
        List<BotTurnSignals> all = label(BotTurnSignals.NoReply.EXCLUDED);
        BotTurnSignals disliked = turn(all, "c2", 3);
        assertThat(disliked.disliked()).isTrue();
        assertThat(disliked.dislikeType()).isEqualTo("off-topic");
        BotTurnSignals canned = turn(all, "c3", 1);
        assertThat(canned.canned()).isTrue();
        assertThat(canned.adversarial()).isTrue();
        assertThat(turn(all, "c1", 1).adversarial()).isFalse();
        assertThat(turn(all, "g1", 1).nextHumanText()).startsWith("I have read it twice");
        assertThat(turn(all, "c2", 1).usedSearch()).as("searchDecision + searchQuery").isTrue();
        assertThat(turn(all, "c4", 1).usedMemory()).isTrue();
        assertThat(turn(all, "c1", 1).usedSearch()).isFalse();
    }

    @Test
    void malformedConversationsSayWhatIsWrong() {
        assertThatThrownBy(() -> ConversationReader.read(Json.MAPPER.readTree("{\"chat_id\": \"x\"}")))
                .hasMessageContaining("message_history");
        assertThatThrownBy(() -> ConversationReader.read(Json.MAPPER.readTree(
                "{\"chat_id\": \"x\", \"message_history\": [{\"sender\": \"alien\", \"text\": \"hi\"}]}")))
                .hasMessageContaining("unknown sender 'alien'");
    }

    @Test
    void theJoyDetectorNamesItsCues() {
        assertThat(JoyDetector.cues("hahaha that was great 😂")).containsExactly("hahaha", "😂");
        assertThat(JoyDetector.cues("LOL ok")).containsExactly("LOL");
        assertThat(JoyDetector.joyful("I am so happy!")).isTrue();
        assertThat(JoyDetector.joyful("the lollipop was sold")).isFalse();
        assertThat(JoyDetector.joyful("fine, whatever")).isFalse();
        assertThat(BotTurnSignals.wordCount("  two  words ")).isEqualTo(2);
    }
}
