package dev.lookahead.benchmarks;

import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * A model's GPQA answers scored against the key {@code gpqa prompts} wrote: each output read for a letter
 * ({@link AnswerLetters}; unread answers count as wrong and are counted), accuracy overall, per domain and per subdomain;
 * and the validators' accuracy recomputed from the official file, per domain, for comparison.
 */
public final class GpqaScoring {
    /** One question of the key: its right letter, domain and subdomain. */
    public record Key(String recordId, String answer, String domain, String subdomain) {
    }

    /** One scored answer: the letter read (empty when none), and whether it is the key's. */
    public record Scored(String recordId, String output, Optional<String> letter, Key key) {
        public boolean right() {
            return letter.isPresent() && letter.get().equals(key.answer());
        }
    }

    /**
     * @param unanswered the key's questions with no answer at all (a crashed or partial run): wrong, and listed here
     * @param unparsed   answers given from which no letter could be read: wrong too
     */
    public record Result(List<Scored> answers, Proportion overall, long unparsed, List<String> unanswered, Map<String, Proportion> domains,
                         Map<String, Proportion> subdomains) {
    }

    private GpqaScoring() {
    }

    /**
     * Scores every question of the key: its output (record id -> output) read for a letter, or, when it has none, wrong
     * and listed as unanswered - accuracy is over the questions, never over the answers that happened to arrive. Outputs
     * the key does not know are left out; the caller reports them.
     */
    public static Result score(Map<String, String> outputs, Map<String, Key> key, AnswerLetters letters) {
        List<Scored> scored = new ArrayList<>();
        List<String> unanswered = new ArrayList<>();
        Proportion overall = new Proportion(0, 0);
        long unparsed = 0;
        Map<String, Proportion> domains = new TreeMap<>();
        Map<String, Proportion> subdomains = new TreeMap<>();
        for (Key k : key.values()) {
            boolean right = false;
            if (outputs.containsKey(k.recordId())) {
                String output = outputs.get(k.recordId());
                Scored s = new Scored(k.recordId(), output, letters.read(output), k);
                scored.add(s);
                if (s.letter().isEmpty()) unparsed++;
                right = s.right();
            } else {
                unanswered.add(k.recordId());
            }
            overall = overall.plus(right);
            domains.merge(k.domain(), new Proportion(right ? 1 : 0, 1), Proportion::add);
            subdomains.merge(k.subdomain(), new Proportion(right ? 1 : 0, 1), Proportion::add);
        }
        return new Result(scored, overall, unparsed, List.copyOf(unanswered), domains, subdomains);
    }

    /** The validators' accuracy per domain and overall ("all"): {experts, non-experts}, correct answers over answers given. */
    public static Map<String, Proportion[]> validators(List<GpqaRow> rows) {
        Map<String, Proportion[]> out = new TreeMap<>();
        for (GpqaRow row : rows) {
            for (String scope : List.of("all", row.domain())) {
                Proportion[] p = out.computeIfAbsent(scope, k -> new Proportion[] {new Proportion(0, 0), new Proportion(0, 0)});
                for (Boolean b : row.expertCorrect()) if (b != null) p[0] = p[0].plus(b);
                for (Boolean b : row.nonExpertCorrect()) if (b != null) p[1] = p[1].plus(b);
            }
        }
        return out;
    }
}
