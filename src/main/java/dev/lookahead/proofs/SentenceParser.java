package dev.lookahead.proofs;

import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.Constant;
import dev.lookahead.proofs.Formula.Exists;
import dev.lookahead.proofs.Formula.Not;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Reads the English of deduction problems and proofs back into logic (the PrOntoQA-OOD paper; docs/user-guide.md, "The Proofs panel").
 *
 * <p>A sentence has exactly one reading or none: the grammar is parsed left to right with at most a
 * few words of look-ahead (to tell "red and rompuses are ..." - a new clause - from "red and
 * rompuses" - a list), so a sentence of n words costs O(n) steps, or O(n * a) where a run of a
 * adjectives must be looked through; there is no backtracking to explode. The readings that English
 * leaves open - a list that mixes "and" with "or" - are reported as ambiguous rather than guessed.
 * A sentence that cannot be read raises {@link Unreadable}, naming the word where reading stopped.
 */
public final class SentenceParser {

    /** What a sentence of a proof does. */
    public enum Kind {
        /** States a formula. */
        STATEMENT,
        /** "Assume φ": opens a hypothesis. */
        ASSUMPTION,
        /** "This contradicts with φ" (φ may be absent: "This is a contradiction"): closes a hypothesis. */
        CONTRADICTION,
        /** "Since φ, ψ" / "ψ because φ" / "φ, so ψ": states φ, then ψ from it. */
        SINCE
    }

    /** One read sentence; {@code conclusion} is set only for {@link Kind#SINCE}. */
    public record Sentence(Kind kind, Formula formula, Formula conclusion) {
    }

    /** A sentence with no reading, or more than one. */
    public static final class Unreadable extends Exception {
        public Unreadable(String message) {
            super(message);
        }
    }

    private static final Pattern TOKEN = Pattern.compile("[A-Za-z0-9][A-Za-z0-9'-]*|[^\\sA-Za-z0-9]");
    private static final Set<String> FUNCTION_WORDS = Set.of("a", "an", "and", "or", "not", "is", "are", "every", "each", "all",
            "no", "that", "since", "so", "because", "therefore", "however", "either", "both", "this", "everything", "also",
            "as", "the", "thus", "hence", "assume", "contradicts", "with", "if", "then", "it", "of", "to", "be");
    private static final Set<String> QUANTIFIERS = Set.of("every", "each", "all", "no", "everything");
    private static final Set<String> DISCOURSE = Set.of("therefore", "however", "so", "thus", "hence");

    private final List<String> words;
    private final List<String> lower;
    private final String text;
    private int pos;

    private SentenceParser(String text, List<String> words) {
        this.text = text;
        this.words = words;
        this.lower = words.stream().map(w -> w.toLowerCase(Locale.ROOT)).toList();
    }

    /** Splits a proof or context written as one string into its sentences (on '.', ';', '!' and '?'). */
    public static List<String> sentences(String text) {
        List<String> out = new ArrayList<>();
        StringBuilder current = new StringBuilder();
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (c == '.' || c == ';' || c == '!' || c == '?') {
                if (!current.toString().isBlank()) out.add(current.toString().strip() + ".");
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        if (!current.toString().isBlank()) out.add(current.toString().strip() + ".");
        return out;
    }

    /** Reads one sentence (its closing punctuation is optional). */
    public static Sentence parse(String sentence) throws Unreadable {
        List<String> words = new ArrayList<>();
        Matcher m = TOKEN.matcher(sentence);
        while (m.find()) words.add(m.group());
        while (!words.isEmpty() && Set.of(".", ";", "!", "?").contains(words.get(words.size() - 1))) words.remove(words.size() - 1);
        if (words.isEmpty()) throw new Unreadable("the sentence is empty");
        SentenceParser parser = new SentenceParser(sentence.strip(), words);
        try {
            return parser.sentence();
        } catch (Stop stop) {
            throw new Unreadable(stop.getMessage());
        }
    }

    /** Reads a sentence that must state a plain formula (a context sentence). */
    public static Formula formula(String sentence) throws Unreadable {
        Sentence read = parse(sentence);
        if (read.kind() != Kind.STATEMENT) throw new Unreadable("'" + sentence.strip() + "' is not a plain statement");
        return read.formula();
    }

    /** Why reading stopped; turned into {@link Unreadable} with the sentence's text. */
    private static final class Stop extends RuntimeException {
        Stop(String message) {
            super(message, null, false, false);
        }
    }

    private Stop stop(String expected) {
        String at = pos < words.size() ? "at word " + (pos + 1) + " ('" + words.get(pos) + "')" : "at the end";
        return new Stop("cannot read '" + text + "': expected " + expected + " " + at);
    }

    private boolean at(String word) {
        return pos < lower.size() && lower.get(pos).equals(word);
    }

    private boolean at(int p, String word) {
        return p < lower.size() && lower.get(p).equals(word);
    }

    private boolean atAll(String... sequence) {
        for (int k = 0; k < sequence.length; k++) if (!at(pos + k, sequence[k])) return false;
        return true;
    }

    private void expect(String word) {
        if (!at(word)) throw stop("'" + word + "'");
        pos++;
    }

    private boolean done() {
        return pos >= words.size();
    }

    private Sentence sentence() {
        if (atAll("according", "to", "the", "given", "information")) {
            pos += 5;
            if (at(",")) pos++;
        }
        if (atAll("this", "proves")) {
            pos += 2;
            if (at("that")) pos++;
        }
        if (pos < lower.size() && DISCOURSE.contains(lower.get(pos))) {
            pos++;
            if (at(",")) pos++;
        }
        Sentence read;
        if (at("assume")) {
            pos++;
            if (at("that")) pos++;
            read = new Sentence(Kind.ASSUMPTION, coordinatedClauses(), null);
        } else if (atAll("this", "contradicts", "with")) {
            pos += 3;
            read = new Sentence(Kind.CONTRADICTION, coordinatedClauses(), null);
        } else if (atAll("this", "contradicts", "the", "fact", "that")) {
            pos += 5;
            read = new Sentence(Kind.CONTRADICTION, coordinatedClauses(), null);
        } else if (atAll("this", "is", "a", "contradiction") || atAll("contradiction")) {
            pos += at("contradiction") ? 1 : 4;
            read = new Sentence(Kind.CONTRADICTION, null, null);
        } else if (at("since") || at("because")) {
            pos++;
            // of a premise that coordinates whole clauses ("Since A and B, C") the study's parser keeps the first
            Formula premise = coordinatedClauses(true);
            if (at(",")) pos++;
            read = new Sentence(Kind.SINCE, premise, coordinatedClauses());
        } else {
            Formula first = coordinatedClauses();
            if (at("because")) {
                pos++;
                read = new Sentence(Kind.SINCE, coordinatedClauses(), first);
            } else if (at(",") && pos + 1 < lower.size() && DISCOURSE.contains(lower.get(pos + 1)) || at("so")) {
                pos += at(",") ? 2 : 1;
                if (at(",")) pos++;
                read = new Sentence(Kind.SINCE, first, coordinatedClauses());
            } else {
                read = new Sentence(Kind.STATEMENT, first, null);
            }
        }
        if (!done()) throw stop("the end of the sentence");
        return read;
    }

    private Formula coordinatedClauses() {
        return coordinatedClauses(false);
    }

    /** Clauses joined by "and" / "or": "Max is a jompus and Rex is a lorpus"; with {@code firstOnly}, read all, keep the first. */
    private Formula coordinatedClauses(boolean firstOnly) {
        List<Formula> clauses = new ArrayList<>();
        clauses.add(clause());
        String conjunction = null;
        int afterFirst = pos;
        while (true) {
            Separator separator = separatorAt(pos);
            if (separator == null || !startsClause(separator.next())) break;
            // "A, B, and C, D": once the list has had its conjunction, a bare comma ends it
            if (conjunction != null && separator.conjunction() == null) break;
            conjunction = joined(conjunction, separator, "between clauses");
            pos = separator.next();
            clauses.add(clause());
        }
        if (clauses.size() > 1 && conjunction == null) {
            // commas alone do not coordinate: the first clause ends at its comma
            pos = afterFirst;
            return clauses.get(0);
        }
        if (clauses.size() == 1 || firstOnly) return clauses.get(0);
        return conjunction.equals("and") ? new And(clauses) : new Formula.Or(clauses);
    }

    /** A list separator - a comma, a conjunction, or both - and the word after it. */
    private record Separator(int next, String conjunction) {
    }

    /** The separator at word {@code p}, or null when there is none. */
    private Separator separatorAt(int p) {
        boolean comma = at(p, ",");
        if (comma) p++;
        String conjunction = at(p, "and") ? "and" : at(p, "or") ? "or" : null;
        if (conjunction != null) p++;
        return comma || conjunction != null ? new Separator(p, conjunction) : null;
    }

    /** The list's conjunction once {@code separator} is read; a second, different one makes it ambiguous. */
    private String joined(String conjunction, Separator separator, String where) {
        if (separator.conjunction() == null) return conjunction;
        if (conjunction != null && !conjunction.equals(separator.conjunction())) {
            pos = separator.next() - 1;
            throw new Stop("'" + text + "' is ambiguous: it mixes 'and' and 'or' " + where + " (word " + separator.next() + ")");
        }
        return separator.conjunction();
    }

    /** Whether a clause starts at word {@code p}: a name, a quantifier, or a plural noun phrase and its verb. */
    private boolean startsClause(int p) {
        if (p >= lower.size()) return false;
        if (QUANTIFIERS.contains(lower.get(p)) || isName(p)) return true;
        int q = p;
        while (q < lower.size() && isAdjective(q) && !isNounAt(q, true)) q++;
        int end = nounEnd(q, true);
        return end > 0 && (at(end, "are") || at(end, "is"));
    }

    private Formula clause() {
        if (done()) throw stop("a clause");
        String first = lower.get(pos);
        if (first.equals("every") || first.equals("each")) {
            pos++;
            Formula subject = nounPhrase(false);
            expect("is");
            return rule(subject, predicates(false));
        }
        if (first.equals("all")) {
            pos++;
            Formula subject = nounPhrase(true);
            expect("are");
            return rule(subject, predicates(true));
        }
        if (first.equals("no")) {
            pos++;
            int noun = firstNounAfterAdjectives(pos);
            boolean plural = isNounAt(noun, true) && !isNounAt(noun, false);
            Formula subject = nounPhrase(plural);
            expect(plural ? "are" : "is");
            Formula rest = predicates(plural);
            List<Formula> operands = new ArrayList<>();
            operands.add(subject);
            if (rest instanceof And c) operands.addAll(c.operands());
            else operands.add(rest);
            return new Not(new Exists(Formula.X, new And(operands)));
        }
        if (atAll("everything", "that", "is")) {
            pos += 3;
            int start = pos;
            Formula antecedent = predicates(false);
            if (hasNegation(antecedent)) {
                pos = start;
                throw stop("no 'not' in what everything that is ... is (the study's grammar has none there)");
            }
            expect("is");
            return rule(antecedent, predicates(false));
        }
        if (isName(pos)) {
            Constant subject = new Constant(words.get(pos));
            pos++;
            if (at("are")) throw stop("'is' (one entity is singular)");
            expect("is");
            return predicates(false).substitute(Formula.X, subject);
        }
        if (Character.isUpperCase(words.get(pos).charAt(0)) && at(pos + 1, "is") && !Lexicon.isNoun(first) && !Lexicon.isPluralNoun(first)) {
            throw stop("one of the names the study's problems use (" + String.join(", ", Lexicon.NAMES) + ")");
        }
        Formula subject = nounPhrase(true);
        if (at("is")) throw stop("'are' (the subject is plural)");
        expect("are");
        return rule(subject, predicates(true));
    }

    private static boolean hasNegation(Formula f) {
        return switch (f) {
            case Not n -> true;
            case And a -> a.operands().stream().anyMatch(SentenceParser::hasNegation);
            case Formula.Or o -> o.operands().stream().anyMatch(SentenceParser::hasNegation);
            default -> false;
        };
    }

    private static Formula rule(Formula antecedent, Formula consequent) {
        return Formula.rule(antecedent, consequent);
    }

    private int firstNounAfterAdjectives(int p) {
        while (p < lower.size() && isAdjective(p)) p++;
        return p;
    }

    /** Adjectives then a noun of the given number: "red small wumpus", "wumpuses". */
    private Formula nounPhrase(boolean plural) {
        List<Formula> atoms = new ArrayList<>();
        while (true) {
            int end = nounEnd(pos, plural);
            if (end > 0) {
                atoms.add(Formula.atom(nounAt(pos, end, plural)));
                pos = end;
                return Formula.and(atoms);
            }
            if (!isAdjective(pos)) throw stop(plural ? "a plural noun" : "a noun");
            atoms.add(Formula.atom(lower.get(pos)));
            pos++;
        }
    }

    /** Where a noun (of one or two words) that starts at {@code p} ends, or -1. */
    private int nounEnd(int p, boolean plural) {
        if (p >= lower.size()) return -1;
        if (p + 1 < lower.size()) {
            String both = Lexicon.compound(lower.get(p), lower.get(p + 1));
            if (both != null && (plural ? Lexicon.isPluralNoun(both) : Lexicon.isNoun(both))) return p + 2;
        }
        String word = lower.get(p);
        return (plural ? Lexicon.isPluralNoun(word) : Lexicon.isNoun(word)) ? p + 1 : -1;
    }

    private boolean isNounAt(int p, boolean plural) {
        return nounEnd(p, plural) > 0;
    }

    private String nounAt(int p, int end, boolean plural) {
        String noun = String.join(" ", lower.subList(p, end));
        return plural ? Lexicon.singular(noun) : noun;
    }

    private boolean isName(int p) {
        if (p >= words.size()) return false;
        String word = words.get(p);
        // only the names the study's problems use, as its parser reads them: "Bob is a wumpus." has no reading
        return Lexicon.isName(word);
    }

    private boolean isAdjective(int p) {
        if (p >= lower.size()) return false;
        String word = lower.get(p);
        return Character.isLetter(word.charAt(0)) && !FUNCTION_WORDS.contains(word) && !isName(p)
                && !Lexicon.isNoun(word) && !Lexicon.isPluralNoun(word);
    }

    /**
     * The predicate side of "is ..." / "are ...": one predicate, or a list joined by "and" or "or"
     * (optionally opened by "either" / "both"), each item "a wumpus" / "wumpuses" / "red", possibly
     * with "not"; a "not" before the whole list negates it. Built over the variable x.
     */
    private Formula predicates(boolean plural) {
        if (at("also")) pos++;
        int negations = 0;
        while (at("not")) {
            negations++;
            pos++;
        }
        String required = null;
        if (at("either")) {
            required = "or";
            pos++;
        } else if (at("both")) {
            required = "and";
            pos++;
        }
        List<Formula> items = new ArrayList<>();
        List<Integer> ends = new ArrayList<>();
        items.add(predicate(plural));
        ends.add(pos);
        String conjunction = null;
        while (true) {
            Separator separator = separatorAt(pos);
            if (separator == null || startsClause(separator.next()) || !startsPredicate(separator.next(), plural)) break;
            conjunction = joined(conjunction, separator, "in one list");
            pos = separator.next();
            items.add(predicate(plural));
            ends.add(pos);
        }
        if (items.size() > 1 && conjunction == null) {
            if (required == null) {
                // a list of commas alone belongs to a larger sentence: this predicate ends at its first comma
                pos = ends.get(0);
                items = items.subList(0, 1);
            } else {
                conjunction = required;
            }
        }
        if (required != null && conjunction != null && !required.equals(conjunction)) {
            throw stop("'" + required + "' after '" + (required.equals("or") ? "either" : "both") + "'");
        }
        Formula result = items.size() == 1 ? items.get(0)
                : conjunction.equals("and") ? new And(items) : new Formula.Or(items);
        for (int k = 0; k < negations; k++) result = new Not(result);
        return result;
    }

    private boolean startsPredicate(int p, boolean plural) {
        if (at(p, "not")) p++;
        if (!plural && (at(p, "a") || at(p, "an"))) return isNounAt(firstNounAfterAdjectives(p + 1), false);
        return isNounAt(p, plural) || isAdjective(p);
    }

    private Formula predicate(boolean plural) {
        boolean negated = false;
        if (at("not")) {
            negated = true;
            pos++;
        }
        Formula atom;
        if (at("a") || at("an")) {
            if (plural) throw stop("a plural noun without 'a' (the subject is plural)");
            pos++;
            if (!isNounAt(firstNounAfterAdjectives(pos), false)) throw stop("a noun after 'a'");
            // "a slow lempus": slow(x) and lempus(x), adjectives first, as the study's parser reads it
            atom = nounPhrase(false);
        } else if (plural && isAdjective(pos) && isNounAt(firstNounAfterAdjectives(pos), true)) {
            atom = nounPhrase(plural);
        } else if (isNounAt(pos, plural)) {
            int end = nounEnd(pos, plural);
            atom = Formula.atom(nounAt(pos, end, plural));
            pos = end;
        } else if (isAdjective(pos)) {
            atom = Formula.atom(lower.get(pos));
            pos++;
        } else if (isNounAt(pos, !plural)) {
            throw stop(plural ? "a plural noun (the subject is plural)" : "a singular noun (the subject is singular)");
        } else {
            throw stop("a property or a noun");
        }
        return negated ? new Not(atom) : atom;
    }
}
