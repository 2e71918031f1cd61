package dev.lookahead.benchmarks;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.JsonLines;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A GPQA key ({@code gpqa prompts}' output: record_id, answer, domain, subdomain) and a model's answers to it
 * ({record_id, output} per line), read for {@link GpqaScoring}: the command line and the Benchmarks tab read them here.
 * A question the key holds twice, an answer to a question the key does not hold, and a second answer to one question
 * are each an error naming their lines; the first answer is the one scored, never both.
 *
 * @param problems "file line N: message" for every line refused
 * @param unknown  answers to questions the key does not hold
 */
public record GpqaAnswers(Map<String, GpqaScoring.Key> key, Map<String, String> outputs, List<String> problems, long unknown) {

    public static GpqaAnswers read(Path keyFile, Path answersFile) throws IOException {
        Map<String, GpqaScoring.Key> key = new LinkedHashMap<>();
        Map<String, Integer> keyLines = new HashMap<>();
        List<String> problems = new ArrayList<>(JsonLines.read(keyFile, progress -> { }, () -> false, (n, line) -> {
            String id = BenchmarkLines.text(line, "record_id");
            once(keyLines, id, n, "the key holds each question once");
            key.put(id, new GpqaScoring.Key(id, BenchmarkLines.text(line, "answer"), BenchmarkLines.text(line, "domain"),
                    BenchmarkLines.text(line, "subdomain")));
        }));
        Map<String, String> outputs = new LinkedHashMap<>();
        Map<String, Integer> answerLines = new HashMap<>();
        long[] unknown = {0};
        problems.addAll(JsonLines.read(answersFile, progress -> { }, () -> false, (n, line) -> {
            String id = BenchmarkLines.text(line, "record_id");
            if (!key.containsKey(id)) {
                unknown[0]++;
                throw new IllegalArgumentException("record_id \"" + id + "\" is not in the key " + keyFile.getFileName());
            }
            once(answerLines, id, n, "the answer on that line is scored, this one is not");
            JsonNode output = line.get("output");
            outputs.put(id, output == null || output.isNull() ? null : output.asText());
        }));
        return new GpqaAnswers(key, outputs, List.copyOf(problems), unknown[0]);
    }

    private static void once(Map<String, Integer> seen, String id, int line, String consequence) {
        Integer earlier = seen.putIfAbsent(id, line);
        if (earlier != null) throw new IllegalArgumentException("record_id \"" + id + "\" is also on line " + earlier + "; " + consequence);
    }
}
