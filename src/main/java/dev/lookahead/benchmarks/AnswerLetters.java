package dev.lookahead.benchmarks;

import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an option letter from a model's free text by patterns tried in order, each the last match in the text: by
 * default "answer is (X)" (with or without the brackets), then "Answer: X", then a bracketed "(X)". Text that none
 * matches is not parsed - counted, never guessed. Each pattern's first group is the letter.
 */
public record AnswerLetters(List<Pattern> patterns) {
    public static final AnswerLetters DEFAULT = of(List.of("(?i)answer is:?\\s*\\(?([A-D])\\)?(?![A-Za-z])", "(?i)answer:\\s*\\(?([A-D])\\)?(?![A-Za-z])",
            "\\(([A-D])\\)"));

    public AnswerLetters {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) throw new IllegalArgumentException("give at least one answer pattern");
    }

    /** Patterns from their source text, each checked to have a group for the letter. */
    public static AnswerLetters of(List<String> sources) {
        return new AnswerLetters(sources.stream().map(s -> {
            Pattern p = Pattern.compile(s);
            if (p.matcher("").groupCount() < 1) throw new IllegalArgumentException("the answer pattern " + s + " needs a group around the letter");
            return p;
        }).toList());
    }

    /** The letter, upper-cased, or empty when no pattern matches. */
    public Optional<String> read(String output) {
        if (output == null) return Optional.empty();
        for (Pattern p : patterns) {
            Matcher m = p.matcher(output);
            String last = null;
            while (m.find()) last = m.group(1);
            if (last != null) return Optional.of(last.toUpperCase(java.util.Locale.ROOT));
        }
        return Optional.empty();
    }
}
