package dev.lookahead.benchmarks;

import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads an option letter (A-D) from a model's free text by patterns tried in order, each pattern's first group being the
 * letter. Text that no pattern reads is not parsed - counted as a refusal, never guessed.
 *
 * <p>{@link #OFFICIAL} is the rule of the GPQA baselines (Rein et al., 2023): "answer is (X)", "Answer: (X)",
 * "answer: (X)", "answer (X)", then any "(X)", case as written and the brackets required; of each pattern only its
 * first occurrence counts, and when that does not hold an upper-case A-D the next pattern is tried. {@link #LENIENT}
 * is the workbench's earlier reading: "answer is X" with or without brackets in any case, then "Answer: X", then "(X)",
 * each pattern's last occurrence (a model that corrects itself is read at its final answer). docs/user-guide.md
 * ("GPQA") compares the two.
 *
 * @param lastOccurrence whether a pattern is read at its last occurrence (else its first)
 */
public record AnswerLetters(String name, List<Pattern> patterns, boolean lastOccurrence) {
    /** Python's {@code .}: any character but a newline (Java's also stops at carriage returns and line separators). */
    private static final int PYTHON_DOT = Pattern.UNIX_LINES;

    public static final AnswerLetters OFFICIAL = new AnswerLetters("official",
            compile(List.of("answer is \\((.)\\)", "Answer: \\((.)\\)", "answer: \\((.)\\)", "answer \\((.)\\)", "\\((.)\\)"), PYTHON_DOT), false);
    public static final AnswerLetters LENIENT = new AnswerLetters("lenient", compile(List.of("(?i)answer is:?\\s*\\(?([A-D])\\)?(?![A-Za-z])",
            "(?i)answer:\\s*\\(?([A-D])\\)?(?![A-Za-z])", "\\(([A-D])\\)"), 0), true);
    /** The reader a score uses unless told otherwise: the official one. */
    public static final AnswerLetters DEFAULT = OFFICIAL;

    public AnswerLetters {
        patterns = List.copyOf(patterns);
        if (patterns.isEmpty()) throw new IllegalArgumentException("give at least one answer pattern");
        for (Pattern p : patterns) {
            if (p.matcher("").groupCount() < 1) throw new IllegalArgumentException("the answer pattern " + p + " needs a group around the letter");
        }
    }

    /** A reader by name: official or lenient. */
    public static AnswerLetters named(String name) {
        return switch (name) {
            case "official" -> OFFICIAL;
            case "lenient" -> LENIENT;
            default -> throw new IllegalArgumentException("no answer reader \"" + name + "\"; choose official (the GPQA baselines' rule) or lenient");
        };
    }

    /** Your own patterns, tried in order, each read at its last occurrence. */
    public static AnswerLetters of(List<String> sources) {
        return new AnswerLetters("custom", compile(sources, 0), true);
    }

    private static List<Pattern> compile(List<String> sources, int flags) {
        return sources.stream().map(s -> Pattern.compile(s, flags)).toList();
    }

    /** The letter, or empty when no pattern reads one. */
    public Optional<String> read(String output) {
        if (output == null) return Optional.empty();
        for (Pattern p : patterns) {
            Optional<String> letter = lastOccurrence ? last(p.matcher(output)) : first(p.matcher(output));
            if (letter.isPresent()) return letter;
        }
        return Optional.empty();
    }

    /** The first occurrence, counted only when it holds an upper-case A-D. */
    private static Optional<String> first(Matcher m) {
        return m.find() && m.group(1).matches("[A-D]") ? Optional.of(m.group(1)) : Optional.empty();
    }

    private static Optional<String> last(Matcher m) {
        String last = null;
        while (m.find()) last = m.group(1);
        return last == null ? Optional.empty() : Optional.of(last.toUpperCase(Locale.ROOT));
    }
}
