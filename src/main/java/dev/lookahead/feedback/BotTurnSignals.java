package dev.lookahead.feedback;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The implicit-feedback labels of one bot turn, read from the human turn that follows it
 * (the BlenderBot 3 paper; docs/user-guide.md, "Feedback signals"). A signal is null when the turn has no reply and no-reply turns are
 * excluded; with {@link NoReply#BAD} they count as bad.
 *
 * @param lengthAtLeast for each k, whether the next human turn has at least k words
 * @param compound      VADER compound of the next human turn, null without one
 * @param joy           the joy detector's verdict on the next human turn, null without one
 */
public record BotTurnSignals(String conversationId, int turnIndex, String botText, String nextHumanText, boolean replied,
                             Map<Integer, Boolean> lengthAtLeast, Boolean nonNegativeSentimentAndLength,
                             Boolean positiveSentimentAndLength, Boolean joyAndLength, Double compound, Boolean joy,
                             boolean liked, boolean disliked, String dislikeType, boolean adversarial, boolean canned,
                             boolean usedSearch, boolean usedMemory) {

    /** Whether a turn without a reply is left out of the signals or counted as bad. */
    public enum NoReply {
        EXCLUDED,
        BAD
    }

    /** Words a reply needs for the sentiment and joy signals (the paper's length rule, k = 5). */
    public static final int SENTIMENT_LENGTH = 5;
    /** VADER's conventional thresholds: compound at least 0.05 is positive, at most -0.05 negative. */
    public static final double POSITIVE = 0.05;
    public static final double NEGATIVE = -0.05;

    public static List<BotTurnSignals> of(Conversation conversation, List<Integer> ks, NoReply noReply, Vader vader) {
        List<BotTurnSignals> labels = new ArrayList<>();
        boolean adversarial = conversation.adversarial();
        List<Turn> turns = conversation.turns();
        for (int i = 0; i < turns.size(); i++) {
            Turn bot = turns.get(i);
            if (!bot.fromBot()) continue;
            Turn next = i + 1 < turns.size() && !turns.get(i + 1).fromBot() ? turns.get(i + 1) : null;
            Double compound = next == null ? null : vader.score(next.text()).compound();
            Boolean joy = next == null ? null : JoyDetector.joyful(next.text());
            labels.add(labelled(conversation.id(), i, bot.text(), next == null ? null : next.text(), compound, joy, ks, noReply,
                    bot.liked(), bot.disliked(), bot.dislikeType(), adversarial, bot.canned(), bot.usedSearch(), bot.usedMemory()));
        }
        return labels;
    }

    /**
     * The same turn labelled again with other length thresholds or another no-reply rule: the scores
     * of the reply are kept, so relabelling costs no sentiment scoring.
     */
    public BotTurnSignals relabelled(List<Integer> ks, NoReply noReply) {
        return labelled(conversationId, turnIndex, botText, nextHumanText, compound, joy, ks, noReply, liked, disliked, dislikeType,
                adversarial, canned, usedSearch, usedMemory);
    }

    private static BotTurnSignals labelled(String conversationId, int turnIndex, String botText, String reply, Double compound, Boolean joy,
                                           List<Integer> ks, NoReply noReply, boolean liked, boolean disliked, String dislikeType,
                                           boolean adversarial, boolean canned, boolean usedSearch, boolean usedMemory) {
        Map<Integer, Boolean> lengths = new LinkedHashMap<>();
        Boolean nonNegative;
        Boolean positive;
        Boolean joyAndLength;
        if (reply == null) {
            Boolean missing = noReply == NoReply.BAD ? Boolean.FALSE : null;
            for (int k : ks) lengths.put(k, missing);
            nonNegative = missing;
            positive = missing;
            joyAndLength = missing;
        } else {
            int words = wordCount(reply);
            for (int k : ks) lengths.put(k, words >= k);
            boolean longEnough = words >= SENTIMENT_LENGTH;
            nonNegative = compound > NEGATIVE && longEnough;
            positive = compound >= POSITIVE && longEnough;
            joyAndLength = joy && longEnough;
        }
        return new BotTurnSignals(conversationId, turnIndex, botText, reply, reply != null, lengths, nonNegative, positive,
                joyAndLength, compound, joy, liked, disliked, dislikeType, adversarial, canned, usedSearch, usedMemory);
    }

    /** Words separated by whitespace. */
    public static int wordCount(String text) {
        String trimmed = text.strip();
        return trimmed.isEmpty() ? 0 : trimmed.split("(?U)\\s+").length;
    }
}
