package dev.lookahead.proofs;

import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.Atom;
import dev.lookahead.proofs.Formula.Exists;
import dev.lookahead.proofs.Formula.ForAll;
import dev.lookahead.proofs.Formula.Implies;
import dev.lookahead.proofs.Formula.Not;
import dev.lookahead.proofs.Formula.Or;
import dev.lookahead.proofs.Formula.Term;
import dev.lookahead.proofs.Formula.Variable;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Matching a formula against a rule's pattern as the study's evaluator does: the same shape with operands in order, a
 * variable on either side bound to what stands opposite it. Bindings are kept across calls on one matcher, and a match
 * that fails part-way keeps what it bound before failing - the evaluator reuses its binding maps the same way, so a
 * later match can be refused because of an earlier failed one.
 */
final class Unification {
    private final Map<Variable, Term> left = new HashMap<>();
    private final Map<Variable, Term> right = new HashMap<>();

    /** What the pattern's (right-hand) variable was bound to, or null. */
    Term boundTo(Variable patternVariable) {
        return right.get(patternVariable);
    }

    boolean matches(Formula formula, Formula pattern) {
        if (formula.getClass() != pattern.getClass()) return false;
        return switch (formula) {
            case And a -> matchesAll(a.operands(), ((And) pattern).operands());
            case Or a -> matchesAll(a.operands(), ((Or) pattern).operands());
            case Not n -> matches(n.operand(), ((Not) pattern).operand());
            case Implies m -> matches(m.antecedent(), ((Implies) pattern).antecedent()) && matches(m.consequent(), ((Implies) pattern).consequent());
            case ForAll q -> matchesUnder(q.variable(), ((ForAll) pattern).variable(), q.body(), ((ForAll) pattern).body());
            case Exists q -> matchesUnder(q.variable(), ((Exists) pattern).variable(), q.body(), ((Exists) pattern).body());
            case Atom a -> a.predicate().equals(((Atom) pattern).predicate()) && matchesTerm(a.term(), ((Atom) pattern).term());
        };
    }

    /**
     * Matches {@code formula} against a rule's consequent; a conjunction or disjunction may match with its operands in
     * another order (its first operand against any of the consequent's, then the operand sets compared).
     */
    boolean matchesConsequent(Formula formula, Variable variable, Formula consequent) {
        boolean junction = formula instanceof And || formula instanceof Or;
        if (!junction || consequent.getClass() != formula.getClass()) return matches(formula, consequent);
        List<Formula> operands = operandsOf(formula);
        for (Formula pattern : operandsOf(consequent)) {
            if (!matches(operands.get(0), pattern)) continue;
            Formula instance = consequent.substitute(variable, boundTo(variable));
            if (Set.copyOf(operandsOf(instance)).equals(Set.copyOf(operands))) return true;
        }
        return false;
    }

    private static List<Formula> operandsOf(Formula junction) {
        return junction instanceof And a ? a.operands() : ((Or) junction).operands();
    }

    /** Quantified bodies, with each side's variable standing for the other's while inside; unbound again on success only. */
    private boolean matchesUnder(Variable mine, Variable theirs, Formula body, Formula patternBody) {
        left.put(mine, theirs);
        right.put(theirs, mine);
        if (!matches(body, patternBody)) return false;
        left.remove(mine);
        right.remove(theirs);
        return true;
    }

    private boolean matchesAll(List<Formula> formulas, List<Formula> patterns) {
        if (formulas.size() != patterns.size()) return false;
        for (int k = 0; k < formulas.size(); k++) if (!matches(formulas.get(k), patterns.get(k))) return false;
        return true;
    }

    private boolean matchesTerm(Term term, Term pattern) {
        if (term instanceof Variable v) return bindOrCompare(left, v, pattern);
        if (pattern instanceof Variable v) return bindOrCompare(right, v, term);
        return term.equals(pattern);
    }

    private static boolean bindOrCompare(Map<Variable, Term> bindings, Variable variable, Term opposite) {
        Term bound = bindings.get(variable);
        if (bound != null) return bound.equals(opposite);
        bindings.put(variable, opposite);
        return true;
    }
}
