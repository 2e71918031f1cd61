package dev.lookahead.proofs;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.stream.Collectors;

/**
 * A first-order formula of the deduction problems: unary predicates over constants and variables,
 * negation, conjunction, disjunction, implication and the two quantifiers. Records compare by
 * structure, so two formulas are equal when they are written the same way; {@link #normalized()}
 * also forgets the order of operands.
 */
public sealed interface Formula {

    /** A constant (an entity such as {@code Max}) or a variable bound by a quantifier. */
    sealed interface Term permits Constant, Variable {
    }

    record Constant(String name) implements Term {
        @Override
        public String toString() {
            return name;
        }
    }

    record Variable(int id) implements Term {
        @Override
        public String toString() {
            return id == 1 ? "x" : "x" + id;
        }
    }

    /** {@code predicate(term)}: "Max is a wumpus" is {@code wumpus(Max)}, "Max is red" is {@code red(Max)}. */
    record Atom(String predicate, Term term) implements Formula {
        public Atom {
            Objects.requireNonNull(predicate);
            Objects.requireNonNull(term);
        }
    }

    record Not(Formula operand) implements Formula {
    }

    record And(List<Formula> operands) implements Formula {
        public And {
            operands = List.copyOf(operands);
            if (operands.size() < 2) throw new IllegalArgumentException("a conjunction needs two operands or more");
        }
    }

    record Or(List<Formula> operands) implements Formula {
        public Or {
            operands = List.copyOf(operands);
            if (operands.size() < 2) throw new IllegalArgumentException("a disjunction needs two operands or more");
        }
    }

    record Implies(Formula antecedent, Formula consequent) implements Formula {
    }

    record ForAll(Variable variable, Formula body) implements Formula {
    }

    record Exists(Variable variable, Formula body) implements Formula {
    }

    Variable X = new Variable(1);

    static Atom atom(String predicate, String constant) {
        return new Atom(predicate, new Constant(constant));
    }

    static Atom atom(String predicate) {
        return new Atom(predicate, X);
    }

    /** {@code forall x (antecedent -> consequent)} over the variable {@code x}. */
    static ForAll rule(Formula antecedent, Formula consequent) {
        return new ForAll(X, new Implies(antecedent, consequent));
    }

    static Formula not(Formula f) {
        return new Not(f);
    }

    static Formula and(List<Formula> operands) {
        return operands.size() == 1 ? operands.get(0) : new And(operands);
    }

    static Formula or(List<Formula> operands) {
        return operands.size() == 1 ? operands.get(0) : new Or(operands);
    }

    /** The formula with every free occurrence of {@code variable} replaced by {@code term}. */
    default Formula substitute(Variable variable, Term term) {
        return switch (this) {
            case Atom a -> a.term().equals(variable) ? new Atom(a.predicate(), term) : a;
            case Not n -> new Not(n.operand().substitute(variable, term));
            case And c -> new And(c.operands().stream().map(o -> o.substitute(variable, term)).toList());
            case Or d -> new Or(d.operands().stream().map(o -> o.substitute(variable, term)).toList());
            case Implies i -> new Implies(i.antecedent().substitute(variable, term), i.consequent().substitute(variable, term));
            case ForAll q -> q.variable().equals(variable) ? q : new ForAll(q.variable(), q.body().substitute(variable, term));
            case Exists q -> q.variable().equals(variable) ? q : new Exists(q.variable(), q.body().substitute(variable, term));
        };
    }

    /** A rule {@code forall x (A -> B)} as its implication, or null for any other formula. */
    default Implies asRule() {
        return this instanceof ForAll q && q.body() instanceof Implies i ? i : null;
    }

    /**
     * Matches {@code pattern} (which may hold the variable {@code variable}) against this ground
     * formula; adds the binding to {@code binding} and answers whether they match. Operands are
     * matched in order.
     */
    static boolean match(Formula pattern, Formula ground, Variable variable, Map<Variable, Term> binding) {
        return switch (pattern) {
            case Atom a -> {
                if (!(ground instanceof Atom g) || !g.predicate().equals(a.predicate())) yield false;
                if (!a.term().equals(variable)) yield a.term().equals(g.term());
                Term bound = binding.putIfAbsent(variable, g.term());
                yield bound == null || bound.equals(g.term());
            }
            case Not n -> ground instanceof Not g && match(n.operand(), g.operand(), variable, binding);
            case And c -> ground instanceof And g && matchAll(c.operands(), g.operands(), variable, binding);
            case Or d -> ground instanceof Or g && matchAll(d.operands(), g.operands(), variable, binding);
            case Implies i -> ground instanceof Implies g && match(i.antecedent(), g.antecedent(), variable, binding)
                    && match(i.consequent(), g.consequent(), variable, binding);
            case ForAll q -> pattern.equals(ground);
            case Exists q -> pattern.equals(ground);
        };
    }

    private static boolean matchAll(List<Formula> patterns, List<Formula> grounds, Variable variable, Map<Variable, Term> binding) {
        if (patterns.size() != grounds.size()) return false;
        for (int i = 0; i < patterns.size(); i++) {
            if (!match(patterns.get(i), grounds.get(i), variable, binding)) return false;
        }
        return true;
    }

    /**
     * The same formula with conjunctions and disjunctions flattened and their operands sorted, and
     * {@code not (A and B)} rewritten to {@code not A or not B} (De Morgan, as the reference checker
     * does before checking): two formulas that differ only in operand order normalize equally.
     */
    default Formula normalized() {
        return switch (this) {
            case Atom a -> a;
            case Not n -> n.operand() instanceof And c
                    ? new Or(c.operands().stream().map(o -> (Formula) new Not(o)).toList()).normalized()
                    : new Not(n.operand().normalized());
            case And c -> new And(sortedFlat(c.operands(), And.class));
            case Or d -> new Or(sortedFlat(d.operands(), Or.class));
            case Implies i -> new Implies(i.antecedent().normalized(), i.consequent().normalized());
            case ForAll q -> new ForAll(q.variable(), q.body().normalized());
            case Exists q -> new Exists(q.variable(), q.body().normalized());
        };
    }

    private static List<Formula> sortedFlat(List<Formula> operands, Class<? extends Formula> kind) {
        List<Formula> flat = new ArrayList<>();
        for (Formula operand : operands) {
            Formula normal = operand.normalized();
            if (kind.isInstance(normal)) flat.addAll(normal instanceof And c ? c.operands() : ((Or) normal).operands());
            else flat.add(normal);
        }
        flat.sort(Comparator.comparing(Formula::show));
        return flat;
    }

    /** Readable logical notation, e.g. {@code forall x (wumpus(x) -> not red(x))}. */
    default String show() {
        return switch (this) {
            case Atom a -> a.predicate() + "(" + a.term() + ")";
            case Not n -> "not " + wrapped(n.operand());
            case And c -> c.operands().stream().map(Formula::wrapped).collect(Collectors.joining(" and "));
            case Or d -> d.operands().stream().map(Formula::wrapped).collect(Collectors.joining(" or "));
            case Implies i -> wrapped(i.antecedent()) + " -> " + wrapped(i.consequent());
            case ForAll q -> "forall " + q.variable() + " (" + q.body().show() + ")";
            case Exists q -> "exists " + q.variable() + " (" + q.body().show() + ")";
        };
    }

    private static String wrapped(Formula f) {
        return f instanceof Atom || f instanceof Not || f instanceof ForAll || f instanceof Exists ? f.show() : "(" + f.show() + ")";
    }
}
