package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Damaged copies of every sample file a reader takes - bytes flipped, lines cut, doubled or dropped, junk put in - are
 * refused or read line by line with messages of the workbench's own, never a stack trace's words and never a crash.
 */
class ReaderFuzzTest {
    private static final List<String> LEAKS = List.of("Cannot invoke", "Exception", "java.", "For input string", "Input length");

    @TempDir
    Path dir;

    /** A reader: the sample it takes, and the command with {@code FILE} where the damaged copy goes. */
    private record Reader(String sample, String... command) {
    }

    private static final List<Reader> READERS = List.of(
            new Reader("samples/benchmarks/pope-synthetic.jsonl", "vlm", "pope", "--in", "FILE"),
            new Reader("samples/benchmarks/chair-captions-synthetic.jsonl", "vlm", "chair", "--in", "FILE", "--synonyms",
                    "samples/benchmarks/chair-synonyms-synthetic.txt"),
            new Reader("samples/benchmarks/chair-synonyms-synthetic.txt", "vlm", "chair", "--in", "samples/benchmarks/chair-captions-synthetic.jsonl",
                    "--synonyms", "FILE"),
            new Reader("samples/benchmarks/vqa-synthetic.jsonl", "vlm", "vqa", "--in", "FILE"),
            new Reader("samples/benchmarks/winoground-synthetic.jsonl", "vlm", "winoground", "--in", "FILE"),
            new Reader("samples/benchmarks/choice-synthetic.jsonl", "vlm", "choice", "--in", "FILE"),
            new Reader("samples/benchmarks/gpqa_main-synthetic.csv", "gpqa", "subsets", "--in", "FILE"),
            new Reader("samples/judges/pairwise-synthetic.jsonl", "judges", "audit", "--in", "FILE"),
            new Reader("samples/judges/pointwise-synthetic.jsonl", "judges", "audit", "--in", "FILE"),
            new Reader("samples/judges/pairwise-synthetic.jsonl", "judges", "critiques", "--in", "FILE"),
            new Reader("samples/judges/llm-samples-synthetic.jsonl", "judges", "pairs", "--method", "scpo", "--in", "FILE"),
            new Reader("samples/judges/rewardbench-synthetic.jsonl", "judges", "rewardbench", "--in", "FILE"),
            new Reader("samples/proofs/sample-run.log", "proofs", "check", "--format", "prontoqa-log", "--in", "FILE"),
            new Reader("samples/proofs/checked-sample.jsonl", "proofs", "report", "--in", "FILE"),
            new Reader("samples/dialogue/sample-log.jsonl", "signals", "--in", "FILE"),
            new Reader("samples/worked-example.json", "predict", "--model", "default", "--graph", "FILE"));

    @Test
    void damagedCopiesOfEverySampleAreReadOrRefusedInTheWorkbenchsOwnWords() throws Exception {
        SplittableRandom random = new SplittableRandom(41);
        List<String> found = new ArrayList<>();
        for (Reader reader : READERS) {
            byte[] original = Files.readAllBytes(Path.of(reader.sample()));
            String name = Path.of(reader.sample()).getFileName().toString();
            for (int mutant = 0; mutant < 20; mutant++) {
                Path damaged = Files.write(dir.resolve("m" + mutant + "-" + name), damage(original, random));
                String[] args = java.util.Arrays.stream(reader.command()).map(a -> a.equals("FILE") ? damaged.toString() : a).toArray(String[]::new);
                int[] exit = new int[1];
                String out = standardOutputAndError(() -> exit[0] = LookaheadCommand.execute(args));
                String said = out.lines().filter(l -> l.startsWith("error") || l.contains(damaged.getFileName().toString())).reduce("", (a, b) -> a + b + "\n");
                for (String leak : LEAKS) {
                    if (said.contains(leak)) found.add(String.join(" ", args) + " (" + leak + "): " + said.strip().lines().findFirst().orElse(""));
                }
                if (exit[0] != 0 && exit[0] != 2) found.add(String.join(" ", args) + ": exit " + exit[0] + ": " + said.strip());
            }
        }
        assertThat(found).as("damaged inputs answered with internal text or a crash").isEmpty();
    }

    /** One to three damages: a byte flipped, the file cut short, a line doubled or dropped, junk inserted. */
    private static byte[] damage(byte[] original, SplittableRandom random) {
        byte[] bytes = original.clone();
        for (int d = 0, count = 1 + random.nextInt(3); d < count && bytes.length > 0; d++) {
            int at = random.nextInt(bytes.length);
            bytes = switch (random.nextInt(5)) {
                case 0 -> flip(bytes, at, random);
                case 1 -> java.util.Arrays.copyOf(bytes, at);
                case 2 -> splice(bytes, at, lineAt(bytes, at));
                case 3 -> splice(java.util.Arrays.copyOf(bytes, at), bytes.length, new byte[0], java.util.Arrays.copyOfRange(bytes, Math.min(bytes.length,
                        at + lineAt(bytes, at).length), bytes.length));
                default -> splice(bytes, at, "{\"x\": [1, \"".getBytes(java.nio.charset.StandardCharsets.UTF_8));
            };
        }
        return bytes;
    }

    private static byte[] flip(byte[] bytes, int at, SplittableRandom random) {
        byte[] copy = bytes.clone();
        copy[at] = (byte) random.nextInt(256);
        return copy;
    }

    /** The line of {@code bytes} that starts at or after {@code at}, with its end of line. */
    private static byte[] lineAt(byte[] bytes, int at) {
        int start = at;
        while (start > 0 && bytes[start - 1] != '\n') start--;
        int end = at;
        while (end < bytes.length && bytes[end++] != '\n') { }
        return java.util.Arrays.copyOfRange(bytes, start, end);
    }

    private static byte[] splice(byte[] bytes, int at, byte[] inserted) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.write(bytes, 0, at);
        out.writeBytes(inserted);
        out.write(bytes, at, bytes.length - at);
        return out.toByteArray();
    }

    private static byte[] splice(byte[] head, int unused, byte[] middle, byte[] tail) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(head);
        out.writeBytes(middle);
        out.writeBytes(tail);
        return out.toByteArray();
    }

    private static String standardOutputAndError(Runnable action) {
        java.io.PrintStream out = System.out;
        java.io.PrintStream err = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        java.io.PrintStream both = new java.io.PrintStream(captured, true, java.nio.charset.StandardCharsets.UTF_8);
        System.setOut(both);
        System.setErr(both);
        try {
            action.run();
        } finally {
            System.setOut(out);
            System.setErr(err);
        }
        return captured.toString(java.nio.charset.StandardCharsets.UTF_8);
    }
}
