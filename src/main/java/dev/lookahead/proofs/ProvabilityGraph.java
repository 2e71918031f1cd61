package dev.lookahead.proofs;

import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.ForAll;
import dev.lookahead.proofs.Formula.Implies;
import dev.lookahead.proofs.Formula.Or;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The context's rules as a graph from each antecedent (a disjunctive antecedent counts per disjunct) to the consequents
 * it gives (a conjunctive consequent per conjunct). The evaluator uses it for one decision: whether a rule a proof states
 * that the context does not is a shortcut through at most two of the context's rules (a skip step).
 *
 * <p>Two of the study's behaviours are kept on purpose. The graph's list for an antecedent is, in the study's evaluator,
 * the very conjunction list of the first rule with that antecedent, so a later rule sharing the antecedent extends that
 * rule's consequent in place; {@link #axioms()} hands back the context as that leaves it, unless
 * {@link PaperEvaluator.Fix#SHARED_CONSEQUENTS} is fixed. And the path length is the first one its depth-first search
 * meets, not the shortest.
 */
final class ProvabilityGraph {
    /** A rule through more context rules than this is not a skip step. */
    private static final int LONGEST_SKIP = 2;

    private final Map<Formula, List<Formula>> consequentsOf = new LinkedHashMap<>();
    private final List<Formula> axioms;

    ProvabilityGraph(List<Formula> context, boolean keepConsequentsApart) {
        Map<Integer, List<Formula>> extendedInPlace = new HashMap<>();
        for (int k = 0; k < context.size(); k++) {
            Implies rule = context.get(k).asRule();
            if (rule == null) continue;
            List<Formula> gives = new ArrayList<>(operands(rule.consequent(), And.class));
            if (rule.consequent() instanceof And) extendedInPlace.put(k, gives);
            for (Formula antecedent : operands(rule.antecedent(), Or.class)) {
                List<Formula> known = consequentsOf.get(antecedent);
                if (known == null) consequentsOf.put(antecedent, keepConsequentsApart ? new ArrayList<>(gives) : gives);
                else known.addAll(List.copyOf(gives));
            }
        }
        List<Formula> read = new ArrayList<>(context);
        if (!keepConsequentsApart) {
            extendedInPlace.forEach((k, conjuncts) -> {
                ForAll universal = (ForAll) context.get(k);
                Implies rule = (Implies) universal.body();
                read.set(k, new ForAll(universal.variable(), new Implies(rule.antecedent(), new And(List.copyOf(conjuncts)))));
            });
        }
        this.axioms = List.copyOf(read);
    }

    /** The context's formulas as the evaluator compares steps with them. */
    List<Formula> axioms() {
        return axioms;
    }

    /** Whether every antecedent of {@code rule} reaches every consequent through at most two context rules. */
    boolean isShortcut(Implies rule) {
        for (Formula antecedent : operands(rule.antecedent(), Or.class)) {
            for (Formula consequent : operands(rule.consequent(), And.class)) {
                int length = pathLength(antecedent, consequent);
                if (length < 0 || length > LONGEST_SKIP) return false;
            }
        }
        return true;
    }

    /** Edges from {@code source} to {@code target} on the first path a depth-first search meets; -1 when there is none. */
    int pathLength(Formula source, Formula target) {
        record Visit(Formula at, int length) {
        }
        Deque<Visit> pending = new ArrayDeque<>(List.of(new Visit(source, 0)));
        Set<Formula> seen = new HashSet<>();
        while (!pending.isEmpty()) {
            Visit visit = pending.pop();
            for (Formula next : consequentsOf.getOrDefault(visit.at(), List.of())) {
                if (!seen.add(next)) continue;
                if (next.equals(target)) return visit.length() + 1;
                pending.push(new Visit(next, visit.length() + 1));
            }
        }
        return -1;
    }

    private static List<Formula> operands(Formula formula, Class<? extends Formula> junction) {
        if (junction.isInstance(formula)) return formula instanceof And a ? a.operands() : ((Or) formula).operands();
        return List.of(formula);
    }
}
