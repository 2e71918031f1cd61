package dev.lookahead.judges;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads a pairwise judge's verdict from its output by markers - by default {@code [[A]]} for the response shown first,
 * {@code [[B]]} for the second and {@code [[C]]} for a tie, as MT-Bench's and the Self-Taught Evaluator's judges end.
 * Two rules (docs/user-guide.md, "Judges"): {@link Rule#FIRST}, FastChat's and RewardBench's, looks for the first
 * marker, then the second, then the tie, and takes the first it finds; {@link Rule#STRICT} takes an output only when it
 * holds the markers of exactly one verdict. An output that gives no verdict is not parsed: counted, never guessed.
 */
public record Verdicts(String first, String second, String tie, Rule rule) {
    /** How an output holding several markers reads. */
    public enum Rule {
        /** The first marker found in the order first, second, tie (FastChat's llm_judge, RewardBench's generative judges). */
        FIRST,
        /** Markers of two verdicts: not parsed. */
        STRICT;

        public static Rule named(String name) {
            return switch (name) {
                case "first" -> FIRST;
                case "strict" -> STRICT;
                default -> throw new IllegalArgumentException("no verdict rule \"" + name + "\"; choose first (FastChat's and RewardBench's) or strict");
            };
        }
    }

    /** FastChat's markers and rule: what the audit uses unless told otherwise, and always for {@code fastchat_consistency}. */
    public static final Verdicts DEFAULT = new Verdicts("[[A]]", "[[B]]", "[[C]]", Rule.FIRST);

    /** A verdict by position: the response shown first, the one shown second, or a tie. */
    public enum Verdict {
        FIRST, SECOND, TIE
    }

    public Verdicts {
        if (first.isEmpty() || second.isEmpty() || tie.isEmpty()) throw new IllegalArgumentException("a verdict marker must not be empty");
        if (first.equals(second) || first.equals(tie) || second.equals(tie)) throw new IllegalArgumentException("the three verdict markers must differ");
    }

    /** Why the output reads as it does: the marker taken, or why none was. */
    public String explain(String output) {
        if (output == null) return "no output";
        List<String> found = new ArrayList<>();
        for (String marker : List.of(first, second, tie)) if (output.contains(marker)) found.add(marker);
        if (found.isEmpty()) return "no verdict marker (" + first + ", " + second + " or " + tie + "): not parsed, scored 0.5";
        if (found.size() > 1 && rule == Rule.STRICT) return "markers of two verdicts (" + String.join(", ", found) + "): not parsed, scored 0.5";
        String marker = found.get(0);
        String taken = found.size() > 1 ? " (looked for before " + String.join(", ", found.subList(1, found.size())) + ")" : "";
        return "found " + marker + taken + ": " + (marker.equals(first) ? "the response shown first" : marker.equals(second) ? "the response shown second"
                : "a tie, scored 0.5");
    }

    /** The verdict, or empty when the output gives none under the rule. */
    public Optional<Verdict> read(String output) {
        if (output == null) return Optional.empty();
        boolean a = output.contains(first);
        boolean b = output.contains(second);
        boolean c = output.contains(tie);
        int found = (a ? 1 : 0) + (b ? 1 : 0) + (c ? 1 : 0);
        if (found == 0 || (found > 1 && rule == Rule.STRICT)) return Optional.empty();
        return Optional.of(a ? Verdict.FIRST : b ? Verdict.SECOND : Verdict.TIE);
    }
}
