package dev.lookahead.feedback;

/**
 * One message of a conversation with the annotations the signals use.
 *
 * @param unsafe      a safety check (duo_safety or string_matcher) did not answer "__ok__"
 * @param canned      a bot message that is a safety-controlled (canned) response
 * @param dislikeType the reason given with a thumbs-down, or null
 */
public record Turn(boolean fromBot, String text, boolean liked, boolean disliked, String dislikeType, boolean unsafe,
                   boolean canned, boolean usedSearch, boolean usedMemory) {
}
