package dev.lookahead.feedback;

import java.util.List;

/** A conversation: its id and its messages in order. */
public record Conversation(String id, List<Turn> turns) {

    public Conversation {
        turns = List.copyOf(turns);
    }

    /** Adversarial: some human message failed a safety check. */
    public boolean adversarial() {
        return turns.stream().anyMatch(t -> !t.fromBot() && t.unsafe());
    }
}
