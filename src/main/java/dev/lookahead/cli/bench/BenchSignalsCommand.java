package dev.lookahead.cli.bench;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.feedback.SignalOptions;
import dev.lookahead.cli.feedback.SignalsCommand;
import dev.lookahead.io.Json;
import java.io.BufferedWriter;
import java.io.Writer;
import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.SplittableRandom;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "signals", description = "Bot turns labelled per second by the signals command on a generated log, and heap use as the log grows.")
public final class BenchSignalsCommand implements Callable<Integer> {
    private static final String[] REPLIES = {"yes two cats, they are so funny lol", "no", "that is not what I asked, this is bad",
        "I will be a nurse, I am so happy about it 😊", "ok", "thanks haha", "why would you say that??",
        "I have read it twice and loved it, any other suggestion in that spirit?", "hmm maybe", "Not bad at all"};

    @picocli.CommandLine.Mixin
    BenchJson json;

    @Option(names = "--turns", defaultValue = "1000000", description = "Bot turns in the largest log (default ${DEFAULT-VALUE}).")
    int turns;

    @Override
    public Integer call() throws Exception {
        SignalOptions labelling = new SignalOptions();
        labelling.ks = java.util.List.of(5, 20);
        labelling.noReply = "excluded";
        ArrayNode rows = Json.MAPPER.createArrayNode();
        System.out.println("bot turns   seconds   bot turns/s   heap after (MB)");
        for (int size : new int[] {turns / 10, turns}) {
            Path log = Files.createTempFile("lookahead-bench-signals", ".jsonl");
            try {
                writeLog(log, size);
                System.gc();
                long started = System.nanoTime();
                long[] counts;
                try (Writer sink = new BufferedWriter(Writer.nullWriter(), 1 << 16)) {
                    counts = SignalsCommand.label(log, sink, labelling);
                }
                double seconds = (System.nanoTime() - started) / 1e9;
                System.gc();
                long heap = heapUsed() >> 20;
                System.out.printf("%,9d   %7.2f   %,11.0f   %,15d%n", counts[1], seconds, counts[1] / seconds, heap);
                ObjectNode row = rows.addObject();
                row.put("bot_turns", counts[1]);
                row.put("seconds", seconds);
                row.put("bot_turns_per_second", Math.round(counts[1] / seconds));
                row.put("heap_used_after_mb", heap);
            } finally {
                Files.deleteIfExists(log);
            }
        }
        json.write(new Summary("signals", rows));
        return 0;
    }

    /** A synthetic BlenderBot 3 style log: each conversation a human opener and four bot turns, the last unanswered. */
    private static void writeLog(Path file, int botTurns) throws java.io.IOException {
        SplittableRandom random = new SplittableRandom(1);
        try (BufferedWriter out = Files.newBufferedWriter(file)) {
            for (int c = 0; c < botTurns / 4; c++) {
                ObjectNode conversation = Json.MAPPER.createObjectNode();
                conversation.put("chat_id", "c" + c);
                ArrayNode history = conversation.putArray("message_history");
                history.addObject().put("sender", "Human").put("text", "hello there");
                for (int t = 0; t < 4; t++) {
                    history.addObject().put("sender", "Chatbot").put("text", "What do you think about that?").put("is_liked", random.nextInt(10) == 0);
                    if (t < 3) history.addObject().put("sender", "Human").put("text", REPLIES[random.nextInt(REPLIES.length)]);
                }
                out.write(conversation.toString());
                out.write('\n');
            }
        }
    }

    private static long heapUsed() {
        long used = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) used += pool.getUsage().getUsed();
        }
        return used;
    }

    /** What {@code --json} holds. */
    record Summary(String benchmark, com.fasterxml.jackson.databind.node.ArrayNode runs) {
    }
}
