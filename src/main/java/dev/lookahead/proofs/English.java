package dev.lookahead.proofs;

import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.Atom;
import dev.lookahead.proofs.Formula.Constant;
import dev.lookahead.proofs.Formula.Exists;
import dev.lookahead.proofs.Formula.ForAll;
import dev.lookahead.proofs.Formula.Implies;
import dev.lookahead.proofs.Formula.Not;
import dev.lookahead.proofs.Formula.Or;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Formulas written as the English sentences of the deduction problems (the PrOntoQA-OOD paper; docs/user-guide.md, "The Proofs panel"): facts
 * ("Max is not a wumpus."), coordinations ("Max is red, small, and a wumpus."), rules in their
 * singular and plural forms ("Every wumpus is a rompus.", "Wumpuses are not red."), rules over a
 * coordination ("Everything that is a wumpus or red is a numpus.") and "No wumpuses are red.".
 * Where English offers several forms the choice is drawn from the given random source, so a seeded
 * generator writes the same text every time; {@link SentenceParser} reads every form back.
 */
public final class English {
    private final Random random;

    /** @param random draws between equivalent forms; null always takes the first form */
    public English(Random random) {
        this.random = random;
    }

    private boolean coin() {
        return random != null && random.nextBoolean();
    }

    /** The sentence for {@code formula}, capitalised and ending with a full stop. */
    public String sentence(Formula formula) {
        return capitalised(clause(formula)) + ".";
    }

    /** "Assume Max is a wumpus." */
    public String assumption(Formula formula) {
        return "Assume " + clause(formula) + ".";
    }

    /** "This contradicts with Max is not a wumpus." */
    public String contradiction(Formula with) {
        return "This contradicts with " + clause(with) + ".";
    }

    /** "Since Max is a wumpus or a yumpus, Max is a numpus." */
    public String since(Formula premise, Formula conclusion) {
        return "Since " + clause(premise) + ", " + clause(conclusion) + ".";
    }

    static String capitalised(String text) {
        return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
    }

    /** The clause without its capital letter and full stop. */
    public String clause(Formula formula) {
        return switch (formula) {
            case Atom a when a.term() instanceof Constant c -> c.name() + " is " + predicate(a.predicate(), false);
            case Not n when n.operand() instanceof Atom a && a.term() instanceof Constant c ->
                    c.name() + " is not " + predicate(a.predicate(), false);
            case And c -> coordination(c.operands(), "and");
            case Or d -> coordination(d.operands(), "or");
            case ForAll q when q.body() instanceof Implies i -> rule(i);
            case Not n when n.operand() instanceof Exists e && e.body() instanceof And c -> none(c);
            default -> throw new IllegalArgumentException("no English form for " + formula.show());
        };
    }

    /** Facts about one entity share a subject ("Max is red and a wumpus"); other coordinations join clauses. */
    private String coordination(List<Formula> operands, String conjunction) {
        Constant subject = null;
        boolean sameSubject = true;
        for (Formula operand : operands) {
            if (operand instanceof Atom a && a.term() instanceof Constant c && (subject == null || subject.equals(c))) {
                subject = c;
            } else {
                sameSubject = false;
            }
        }
        if (sameSubject) {
            List<String> items = new ArrayList<>();
            for (Formula operand : operands) items.add(predicate(((Atom) operand).predicate(), false));
            return subject.name() + " is " + list(items, conjunction);
        }
        List<String> clauses = new ArrayList<>();
        for (Formula operand : operands) clauses.add(clause(operand));
        return list(clauses, conjunction);
    }

    private String rule(Implies rule) {
        Formula antecedent = rule.antecedent();
        Formula consequent = rule.consequent();
        boolean negated = consequent instanceof Not;
        Formula positive = negated ? ((Not) consequent).operand() : consequent;
        String not = negated ? "not " : "";
        List<Atom> noun = nounPhrase(antecedent);
        if (noun == null) {
            return "everything that is " + predicateList(antecedent, false) + " is " + not + predicateList(positive, false);
        }
        boolean plural = coin();
        List<String> words = new ArrayList<>();
        for (int k = 0; k < noun.size() - 1; k++) words.add(noun.get(k).predicate());
        String head = noun.get(noun.size() - 1).predicate();
        words.add(plural ? Lexicon.plural(head) : head);
        String subject = String.join(" ", words);
        if (plural) return subject + " are " + not + predicateList(positive, true);
        return (coin() ? "each " : "every ") + subject + " is " + not + predicateList(positive, false);
    }

    private String none(And conjunction) {
        List<Atom> noun = nounPhrase(conjunction.operands().get(0));
        if (noun == null || noun.size() != 1) throw new IllegalArgumentException("no English form for " + conjunction.show());
        Formula rest = Formula.and(conjunction.operands().subList(1, conjunction.operands().size()));
        String head = noun.get(0).predicate();
        if (coin()) return "no " + Lexicon.plural(head) + " are " + predicateList(rest, true);
        return "no " + head + " is " + predicateList(rest, false);
    }

    /**
     * The atoms of an antecedent that reads as a noun phrase - adjectives then one noun, "red
     * wumpus" - or null when it must be written "everything that is ...".
     */
    private static List<Atom> nounPhrase(Formula antecedent) {
        List<Formula> operands = antecedent instanceof And c ? c.operands() : List.of(antecedent);
        List<Atom> atoms = new ArrayList<>();
        for (int k = 0; k < operands.size(); k++) {
            if (!(operands.get(k) instanceof Atom a)) return null;
            boolean last = k == operands.size() - 1;
            if (Lexicon.isNoun(a.predicate()) != last) return null;
            atoms.add(a);
        }
        return atoms;
    }

    /** The predicates of a consequent (an atom, a negated atom, or a coordination of them). */
    private String predicateList(Formula formula, boolean plural) {
        List<Formula> operands;
        String conjunction;
        if (formula instanceof And c) {
            operands = c.operands();
            conjunction = "and";
        } else if (formula instanceof Or d) {
            operands = d.operands();
            conjunction = "or";
        } else {
            operands = List.of(formula);
            conjunction = null;
        }
        List<String> items = new ArrayList<>();
        for (Formula operand : operands) {
            if (operand instanceof Atom a) items.add(predicate(a.predicate(), plural));
            else if (operand instanceof Not n && n.operand() instanceof Atom a) items.add("not " + predicate(a.predicate(), plural));
            else throw new IllegalArgumentException("no English form for " + formula.show());
        }
        return conjunction == null ? items.get(0) : list(items, conjunction);
    }

    private static String predicate(String name, boolean plural) {
        if (!Lexicon.isNoun(name)) return name;
        if (plural) return Lexicon.plural(name);
        return ("aeiou".indexOf(name.charAt(0)) >= 0 && !name.startsWith("eu") ? "an " : "a ") + name;
    }

    /** "A and B"; "A, B, and C" or "A and B and C". */
    private String list(List<String> items, String conjunction) {
        if (items.size() == 2) return items.get(0) + " " + conjunction + " " + items.get(1);
        if (!coin()) {
            return String.join(", ", items.subList(0, items.size() - 1)) + ", " + conjunction + " " + items.get(items.size() - 1);
        }
        return String.join(" " + conjunction + " ", items);
    }
}
