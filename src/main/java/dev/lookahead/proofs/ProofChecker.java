package dev.lookahead.proofs;

import dev.lookahead.proofs.CheckedProof.Label;
import dev.lookahead.proofs.CheckedProof.Step;
import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.Atom;
import dev.lookahead.proofs.Formula.Constant;
import dev.lookahead.proofs.Formula.Implies;
import dev.lookahead.proofs.Formula.Not;
import dev.lookahead.proofs.Formula.Or;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * Checks a candidate proof step by step (spec section 4). Each step is labelled
 * <ul>
 *   <li>correct: one rule application (modus ponens, and/or introduction and elimination, proof by
 *       cases, proof by contradiction) from the context and earlier correct steps; restating a context
 *       sentence or an earlier step is correct too;</li>
 *   <li>non_atomic: valid but needs several applications (modus tollens lands here), or an
 *       instantiation whose premises do not include the step just before it (the reference's locality);</li>
 *   <li>skip: a rule not in the context that follows from a chain of at most two of its rules;</li>
 *   <li>invalid or unparseable otherwise,</li>
 * </ul>
 * with {@code useful} when the step's formula is in the gold proof and {@code misleading} when it
 * takes a context rule off the gold path right after a gold step. Premises come only from correct and
 * skip steps (as in the reference checker), so whatever rests on an invalid step is invalid too; a
 * conclusion drawn from a skip step counts as non-atomic. Facts proven under a hypothesis ("Assume
 * ...") can be used only while it is open; a contradiction closes it and licenses its negation, and
 * "Since A or B, C" closes the cases of a proof by cases.
 */
public final class ProofChecker {
    private static final int MAX_CLOSURE_ROUNDS = 8;

    /** A proven (or assumed) formula: the step that stated it and the hypotheses it rests on. */
    private record Fact(Formula formula, int step, Set<Integer> hypotheses, boolean skip) {
    }

    /** An open or closed assumption: the step that made it and what it assumed. */
    private record Hypothesis(int step, Formula formula) {
    }

    private final List<Formula> context = new ArrayList<>();
    private final Set<Formula> axioms = new HashSet<>();
    private final List<Implies> axiomRules = new ArrayList<>();
    private final Set<Formula> goldStatements = new HashSet<>();
    private final Set<Formula> goldAssumptions = new HashSet<>();
    private final Set<Constant> constants = new LinkedHashSet<>();
    private final Formula goal;

    private final List<Fact> facts = new ArrayList<>();
    private final Deque<Hypothesis> open = new ArrayDeque<>();
    private final List<Hypothesis> closedCases = new ArrayList<>();
    private final List<Step> steps = new ArrayList<>();
    /** Per step: whether every hypothesis was closed once it was taken. */
    private final List<Boolean> noHypothesisOpen = new ArrayList<>();
    /** Licensed by contradictions: the negations of the hypotheses they closed, and what those rest on. */
    private final List<Fact> licensedNegations = new ArrayList<>();

    private ProofChecker(List<Formula> context, List<SentenceParser.Sentence> gold, Formula goal) {
        for (Formula f : context) {
            Formula normal = f.normalized();
            this.context.add(normal);
            axioms.add(normal);
            if (normal.asRule() != null) axiomRules.add(normal.asRule());
            collectConstants(normal);
        }
        for (SentenceParser.Sentence s : gold) {
            switch (s.kind()) {
                case ASSUMPTION -> goldAssumptions.add(s.formula().normalized());
                case STATEMENT -> goldStatements.add(s.formula().normalized());
                case SINCE -> {
                    goldStatements.add(s.formula().normalized());
                    goldStatements.add(s.conclusion().normalized());
                }
                case CONTRADICTION -> {
                    if (s.formula() != null) goldStatements.add(s.formula().normalized());
                }
            }
        }
        this.goal = goal.normalized();
        collectConstants(this.goal);
    }

    /**
     * Checks {@code candidate} (sentences) against the context sentences and the gold proof; without a
     * gold proof the goal is read from {@code query} ("Prove: ..." or "True or false: ...").
     *
     * @throws SentenceParser.Unreadable when a context sentence, the gold proof or the query cannot be read
     */
    public static CheckedProof check(List<String> context, List<String> gold, String query, List<String> candidate)
            throws SentenceParser.Unreadable {
        List<Formula> contextFormulas = new ArrayList<>();
        for (int k = 0; k < context.size(); k++) {
            try {
                contextFormulas.add(SentenceParser.formula(context.get(k)));
            } catch (SentenceParser.Unreadable e) {
                throw new SentenceParser.Unreadable("context sentence " + (k + 1) + ": " + e.getMessage());
            }
        }
        List<SentenceParser.Sentence> goldSentences = new ArrayList<>();
        Formula goal = null;
        if (gold != null && !gold.isEmpty()) {
            for (int k = 0; k < gold.size(); k++) {
                try {
                    goldSentences.add(SentenceParser.parse(gold.get(k)));
                } catch (SentenceParser.Unreadable e) {
                    throw new SentenceParser.Unreadable("gold proof sentence " + (k + 1) + ": " + e.getMessage());
                }
            }
            SentenceParser.Sentence last = goldSentences.get(goldSentences.size() - 1);
            goal = last.kind() == SentenceParser.Kind.SINCE ? last.conclusion() : last.formula();
        }
        if (goal == null) {
            if (query == null) throw new SentenceParser.Unreadable("neither a gold proof nor a query says what to prove");
            goal = SentenceParser.formula(queryStatement(query));
        }
        ProofChecker checker = new ProofChecker(contextFormulas, goldSentences, goal);
        for (String sentence : candidate) checker.read(sentence);
        return checker.verdict();
    }

    /** "Prove: Max is red." and "True or false: Max is red." state "Max is red.". */
    static String queryStatement(String query) {
        String q = query.strip();
        for (String prefix : List.of("Prove:", "True or false:")) {
            if (q.regionMatches(true, 0, prefix, 0, prefix.length())) return q.substring(prefix.length()).strip();
        }
        return q;
    }

    private void collectConstants(Formula f) {
        switch (f) {
            case Atom a -> {
                if (a.term() instanceof Constant c) constants.add(c);
            }
            case Not n -> collectConstants(n.operand());
            case And c -> c.operands().forEach(this::collectConstants);
            case Or d -> d.operands().forEach(this::collectConstants);
            case Implies i -> {
                collectConstants(i.antecedent());
                collectConstants(i.consequent());
            }
            case Formula.ForAll q -> collectConstants(q.body());
            case Formula.Exists q -> collectConstants(q.body());
        }
    }

    private void read(String text) {
        SentenceParser.Sentence sentence;
        try {
            sentence = SentenceParser.parse(text);
        } catch (SentenceParser.Unreadable e) {
            add(step(text.strip(), Label.UNPARSEABLE, false, false, List.of(), null, null, e.getMessage()));
            return;
        }
        switch (sentence.kind()) {
            case STATEMENT -> statement(text.strip(), sentence.formula());
            case SINCE -> {
                String[] parts = splitSince(text.strip());
                statement(parts[0], sentence.formula());
                statement(parts[1], sentence.conclusion());
            }
            case ASSUMPTION -> assume(text.strip(), sentence.formula().normalized());
            case CONTRADICTION -> contradiction(text.strip(), sentence.formula() == null ? null : sentence.formula().normalized());
        }
    }

    /** The two halves of a "Since A, B" sentence for display; the whole sentence when it does not split simply. */
    private static String[] splitSince(String text) {
        String body = text.endsWith(".") ? text.substring(0, text.length() - 1) : text;
        int because = body.indexOf(" because ");
        if (because > 0) return new String[]{body.substring(because + 9).strip() + ".", body.substring(0, because).strip() + "."};
        int so = body.lastIndexOf(", so ");
        if (so > 0) return new String[]{body.substring(0, so).strip() + ".", body.substring(so + 5).strip() + "."};
        int comma = body.lastIndexOf(", ");
        if (body.regionMatches(true, 0, "since ", 0, 6) && comma > 0) {
            return new String[]{English.capitalised(body.substring(6, comma).strip()) + ".", English.capitalised(body.substring(comma + 2).strip()) + "."};
        }
        return new String[]{text, text};
    }

    private void add(Step step) {
        steps.add(step);
        noHypothesisOpen.add(open.isEmpty());
    }

    /** A step at the current depth of open assumptions. */
    private Step step(String text, Label label, boolean useful, boolean misleading, List<Integer> premises, String rule,
                      Formula formula, String problem) {
        return new Step(text, label, useful, misleading, premises, rule, formula, problem, open.size());
    }

    private int nextIndex() {
        return steps.size();
    }

    private boolean usable(Fact fact) {
        for (int h : fact.hypotheses()) {
            if (open.stream().noneMatch(o -> o.step() == h)) return false;
        }
        return true;
    }

    /** The latest usable fact stating {@code formula}, or null. */
    private Fact known(Formula formula) {
        for (int k = facts.size() - 1; k >= 0; k--) {
            Fact fact = facts.get(k);
            if (fact.formula().equals(formula) && usable(fact)) return fact;
        }
        return null;
    }

    /** A premise: an axiom (context) or a usable fact; null when neither. */
    private Fact premise(Formula formula) {
        Fact fact = known(formula);
        if (fact != null) return fact;
        return axioms.contains(formula) ? new Fact(formula, Step.CONTEXT, Set.of(), false) : null;
    }

    private void assume(String text, Formula assumption) {
        // a new case of a proof by cases closes the previous case: both are disjuncts of one disjunction
        Hypothesis top = open.peek();
        if (top != null && areCases(top.formula(), assumption)) closedCases.add(open.pop());
        int index = nextIndex();
        open.push(new Hypothesis(index, assumption));
        facts.add(new Fact(assumption, index, Set.of(index), false));
        add(step(text, Label.CORRECT, goldAssumptions.contains(assumption), false, List.of(), "assume", assumption, null));
    }

    private boolean areCases(Formula a, Formula b) {
        List<Formula> disjunctions = new ArrayList<>(axioms);
        for (Fact f : facts) if (usable(f)) disjunctions.add(f.formula());
        for (Formula d : disjunctions) {
            if (d instanceof Or or && or.operands().contains(a) && or.operands().contains(b)) return true;
        }
        return false;
    }

    private void contradiction(String text, Formula with) {
        int index = nextIndex();
        Hypothesis closing = open.peek();
        List<Fact> clash = clash(with, closing);
        if (clash == null || closing == null) {
            String problem = closing == null ? "there is no open assumption to contradict" : "nothing proven contradicts it";
            add(step(text, Label.INVALID, false, false, List.of(), "contradiction", with, problem));
            return;
        }
        Set<Integer> rest = new HashSet<>();
        for (Fact f : clash) rest.addAll(f.hypotheses());
        rest.remove(closing.step());
        licensedNegations.add(new Fact(Formula.not(closing.formula()).normalized(), index, rest, false));
        boolean useful = with != null && goldStatements.contains(with);
        // the contradiction still belongs to the assumption's scope; it closes it
        add(step(text, Label.CORRECT, useful, false, clash.stream().map(Fact::step).distinct().toList(), "contradiction", with, null));
        open.pop();
    }

    /** Two usable facts (or axioms) that contradict, one of them {@code with} when given; null when none. */
    private List<Fact> clash(Formula with, Hypothesis closing) {
        if (with != null) {
            Fact stated = premise(with);
            if (stated == null) return null;
            Fact opposite = premise(negation(with));
            return opposite == null ? null : List.of(opposite, stated);
        }
        for (Fact f : facts) {
            if (!usable(f) || closing == null || !f.hypotheses().contains(closing.step())) continue;
            Fact opposite = premise(negation(f.formula()));
            if (opposite != null) return List.of(f, opposite);
        }
        return null;
    }

    private static Formula negation(Formula f) {
        return f instanceof Not n ? n.operand() : Formula.not(f).normalized();
    }

    /** One derivation of a step: the rule and the premises it used. */
    private record Derivation(String rule, List<Fact> premises) {
        boolean usesSkip() {
            return premises.stream().anyMatch(Fact::skip);
        }

        Set<Integer> hypotheses() {
            Set<Integer> all = new HashSet<>();
            for (Fact f : premises) all.addAll(f.hypotheses());
            return all;
        }
    }

    private void statement(String text, Formula stated) {
        Formula formula = stated.normalized();
        int index = nextIndex();
        boolean useful = goldStatements.contains(formula);
        boolean misleading = !useful && misleading(formula);
        Fact negation = null;
        for (Fact licensed : licensedNegations) if (licensed.formula().equals(formula) && usable(licensed)) negation = licensed;
        Derivation derivation = negation != null
                ? new Derivation("proof_by_contradiction", List.of(negation))
                : derive(formula, index);
        if (derivation != null) {
            boolean afterSkip = derivation.usesSkip();
            Set<Integer> hypotheses = derivation.rule().equals("or_elim") ? closeCases(derivation) : derivation.hypotheses();
            facts.add(new Fact(formula, index, hypotheses, false));
            Label label = afterSkip ? Label.NON_ATOMIC : Label.CORRECT;
            add(step(text, label, useful, misleading, derivation.premises().stream().map(Fact::step).distinct().toList(),
                    derivation.rule(), formula, afterSkip ? "drawn from a skipped rule" : null));
            return;
        }
        Derivation local = instantiation(formula, -1);
        if (local != null || provableInSeveralSteps(formula)) {
            String why = local != null ? "the instantiation does not use the step just before it" : "needs several rule applications";
            add(step(text, Label.NON_ATOMIC, useful, misleading,
                    local == null ? List.of() : local.premises().stream().map(Fact::step).distinct().toList(),
                    local == null ? null : "modus_ponens", formula, why));
            return;
        }
        if (isSkip(formula)) {
            facts.add(new Fact(formula, index, Set.of(), true));
            add(step(text, Label.SKIP, useful, misleading, List.of(Step.CONTEXT), null, formula,
                    "follows from two context rules"));
            return;
        }
        add(step(text, Label.INVALID, useful, misleading, List.of(), null, formula,
                "does not follow from the context and the correct steps before it"));
    }

    /** The reference's wrong-branch test: an off-path context rule applied to the last correct gold step. */
    private boolean misleading(Formula formula) {
        Implies rule = formula.asRule();
        if (rule == null || !axioms.contains(formula) || !(rule.antecedent() instanceof Atom antecedent)) return false;
        for (int k = steps.size() - 1; k >= 0; k--) {
            Step step = steps.get(k);
            if (step.label() != Label.CORRECT || step.formula() == null) continue;
            return goldStatements.contains(step.formula()) && step.formula() instanceof Atom last
                    && last.predicate().equals(antecedent.predicate());
        }
        return false;
    }

    /** The first atomic derivation found, or null. */
    private Derivation derive(Formula formula, int index) {
        Derivation cases = proofByCases(formula);
        if (cases != null) return cases;
        Fact repeated = known(formula);
        if (repeated != null) return new Derivation("repeat", List.of(repeated));
        if (axioms.contains(formula)) return new Derivation("axiom", List.of(new Fact(formula, Step.CONTEXT, Set.of(), false)));
        Derivation instantiation = instantiation(formula, index - 1);
        if (instantiation != null) return instantiation;
        if (formula instanceof And c) {
            List<Fact> parts = new ArrayList<>();
            for (Formula operand : c.operands()) {
                Fact p = premise(operand);
                if (p == null) {
                    parts = null;
                    break;
                }
                parts.add(p);
            }
            if (parts != null) return new Derivation("and_intro", parts);
        }
        if (formula instanceof Or d) {
            for (Formula operand : d.operands()) {
                Fact p = premise(operand);
                if (p != null) return new Derivation("or_intro", List.of(p));
            }
        }
        for (Fact source : premisesInScope()) {
            if (source.formula() instanceof And c && c.operands().contains(formula)) return new Derivation("and_elim", List.of(source));
        }
        return null;
    }

    /** Usable facts and context sentences, latest first. */
    private List<Fact> premisesInScope() {
        List<Fact> all = new ArrayList<>();
        for (int k = facts.size() - 1; k >= 0; k--) if (usable(facts.get(k))) all.add(facts.get(k));
        for (Formula axiom : context) all.add(new Fact(axiom, Step.CONTEXT, Set.of(), false));
        return all;
    }

    /**
     * Modus ponens: a rule forall x (A -> B) and A(c) give B(c). With {@code previous >= 0} the step
     * just before must be one of the two premises (the reference's locality); -1 drops that requirement.
     */
    private Derivation instantiation(Formula formula, int previous) {
        for (Fact rule : premisesInScope()) {
            Implies implication = rule.formula().asRule();
            if (implication == null) continue;
            for (Constant c : constants) {
                if (!implication.consequent().substitute(Formula.X, c).normalized().equals(formula)) continue;
                Fact antecedent = premise(implication.antecedent().substitute(Formula.X, c).normalized());
                if (antecedent == null) continue;
                boolean local = previous < 0 || steps.isEmpty() || rule.step() == previous || antecedent.step() == previous
                        || steps.get(previous).label() != Label.CORRECT && steps.get(previous).label() != Label.SKIP;
                if (local) return new Derivation("modus_ponens", List.of(rule, antecedent));
            }
        }
        return null;
    }

    /** Proof by cases: a disjunction whose every disjunct, assumed, led to the formula. */
    private Derivation proofByCases(Formula formula) {
        List<Hypothesis> cases = new ArrayList<>(closedCases);
        cases.addAll(open);
        for (Fact source : premisesInScope()) {
            if (!(source.formula() instanceof Or disjunction)) continue;
            List<Fact> premises = new ArrayList<>();
            premises.add(source);
            for (Formula disjunct : disjunction.operands()) {
                Fact ledTo = null;
                for (Hypothesis h : cases) {
                    if (!h.formula().equals(disjunct)) continue;
                    for (Fact f : facts) {
                        if (f.formula().equals(formula) && f.hypotheses().contains(h.step())) ledTo = f;
                    }
                }
                if (ledTo == null) {
                    premises = null;
                    break;
                }
                premises.add(ledTo);
            }
            if (premises != null) return new Derivation("or_elim", premises);
        }
        return null;
    }

    /** Closes the cases a proof by cases used; what the conclusion rests on beyond them. */
    private Set<Integer> closeCases(Derivation derivation) {
        Set<Integer> cases = new HashSet<>();
        Or disjunction = (Or) derivation.premises().get(0).formula();
        for (Hypothesis h : new ArrayList<>(closedCases)) if (disjunction.operands().contains(h.formula())) cases.add(h.step());
        for (Hypothesis h : new ArrayList<>(open)) if (disjunction.operands().contains(h.formula())) cases.add(h.step());
        open.removeIf(h -> cases.contains(h.step()));
        closedCases.removeIf(h -> cases.contains(h.step()));
        Set<Integer> rest = derivation.hypotheses();
        rest.removeAll(cases);
        return rest;
    }

    /**
     * Whether the formula follows from the context and usable facts by several steps of modus ponens,
     * modus tollens and and-elimination (closure for a few rounds), then and/or-introduction.
     */
    private boolean provableInSeveralSteps(Formula formula) {
        Set<Formula> known = new HashSet<>(axioms);
        List<Implies> rules = new ArrayList<>(axiomRules);
        for (Fact f : facts) {
            if (!usable(f)) continue;
            known.add(f.formula());
            if (f.formula().asRule() != null) rules.add(f.formula().asRule());
        }
        for (int round = 0; round < MAX_CLOSURE_ROUNDS; round++) {
            Set<Formula> added = new HashSet<>();
            for (Formula k : known) if (k instanceof And c) for (Formula o : c.operands()) if (!known.contains(o)) added.add(o);
            for (Implies rule : rules) {
                for (Constant c : constants) {
                    Formula antecedent = rule.antecedent().substitute(Formula.X, c).normalized();
                    Formula consequent = rule.consequent().substitute(Formula.X, c).normalized();
                    if (holds(known, antecedent) && !known.contains(consequent)) added.add(consequent);
                    Formula notConsequent = Formula.not(consequent).normalized();
                    Formula notAntecedent = Formula.not(antecedent).normalized();
                    if (known.contains(notConsequent) && !known.contains(notAntecedent)) added.add(notAntecedent);
                }
            }
            if (added.isEmpty()) break;
            known.addAll(added);
        }
        return holds(known, formula);
    }

    /** Known, or a conjunction of known formulas, or a disjunction with a known disjunct. */
    private static boolean holds(Set<Formula> known, Formula f) {
        if (known.contains(f)) return true;
        if (f instanceof And c) return c.operands().stream().allMatch(o -> holds(known, o));
        if (f instanceof Or d) return d.operands().stream().anyMatch(o -> holds(known, o));
        return false;
    }

    /** A rule not in the context that a chain of at most two context rules gives (or one, weakened). */
    private boolean isSkip(Formula formula) {
        Implies wanted = formula.asRule();
        if (wanted == null) return false;
        for (Implies first : axiomRules) {
            if (!first.antecedent().equals(wanted.antecedent())) continue;
            if (entails(first.consequent(), wanted.consequent())) return true;
            for (Implies second : axiomRules) {
                if (entails(first.consequent(), second.antecedent()) && entails(second.consequent(), wanted.consequent())) return true;
            }
        }
        return false;
    }

    /** {@code a} gives {@code b} by and-elimination or or-introduction (or they are equal). */
    private static boolean entails(Formula a, Formula b) {
        if (a.equals(b)) return true;
        if (a instanceof And c && c.operands().contains(b)) return true;
        return b instanceof Or d && d.operands().contains(a);
    }

    private CheckedProof verdict() {
        boolean strict = false;
        boolean viaSkip = false;
        boolean viaNonAtomic = false;
        boolean reachedOpen = false;
        Integer firstError = null;
        for (int k = 0; k < steps.size(); k++) {
            Step step = steps.get(k);
            if (firstError == null && (step.label() != Label.CORRECT || step.misleading())) firstError = k;
            if (step.formula() == null || !step.formula().equals(goal)) continue;
            Fact fact = factOf(k);
            boolean closed = fact != null ? fact.hypotheses().isEmpty() : noHypothesisOpen.get(k);
            if (!closed) {
                reachedOpen = true;
                continue;
            }
            if (step.label() == Label.CORRECT) strict = true;
            else if (step.label() == Label.SKIP || step.label() == Label.NON_ATOMIC && "drawn from a skipped rule".equals(step.problem())) viaSkip = true;
            else if (step.label() == Label.NON_ATOMIC) viaNonAtomic = true;
        }
        if (strict) {
            viaSkip = false;
            viaNonAtomic = false;
        } else if (viaSkip) {
            viaNonAtomic = false;
        }
        String verdict = strict ? "strict" : viaSkip ? "via_skip" : viaNonAtomic ? "via_nonatomic" : reachedOpen ? "open_hypothesis" : "not_reached";
        return new CheckedProof(steps, goal, strict, viaSkip, viaNonAtomic, firstError, verdict);
    }

    private Fact factOf(int step) {
        for (Fact f : facts) if (f.step() == step) return f;
        return null;
    }
}
