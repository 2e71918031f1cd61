package dev.lookahead.feedback;

import dev.lookahead.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * A conversation log read into memory for browsing: the conversations, each one's labelled bot
 * turns, and the lines that could not be read (named by line number). Relabelling with another
 * length threshold or no-reply rule reuses the sentiment scores.
 */
public record FeedbackLog(Path file, List<Conversation> conversations, List<List<BotTurnSignals>> turns, List<String> problems) {
    public FeedbackLog {
        conversations = List.copyOf(conversations);
        turns = List.copyOf(turns);
        problems = List.copyOf(problems);
    }

    /**
     * Reads a log (BlenderBot 3 deployment format or the generic one).
     *
     * @param progress  receives the share of the file read
     * @param cancelled polled between lines; reading stops early when it answers true
     */
    public static FeedbackLog read(Path file, List<Integer> ks, BotTurnSignals.NoReply noReply, DoubleConsumer progress,
                                   BooleanSupplier cancelled) throws IOException {
        Vader vader = Vader.reference();
        List<Conversation> conversations = new ArrayList<>();
        List<List<BotTurnSignals>> turns = new ArrayList<>();
        List<String> problems = JsonLines.read(file, progress, cancelled, (number, line) -> {
            Conversation conversation = ConversationReader.read(line);
            conversations.add(conversation);
            turns.add(BotTurnSignals.of(conversation, ks, noReply, vader));
        });
        return new FeedbackLog(file, conversations, turns, problems);
    }

    /** The same log labelled with other thresholds or another no-reply rule. */
    public FeedbackLog relabelled(List<Integer> ks, BotTurnSignals.NoReply noReply) {
        List<List<BotTurnSignals>> again = new ArrayList<>(turns.size());
        for (List<BotTurnSignals> conversation : turns) again.add(conversation.stream().map(t -> t.relabelled(ks, noReply)).toList());
        return new FeedbackLog(file, conversations, again, problems);
    }

    public SignalReport report() {
        SignalReport report = new SignalReport();
        for (int c = 0; c < conversations.size(); c++) report.add(conversations.get(c), turns.get(c));
        return report;
    }

    public long botTurns() {
        return turns.stream().mapToLong(List::size).sum();
    }
}
