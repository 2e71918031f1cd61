package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;

/** Commands never destroy their input, read every line they can, and answer --help. */
class FileSafetyTest {
    @TempDir
    Path dir;

    @Test
    void anOutputThatIsTheInputFileIsRefusedBeforeReadingAndTheInputStaysByteIdentical() throws Exception {
        Path log = Files.copy(Path.of("samples/dialogue/sample-log.jsonl"), dir.resolve("log.jsonl"));
        byte[] before = Files.readAllBytes(log);
        Path sameFileOtherSpelling = dir.resolve("sub").resolve("..").resolve("log.jsonl");
        Files.createDirectories(dir.resolve("sub"));
        assertThat(LookaheadCommand.execute("signals", "--in", log.toString(), "--out", log.toString())).isEqualTo(2);
        assertThat(LookaheadCommand.execute("signals", "--in", log.toString(), "--out", sameFileOtherSpelling.toString())).isEqualTo(2);
        assertThat(LookaheadCommand.execute("signals", "report", "--in", log.toString(), "--json", log.toString())).isEqualTo(2);
        assertThat(Files.readAllBytes(log)).isEqualTo(before);

        Path graph = Files.copy(Path.of("samples/worked-example.json"), dir.resolve("g.json"));
        byte[] graphBefore = Files.readAllBytes(graph);
        assertThat(LookaheadCommand.execute("activations", "--model", "default", "--graph", graph.toString(),
                "--out", graph.toString())).isEqualTo(2);
        assertThat(LookaheadCommand.execute("trace", "--model", "default", "--graph", graph.toString(),
                "--out", graph.toString())).isEqualTo(2);
        assertThat(Files.readAllBytes(graph)).isEqualTo(graphBefore);
    }

    @Test
    void aBadOptionValueExitsTwoAndLeavesAnExistingOutputAsItWas() throws Exception {
        Path out = Files.writeString(dir.resolve("pairs.jsonl"), "{\"kept\": true}\n");
        assertThat(LookaheadCommand.execute("prefopt", "pairs", "--method", "irpo", "--in", "samples/judges/llm-samples-synthetic.jsonl",
                "--pairs-per-problem", "0", "--out", out.toString())).isEqualTo(2);
        assertThat(LookaheadCommand.execute("judges", "pairs", "--method", "scpo", "--in", "samples/judges/llm-samples-synthetic.jsonl",
                "--tau", "5", "--out", out.toString())).isEqualTo(2);
        assertThat(Files.readString(out)).isEqualTo("{\"kept\": true}\n");
    }

    /** A copy of {@code sample} with the Latin-1 byte 0xE9 written where {@code marker} was. */
    private Path withLatin1Byte(String sample, String marker, String name) throws Exception {
        byte[] text = Files.readAllBytes(Path.of(sample));
        String original = new String(text, StandardCharsets.UTF_8);
        int at = original.indexOf(marker);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes(original.substring(0, at).getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9);
        bytes.writeBytes(original.substring(at + marker.length()).getBytes(StandardCharsets.UTF_8));
        return Files.write(dir.resolve(name), bytes.toByteArray());
    }

    @Test
    void aWholeFileThatIsNotUtf8IsRefusedNamingTheLineAndTheByteAndUtf16GraphsRead() throws Exception {
        String[][] readers = {
            {"samples/worked-example.json", "\"goal\"", "graph.json", "predict", "--model", "default", "--graph"},
            {"samples/benchmarks/gpqa_main-synthetic.csv", "Argon", "gpqa.csv", "gpqa", "subsets", "--in"},
            {"samples/proofs/sample-run.log", "Alex is a wumpus", "run.log", "proofs", "check", "--format", "prontoqa-log", "--in"},
            {"samples/benchmarks/chair-synonyms-synthetic.txt", "dog", "synonyms.txt", "vlm", "chair", "--in",
                "samples/benchmarks/chair-captions-synthetic.jsonl", "--synonyms"},
        };
        for (String[] reader : readers) {
            Path bad = withLatin1Byte(reader[0], reader[1], reader[2]);
            String[] args = java.util.stream.Stream.concat(java.util.Arrays.stream(reader, 3, reader.length), java.util.stream.Stream.of(bad.toString()))
                    .toArray(String[]::new);
            int[] exit = new int[1];
            String error = standardError(() -> exit[0] = LookaheadCommand.execute(args));
            assertThat(exit[0]).as(reader[2]).isEqualTo(2);
            assertThat(error).as(reader[2]).contains(bad.toString()).containsPattern("line \\d+").contains("0xE9").contains("save the file as UTF-8")
                    .doesNotContain("Input length");
        }
        Path utf16 = Files.writeString(dir.resolve("utf16.json"), Files.readString(Path.of("samples/worked-example.json")), StandardCharsets.UTF_16);
        assertThat(LookaheadCommand.execute("predict", "--model", "default", "--graph", utf16.toString())).isZero();
    }

