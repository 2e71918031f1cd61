package dev.lookahead.judges;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pairwise judge's verdict from its output by markers - by default {@code [[A]]} for the response shown first,
 * {@code [[B]]} for the second and {@code [[C]]} for a tie, as MT-Bench's and the Self-Taught Evaluator's judges end. An
 * output holding none of the markers, or markers of two different verdicts, is not parsed: it is counted, never guessed.
 */
public record Verdicts(String first, String second, String tie) {
    public static final Verdicts DEFAULT = new Verdicts("[[A]]", "[[B]]", "[[C]]");

    /** A verdict by position: the response shown first, the one shown second, or a tie. */
    public enum Verdict {
        FIRST, SECOND, TIE
    }

    public Verdicts {
        if (first.isEmpty() || second.isEmpty() || tie.isEmpty()) throw new IllegalArgumentException("a verdict marker must not be empty");
        if (first.equals(second) || first.equals(tie) || second.equals(tie)) throw new IllegalArgumentException("the three verdict markers must differ");
    }

    /** Why the output reads as it does: the marker found, or why none was taken. */
    public String explain(String output) {
        if (output == null) return "no output";
        List<String> found = new ArrayList<>();
        for (String marker : List.of(first, second, tie)) if (output.contains(marker)) found.add(marker);
        if (found.isEmpty()) return "no verdict marker (" + first + ", " + second + " or " + tie + "): not parsed, scored 0.5";
        if (found.size() > 1) return "markers of two verdicts (" + String.join(", ", found) + "): not parsed, scored 0.5";
        String marker = found.get(0);
        return "found " + marker + ": " + (marker.equals(first) ? "the response shown first" : marker.equals(second) ? "the response shown second"
                : "a tie, scored 0.5");
    }

    /** The verdict, or empty when the output holds no marker or markers of different verdicts. */
    public Optional<Verdict> read(String output) {
        if (output == null) return Optional.empty();
        boolean a = output.contains(first);
        boolean b = output.contains(second);
        boolean c = output.contains(tie);
        int found = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0);
        if (found != 1) return Optional.empty();
        return Optional.of(a ? Verdict.FIRST : b ? Verdict.SECOND : Verdict.TIE);
    }
}
