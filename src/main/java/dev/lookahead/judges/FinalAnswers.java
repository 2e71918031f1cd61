package dev.lookahead.judges;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads a final answer from an LLM's free text, by rules tried in order, each taking its last match: the content of
 * {@code \boxed{...}} (braces balanced), then what follows "The answer is" up to the end of its sentence, then the last
 * number. Extra patterns (a regular expression with one group) can go first, e.g. an option letter. What none finds is
 * not parsed - counted, never guessed. Answers are compared after trimming, dropping a final period, "$" signs and
 * thousands separators in numbers.
 */
public record FinalAnswers(List<Pattern> before) {
    public static final FinalAnswers DEFAULT = new FinalAnswers(List.of());
    private static final Pattern ANSWER_IS = Pattern.compile("(?i)the (?:final )?answer is:?\\s*(.+?)(?:\\.\\s|\\.$|\\n|$)");
    private static final Pattern NUMBER = Pattern.compile("-?\\d[\\d,]*(?:\\.\\d+)?");

    public FinalAnswers {
        before = List.copyOf(before);
    }

    public static FinalAnswers withPatterns(List<String> sources) {
        List<Pattern> patterns = new ArrayList<>();
        for (String s : sources) {
            Pattern p = Pattern.compile(s);
            if (p.matcher("").groupCount() < 1) throw new IllegalArgumentException("the answer pattern " + s + " needs a group around the answer");
            patterns.add(p);
        }
        return new FinalAnswers(patterns);
    }

    public Optional<String> read(String text) {
        if (text == null) return Optional.empty();
        for (Pattern p : before) {
            String last = lastGroup(p, text);
            if (last != null) return Optional.of(normalise(last));
        }
        String boxed = lastBoxed(text);
        if (boxed != null) return Optional.of(normalise(boxed));
        String said = lastGroup(ANSWER_IS, text);
        if (said != null) return Optional.of(normalise(said));
        Matcher m = NUMBER.matcher(text);
        String number = null;
        while (m.find()) number = m.group();
        return number == null ? Optional.empty() : Optional.of(normalise(number));
    }

    private static String lastGroup(Pattern p, String text) {
        Matcher m = p.matcher(text);
        String last = null;
        while (m.find()) last = m.group(1);
        return last;
    }

    /** The content of the last \boxed{...}, its braces balanced; null when there is none or it never closes. */
    static String lastBoxed(String text) {
        int at = text.lastIndexOf("\\boxed{");
        if (at < 0) return null;
        int depth = 0;
        for (int i = at + "\\boxed".length(); i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '{') depth++;
            else if (c == '}' && --depth == 0) return text.substring(at + "\\boxed{".length(), i);
        }
        return null;
    }

    /** Trimmed, without a final period or "$" signs; "1,000" becomes "1000". */
    static String normalise(String answer) {
        String a = answer.strip().replace("$", "");
        while (a.endsWith(".")) a = a.substring(0, a.length() - 1).strip();
        if (a.matches("-?\\d{1,3}(,\\d{3})+(\\.\\d+)?")) a = a.replace(",", "");
        return a;
    }
}