    @Test
    void aLineThatIsNotUtf8IsThatLinesErrorAndTheOtherLinesAreProcessed() throws Exception {
        Path in = dir.resolve("lines.jsonl");
        assertThat(LookaheadCommand.execute("generate", "--n", "32", "--count", "3", "--out", in.toString())).isZero();
        List<String> lines = Files.readAllLines(in);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        bytes.writeBytes((lines.get(0) + "\n").getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes("{\"n\": 32, \"note\": \"caf".getBytes(StandardCharsets.UTF_8));
        bytes.write(0xE9); // Latin-1 e-acute: not UTF-8
        bytes.writeBytes("\"}\n".getBytes(StandardCharsets.UTF_8));
        bytes.writeBytes((lines.get(1) + "\n" + lines.get(2) + "\n").getBytes(StandardCharsets.UTF_8));
        Files.write(in, bytes.toByteArray());

        Path out = dir.resolve("analyzed.jsonl");
        assertThat(LookaheadCommand.execute("analyze", "--in", in.toString(), "--out", out.toString())).isEqualTo(2);
        List<String> written = Files.readAllLines(out);
        assertThat(written).hasSize(4);
        assertThat(Json.MAPPER.readTree(written.get(1)).get("error").asText())
                .contains("line 2").contains("not UTF-8").contains("0xE9").contains("column 23");
        for (int i : new int[] {0, 2, 3}) assertThat(Json.MAPPER.readTree(written.get(i)).has("lookahead")).isTrue();

        Path stats = dir.resolve("stats.json");
        assertThat(LookaheadCommand.execute("stats", "--in", in.toString(), "--json", stats.toString())).isIn(0, 2);
        assertThat(Json.MAPPER.readTree(stats.toFile()).toString()).contains("3");
    }

    @Test
    void traceMarksAMalformedLineWithAnErrorAndExitsTwo() throws Exception {
        Path in = dir.resolve("bad.jsonl");
        int[] tokens = new int[32];
        java.util.Arrays.fill(tokens, 12);
        Files.writeString(in, "{\"n\": 32, \"tokens\": " + java.util.Arrays.toString(tokens) + "}\n");
        Path out = dir.resolve("traced.jsonl");
        assertThat(LookaheadCommand.execute("trace", "--model", "default", "--in", in.toString(), "--out", out.toString())).isEqualTo(2);
        JsonNode line = Json.MAPPER.readTree(Files.readAllLines(out).get(0));
        assertThat(line.get("error").asText()).contains("line 1");
        assertThat(line.has("explained")).isFalse();
    }

    @Test
    void helpOnEveryCommandPrintsUsageAndExitsZero() {
        List<List<String>> commands = new ArrayList<>();
        collect(new CommandLine(new LookaheadCommand()), new ArrayList<>(), commands);
        assertThat(commands).hasSizeGreaterThan(20);
        for (List<String> path : commands) {
            List<String> args = new ArrayList<>(path);
            args.add("--help");
            assertThat(LookaheadCommand.execute(args.toArray(String[]::new))).as(String.join(" ", args)).isZero();
        }
    }

    /** What {@code action} prints on standard error. */
    static String standardError(Runnable action) {
        var captured = new java.io.ByteArrayOutputStream();
        var previous = System.err;
        System.setErr(new java.io.PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            action.run();
        } finally {
            System.setErr(previous);
        }
        return captured.toString(StandardCharsets.UTF_8);
    }

    private static void collect(CommandLine command, List<String> path, List<List<String>> into) {
        into.add(List.copyOf(path));
        command.getSubcommands().forEach((name, sub) -> {
            List<String> longer = new ArrayList<>(path);
            longer.add(name);
            collect(sub, longer, into);
        });
    }

    @Test
    void smallerMistakesGetMessagesThatNameTheRealProblem() throws Exception {
        Path in = dir.resolve("huge.jsonl");
        Files.writeString(in, "{\"n\": 32, \"tokens\": [1099511627776]}\n");
        Path out = dir.resolve("analyzed.jsonl");
        assertThat(LookaheadCommand.execute("analyze", "--in", in.toString(), "--out", out.toString())).isEqualTo(2);
        assertThat(Files.readString(out)).contains("1099511627776").contains("too large");

        Path proofs = dir.resolve("proofs.jsonl");
        Files.writeString(proofs, "{\"question\": \"Max is a wumpus.\", \"candidate_proof\": [\"Max is a wumpus.\"]}\n");
        Path checked = dir.resolve("checked.jsonl");
        assertThat(LookaheadCommand.execute("proofs", "check", "--in", proofs.toString(), "--out", checked.toString())).isEqualTo(2);
        assertThat(Files.readString(checked)).contains("line 1").contains("no 'gold_proof'");

        Path half = Files.writeString(dir.resolve("half-checked.jsonl"), "{\"strict\": true, \"steps\": []}\n"
                + "{\"semantics\": \"paper\", \"strict\": true, \"valid_proof\": true, \"steps\": [], \"step_lists\": {}, \"first_error\": 3}\n");
        String report = standardError(() -> LookaheadCommand.execute("proofs", "report", "--in", half.toString(),
                "--json", dir.resolve("report.json").toString()));
        assertThat(Files.readString(dir.resolve("report.json")) + report)
                .contains("no 'valid_proof'").contains("names no step").doesNotContain("Cannot invoke");

        Path file = Files.writeString(dir.resolve("not-a-folder"), "x");
        int[] exit = new int[1];
        String error = standardError(() -> exit[0] = LookaheadCommand.execute("export", "--graph", "samples/worked-example.json",
                "--model", "default", "--out", file.toString()));
        assertThat(exit[0]).isEqualTo(2);
        assertThat(error).contains(file.toAbsolutePath().toString()).contains("is a file");

        Path blocked = Files.writeString(dir.resolve("blocked"), "a file where a folder should be");
        assertThatThrownBy(() -> dev.lookahead.io.AtomicFiles.writeString(blocked.resolve("out.json"), "{}"))
                .hasMessageContaining("cannot write " + blocked.resolve("out.json")).hasMessageNotContaining(".part");
    }
}
