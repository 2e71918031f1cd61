package dev.lookahead.benchmarks;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * CHAIR (Rohrbach et al. 2018, "Object Hallucination in Image Captioning"): of the objects a caption mentions, those not
 * in the image are hallucinated. CHAIR_i = hallucinated mentions / all object mentions; CHAIR_s = captions with at least
 * one hallucinated mention / all captions. Mentions are found with the user's synonym table (each line a canonical
 * object, then its synonyms), longest phrase first, on the caption's lower-cased words; a mention counts each time it
 * occurs. The original code also singularises words with a lemmatiser; here matching is exact (mode "exact"), so the
 * table should list plural forms too - docs/user-guide.md, "Benchmarks", says so.
 */
public final class Chair {
    /** One caption and the canonical objects truly in its image. */
    public record Line(String id, String caption, Set<String> objects) {
    }

    /** A caption's mentions: canonical objects in order of appearance, and those not in the image. */
    public record Mentions(List<String> mentioned, List<String> hallucinated) {
    }

    public record Scores(double chairI, double chairS, long mentions, long hallucinatedMentions, long captions, long hallucinatingCaptions) {
    }

    private final Map<String, String> canonical = new HashMap<>();
    private int longest = 1;

    /**
     * A synonym table as {@code vlm chair --synonyms} reads it: one object per line, its name first, then its synonyms,
     * comma-separated; blank lines and lines starting with # are skipped. Read line by line, so memory follows the
     * longest line, not the file; a line that is not UTF-8 is refused naming the file and the line.
     */
    public static Chair ofSynonymTable(java.nio.file.Path file) throws java.io.IOException {
        List<List<String>> table = new ArrayList<>();
        try (dev.lookahead.io.TextLines lines = dev.lookahead.io.TextLines.open(file)) {
            for (dev.lookahead.io.TextLines.Line line = lines.next(); line != null; line = lines.next()) {
                if (!line.readable()) throw new dev.lookahead.io.WrongShapeException(file + " line " + line.number() + ": " + line.problem());
                if (line.isBlank() || line.text().startsWith("#")) continue;
                table.add(java.util.Arrays.stream(line.text().split(",")).map(String::strip).filter(w -> !w.isEmpty()).toList());
            }
        }
        return new Chair(table);
    }

    /** @param synonyms each entry a canonical object and its synonyms (the canonical name is a synonym of itself) */
    public Chair(List<List<String>> synonyms) {
        for (List<String> line : synonyms) {
            if (line.isEmpty()) continue;
            String name = normalise(line.get(0));
            for (String s : line) {
                String phrase = normalise(s);
                if (phrase.isEmpty()) continue;
                String earlier = canonical.putIfAbsent(phrase, name);
                if (earlier != null && !earlier.equals(name)) {
                    throw new IllegalArgumentException("the synonym \"" + phrase + "\" stands for both " + earlier + " and " + name);
                }
                longest = Math.max(longest, phrase.split(" ").length);
            }
        }
    }

    static String normalise(String text) {
        return String.join(" ", words(text));
    }

    static List<String> words(String text) {
        List<String> words = new ArrayList<>();
        for (String w : text.toLowerCase(Locale.ROOT).split("[^a-z0-9]+")) if (!w.isEmpty()) words.add(w);
        return words;
    }

    public Mentions mentions(Line line) {
        List<String> words = words(line.caption());
        List<String> mentioned = new ArrayList<>();
        List<String> hallucinated = new ArrayList<>();
        Set<String> truth = new java.util.HashSet<>();
        for (String o : line.objects()) truth.add(canonical.getOrDefault(normalise(o), normalise(o)));
        for (int i = 0; i < words.size();) {
            int taken = 0;
            for (int n = Math.min(longest, words.size() - i); n >= 1 && taken == 0; n--) {
                String object = canonical.get(String.join(" ", words.subList(i, i + n)));
                if (object != null) {
                    mentioned.add(object);
                    if (!truth.contains(object)) hallucinated.add(object);
                    taken = n;
                }
            }
            i += Math.max(1, taken);
        }
        return new Mentions(mentioned, hallucinated);
    }

    public Scores score(List<Line> lines) {
        long mentions = 0;
        long hallucinated = 0;
        long hallucinating = 0;
        for (Line line : lines) {
            Mentions m = mentions(line);
            mentions += m.mentioned().size();
            hallucinated += m.hallucinated().size();
            if (!m.hallucinated().isEmpty()) hallucinating++;
        }
        return new Scores(mentions == 0 ? 0 : (double) hallucinated / mentions, lines.isEmpty() ? 0 : (double) hallucinating / lines.size(), mentions,
                hallucinated, lines.size(), hallucinating);
    }
}
