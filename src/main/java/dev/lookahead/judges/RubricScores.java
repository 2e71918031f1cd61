package dev.lookahead.judges;

import java.util.OptionalDouble;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the Self-Rewarding additive rubric's score from a judgment: the last "Score: N" (editable pattern, its group the
 * number). A judgment without one is not parsed.
 */
public record RubricScores(Pattern pattern) {
    public static final RubricScores DEFAULT = new RubricScores(Pattern.compile("(?i)score:\\s*(\\d+(?:\\.\\d+)?)"));

    public static RubricScores of(String source) {
        Pattern p = Pattern.compile(source);
        if (p.matcher("").groupCount() < 1) throw new IllegalArgumentException("the score pattern " + source + " needs a group around the number");
        return new RubricScores(p);
    }

    public OptionalDouble read(String judgment) {
        if (judgment == null) return OptionalDouble.empty();
        Matcher m = pattern.matcher(judgment);
        String last = null;
        while (m.find()) last = m.group(1);
        return last == null ? OptionalDouble.empty() : OptionalDouble.of(Double.parseDouble(last));
    }
}
