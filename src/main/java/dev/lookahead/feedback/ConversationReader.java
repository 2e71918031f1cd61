package dev.lookahead.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads one conversation from a JSON line: the BlenderBot 3 deployment format ({@code chat_id},
 * {@code message_history[]} with {@code text} and {@code sender}), with keys in snake_case or camelCase
 * and sender names in any case, or the generic format ({@code conversation_id}, {@code turns[]} with
 * {@code speaker} and {@code text}).
 */
public final class ConversationReader {
    private ConversationReader() {
    }

    public static Conversation read(JsonNode line) {
        if (!line.isObject()) throw new IllegalArgumentException("a conversation must be a JSON object");
        JsonNode messages = field(line, "message_history", "messageHistory");
        String idKey = "chat_id";
        if (messages == null) {
            messages = line.get("turns");
            idKey = "conversation_id";
        }
        if (messages == null || !messages.isArray()) {
            throw new IllegalArgumentException("expected message_history (BlenderBot 3 format) or turns (generic format)");
        }
        JsonNode id = idKey.equals("chat_id") ? field(line, "chat_id", "chatId") : field(line, "conversation_id", "conversationId");
        List<Turn> turns = new ArrayList<>();
        for (int i = 0; i < messages.size(); i++) turns.add(turn(messages.get(i), i));
        return new Conversation(id == null || id.isNull() ? null : id.asText(), turns);
    }

    private static Turn turn(JsonNode message, int index) {
        JsonNode senderNode = message.has("sender") ? message.get("sender") : message.get("speaker");
        if (senderNode == null || !senderNode.isTextual()) {
            throw new IllegalArgumentException("message " + index + " has no sender (or speaker)");
        }
        String sender = senderNode.asText().toLowerCase(Locale.ROOT);
        boolean bot = switch (sender) {
            case "bot", "chatbot", "assistant", "model" -> true;
            case "human", "user" -> false;
            default -> throw new IllegalArgumentException("message " + index + " has an unknown sender '" + senderNode.asText() + "'");
        };
        JsonNode text = message.get("text");
        if (text == null || !text.isTextual()) throw new IllegalArgumentException("message " + index + " has no text");
        JsonNode dislikeType = field(message, "dislike_type", "dislikeType");
        return new Turn(bot, text.asText(), flag(message, "is_liked", "isLiked"), flag(message, "is_disliked", "isDisliked"),
                dislikeType == null || dislikeType.isNull() ? null : dislikeType.asText(), unsafe(message),
                flag(message, "is_safety_controlled_response", "isSafetyControlledResponse"),
                flag(message, "search_decision", "searchDecision") || hasText(field(message, "search_query", "searchQuery")),
                hasContent(message.get("memories")));
    }

    private static boolean unsafe(JsonNode message) {
        JsonNode safety = message.get("safety");
        if (safety == null || !safety.isObject()) return false;
        for (String check : List.of("duo_safety", "string_matcher")) {
            JsonNode verdict = field(safety, check, check.equals("duo_safety") ? "duoSafety" : "stringMatcher");
            if (verdict != null && !verdict.isNull() && !verdict.asText().equals("__ok__")) return true;
        }
        return false;
    }

    private static JsonNode field(JsonNode node, String snake, String camel) {
        JsonNode value = node.get(snake);
        return value != null ? value : node.get(camel);
    }

    private static boolean flag(JsonNode node, String snake, String camel) {
        JsonNode value = field(node, snake, camel);
        if (value == null || value.isNull()) return false;
        if (value.isBoolean()) return value.asBoolean();
        if (value.isNumber()) return value.asInt() != 0;
        String text = value.asText().toLowerCase(Locale.ROOT);
        return text.equals("true") || text.equals("search") || text.equals("1");
    }

    private static boolean hasText(JsonNode node) {
        return node != null && !node.isNull() && !node.asText().isBlank();
    }

    private static boolean hasContent(JsonNode node) {
        if (node == null || node.isNull()) return false;
        if (node.isArray() || node.isObject()) return node.size() > 0;
        return !node.asText().isBlank();
    }
}
