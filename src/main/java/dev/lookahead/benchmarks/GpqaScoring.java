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

    public record Result(List<Scored> answers, Proportion overall, long unparsed, Map<String, Proportion> domains, Map<String, Proportion> subdomains) {
    }

    private GpqaScoring() {
    }

    /** Scores outputs (record id -> output) that the key knows; the caller reports those it does not. */
    public static Result score(Map<String, String> outputs, Map<String, Key> key, AnswerLetters letters) {
        List<Scored> scored = new ArrayList<>();
        Proportion overall = new Proportion(0, 0);
        long unparsed = 0;
        Map<String, Proportion> domains = new TreeMap<>();
        Map<String, Proportion> subdomains = new TreeMap<>();
        for (Map.Entry<String, String> e : outputs.entrySet()) {
            Key k = key.get(e.getKey());
            if (k == null) continue;
            Scored s = new Scored(e.getKey(), e.getValue(), letters.read(e.getValue()), k);
            scored.add(s);
            if (s.letter().isEmpty()) unparsed++;
            overall = overall.plus(s.right());
            domains.merge(k.domain(), new Proportion(s.right() ? 1 : 0, 1), Proportion::add);
            subdomains.merge(k.subdomain(), new Proportion(s.right() ? 1 : 0, 1), Proportion::add);
        }
        return new Result(scored, overall, unparsed, domains, subdomains);
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
