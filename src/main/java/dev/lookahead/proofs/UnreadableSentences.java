package dev.lookahead.proofs;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which sentences the evaluator cannot read it still keeps in a proof, as incorrect steps; it leaves the others out.
 * The study's evaluator keeps one when it matches a list of patterns its authors collected from models' outputs
 * (its {@code bad_patterns.txt}); the workbench does not ship that list. {@link #WORKBENCH} is the workbench's own
 * rule for the same decision, and {@link #patterns(Path)} reads the study's list from a user's copy for exact
 * agreement (docs/user-guide.md, "Unreadable sentences").
 */
@FunctionalInterface
public interface UnreadableSentences {
    /** Whether an unreadable sentence stays in the proof as an incorrect step. */
    boolean kept(String sentence);

    /**
     * The workbench's rule: keep a sentence that still reads as an attempted statement about the problem's concepts -
     * one that starts with "This", or names a concept of the fictional ontology (a word ending in "pus" or "puses")
     * right after "a", "an", "is" or "are" - and leave out anything else.
     */
    UnreadableSentences WORKBENCH = sentence -> {
        List<String> tokens = tokens(sentence);
        if (!tokens.isEmpty() && tokens.get(0).equals("This")) return true;
        for (int k = 2; k < tokens.size(); k++) {
            String before = tokens.get(k - 1).toLowerCase(Locale.ROOT);
            if (List.of("a", "an", "is", "are").contains(before) && concept(tokens.get(k))) return true;
        }
        return false;
    };

    /** A concept of the fictional ontology: "wumpus", "wumpuses". */
    private static boolean concept(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        return w.endsWith("pus") || w.endsWith("puses");
    }

    /**
     * The study's own rule with its pattern list read from {@code file} (one regular expression per line, matched
     * from the start of the sentence's words joined by single spaces, its final full stop left off, as the study's
     * evaluator matches them).
     *
     * @throws IllegalArgumentException naming the file and line of a pattern that is not a regular expression
     */
    static UnreadableSentences patterns(Path file) throws IOException {
        List<Pattern> patterns = new ArrayList<>();
        List<String> lines = dev.lookahead.io.TextLines.readWhole(file).lines().toList();
        for (int k = 0; k < lines.size(); k++) {
            String line = lines.get(k).strip();
            if (line.isEmpty()) continue;
            try {
                patterns.add(Pattern.compile(line, Pattern.UNICODE_CHARACTER_CLASS));
            } catch (PatternSyntaxException e) {
                throw new IllegalArgumentException(file + ", line " + (k + 1) + ": not a regular expression: " + e.getDescription());
            }
        }
        return sentence -> {
            String joined = String.join(" ", tokens(sentence));
            for (Pattern p : patterns) if (p.matcher(joined).lookingAt()) return true;
            return false;
        };
    }

    /** The sentence's words and punctuation marks, its closing full stop or semicolon left off. */
    private static List<String> tokens(String sentence) {
        List<String> tokens = new ArrayList<>();
        Matcher m = Pattern.compile("[\\w\\-]+|[^\\w\\s]", Pattern.UNICODE_CHARACTER_CLASS).matcher(sentence);
        while (m.find()) tokens.add(m.group());
        while (!tokens.isEmpty() && (tokens.get(tokens.size() - 1).equals(".") || tokens.get(tokens.size() - 1).equals(";"))) {
            tokens.remove(tokens.size() - 1);
        }
        return tokens;
    }
}
