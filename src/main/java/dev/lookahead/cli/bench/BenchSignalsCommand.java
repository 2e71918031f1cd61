package dev.lookahead.cli.bench;

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
import java.util.ArrayList;
import java.util.List;
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
        List<Run> rows = new ArrayList<>();
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
                rows.add(new Run(counts[1], seconds, Math.round(counts[1] / seconds), heap));
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
                List<Message> history = new ArrayList<>();
                history.add(new Message("Human", "hello there", null));
                for (int t = 0; t < 4; t++) {
                    history.add(new Message("Chatbot", "What do you think about that?", random.nextInt(10) == 0));
                    if (t < 3) history.add(new Message("Human", REPLIES[random.nextInt(REPLIES.length)], null));
                }
                out.write(Json.line(new Conversation("c" + c, history)));
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
    record Summary(String benchmark, List<Run> runs) {
    }

    /** One log size: bot turns labelled, how long it took, and the heap it left in use. */
    record Run(long botTurns, double seconds, long botTurnsPerSecond, long heapUsedAfterMb) {
    }

    /** A synthetic conversation in the BlenderBot 3 log's shape. */
    record Conversation(String chatId, List<Message> messageHistory) {
    }

    /** One message; only bot turns carry {@code is_liked}. */
    record Message(String sender, String text, @com.fasterxml.jackson.annotation.JsonInclude(
            com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL) Boolean isLiked) {
    }
}
