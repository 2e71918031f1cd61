package dev.lookahead.cli.feedback;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.feedback.BotTurnSignals;
import dev.lookahead.feedback.Conversation;
import dev.lookahead.feedback.ConversationReader;
import dev.lookahead.feedback.Vader;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** Implicit feedback from deployment dialogue: every bot turn labelled from the human turn after it. */
@Command(name = "signals", description = "Label every bot turn of a conversation log from the next human turn (one output line per bot turn).",
        subcommands = {SignalsReportCommand.class, SignalsSentimentCommand.class})
public final class SignalsCommand implements Callable<Integer> {
    // not required by picocli, which would then demand it of the subcommands too
    @InputFile
    @Option(names = "--in", description = "Conversations, one per line (BlenderBot 3 deployment format or conversation_id + turns).")
    Path in;

    @Mixin
    SignalOptions labelling;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Override
    public Integer call() throws Exception {
        if (in == null) throw new IllegalArgumentException("signals needs --in (a conversation log), or a subcommand: report, sentiment");
        long[][] counts = new long[1][];
        Output.write(output.path(), writer -> counts[0] = label(in, writer, labelling));
        System.err.printf("read %d conversations, labelled %d bot turns, skipped %d malformed lines%n", counts[0][0], counts[0][1], counts[0][2]);
        return counts[0][2] > 0 ? 2 : 0;
    }

    /**
     * Streams a log into one JSON line per bot turn (an {@code error} line per malformed input line),
     * holding one conversation in memory at a time.
     *
     * @return conversations read, bot turns labelled, malformed lines
     */
    private static final int PROGRESS_EVERY = 100_000;

    public static long[] label(Path in, java.io.Writer writer, SignalOptions labelling) throws java.io.IOException {
        BotTurnSignals.NoReply policy = labelling.policy();
        Vader vader = Vader.reference();
        long[] counts = new long[3];
        JsonLines.forEach(in, (number, source) -> {
            try {
                Conversation conversation = ConversationReader.read(source.json());
                if (++counts[0] % PROGRESS_EVERY == 0) System.err.printf("%,d conversations read%n", counts[0]);
                for (BotTurnSignals turn : BotTurnSignals.of(conversation, labelling.ks, policy, vader)) {
                    writer.write(json(turn).toString());
                    writer.write('\n');
                    counts[1]++;
                }
            } catch (com.fasterxml.jackson.core.JsonProcessingException | IllegalArgumentException e) {
                counts[2]++;
                ObjectNode error = Json.MAPPER.createObjectNode();
                error.put("error", "line " + number + ": " + JsonLineMapper.firstLine(e.getMessage()));
                writer.write(error.toString());
                writer.write('\n');
            }
        });
        return counts;
    }

    private static ObjectNode json(BotTurnSignals t) {
        ObjectNode line = Json.fields(new Turn(t.conversationId(), t.turnIndex(), t.botText(), t.nextHumanText(), t.replied()));
        t.lengthAtLeast().forEach((k, value) -> line.put("length_" + k, value));
        line.setAll(Json.fields(new Signals(t.nonNegativeSentimentAndLength(), t.positiveSentimentAndLength(), t.joyAndLength(), t.compound(),
                t.joy(), t.liked(), t.disliked(), t.dislikeType(), t.adversarial(), t.canned())));
        return line;
    }

    /** The bot turn a line labels; its {@code length_K} signals follow, one per --k. */
    record Turn(String conversationId, int turnIndex, String botText, String nextHumanText, boolean replied) {
    }

    /** The turn's other signals and what the log says of it. */
    record Signals(@JsonProperty("nonneg_sentiment_length") Boolean nonNegativeSentimentAndLength,
                   @JsonProperty("pos_sentiment_length") Boolean positiveSentimentAndLength, @JsonProperty("joy_length") Boolean joyAndLength,
                   Double compound, Boolean joy, boolean liked, boolean disliked, String dislikeType, boolean adversarial, boolean canned) {
    }
}
