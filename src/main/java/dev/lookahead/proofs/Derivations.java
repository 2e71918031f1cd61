package dev.lookahead.proofs;

import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.ForAll;
import dev.lookahead.proofs.Formula.Implies;
import dev.lookahead.proofs.Formula.Not;
import dev.lookahead.proofs.Formula.Or;
import dev.lookahead.proofs.Formula.Term;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * The study's provability rules: whether a step follows from the earlier steps of a proof and its context, in how many
 * steps, and with what status (docs/user-guide.md, "The study's own semantics"). Each deduction is one method; where
 * the study's evaluator surprises, its comment says how, and the behaviour is kept ({@link PaperEvaluator.Fix} names
 * the five that the corrected semantics changes).
 */
final class Derivations {
    private final ProofState proof;

    Derivations(ProofState proof) {
        this.proof = proof;
    }

    /**
     * Whether {@code target} follows at step {@code index}: a context sentence as it stands; a contradiction; a
     * conjunction or disjunction introduced; a conjunct eliminated; a disjunction eliminated by cases; a rule
     * instantiated (modus ponens or modus tollens); or, failing all, an earlier step restated.
     *
     * @param beingProved formulas already being proved further up, never used as a premise again
     * @param asAStep     true for a step of the proof itself, false for a premise it needs: only steps may discharge
     *                    hypotheses, eliminate disjunctions or restate
     */
    Derivation provable(ProofStep target, int index, List<ProofStep> beingProved, boolean asAStep) {
        Formula formula = target.statement();
        if (formula != null && proof.axioms.contains(formula)) return new Derivation(1, true, false, false, List.of(), List.of(), "axiom");
        if (target.is(ProofStep.Kind.CONTRADICTION) && index + 1 < proof.steps.size() && asAStep) {
            return contradiction(target, index, beingProved).named("contradiction");
        }
        Search search = new Search();
        if (formula != null) {
            introduction(formula, index, beingProved, search);
            conjunctionElimination(formula, index, beingProved, search);
            if (asAStep && (search.smallest == null || search.smallest > 1) && index > 0) {
                Derivation cases = disjunctionElimination(formula, index, search);
                if (cases != null) return cases.named("or_elim");
            }
            instantiation(formula, index, beingProved, search);
        }
        int restated = proof.lastUsableBefore(index, target);
        if (asAStep && search.smallest == null && restated >= 0) {
            search.smallest = 0;
            search.valid = true;
            search.premises = new ArrayList<>(List.of(Premise.earlier(restated)));
            search.rule = "repeat";
        }
        return search.result();
    }

    /**
     * The premise search: an earlier step or a context sentence equal to {@code premise} - a context sentence costs one
     * step, since the proof did not state it - else whatever proves it.
     */
    Derivation premise(Formula premise, int index, List<ProofStep> beingProved) {
        for (Premise source : proof.premiseSources(index)) {
            if (!proof.stepOf(source).states(premise)) continue;
            int cost = source instanceof Premise.Cited ? 1 : 0;
            return Derivation.of(cost, proof.isCorrect(source), proof.isNonAtomic(source) || proof.isAxiom(source), proof.isSkip(source),
                    List.of(source));
        }
        Derivation proved = provable(ProofStep.stated(premise), index, beingProved, false);
        return proved.follows() ? proved : Derivation.NONE;
    }

    /**
     * The provability of an antecedent: the antecedent of {@code universal} instantiated with {@code constant}, as an
     * earlier step or provable. In the study's evaluator the result's non-atomic and skip statuses come back in the
     * opposite order to the one its callers read ({@link PaperEvaluator.Fix#FLAG_ORDER}).
     */
    private Derivation antecedent(ForAll universal, Premise rule, Term constant, boolean unstatedRule, int index, List<ProofStep> beingProved) {
        Formula wanted = ((Implies) universal.body()).antecedent().substitute(universal.variable(), constant);
        int cost = unstatedRule ? 2 : 1;
        int at = proof.lastUsableBefore(Math.max(0, index), ProofStep.stated(wanted));
        if (at >= 0) {
            Premise stated = Premise.earlier(at);
            List<Premise> premises = List.of(stated, rule);
            boolean nonAtomic = false;
            boolean skip = false;
            if (proof.isCorrect(stated)) {
                if (proof.isCorrect(rule)) return Derivation.of(1, true, false, false, premises);
                if (proof.isNonAtomic(rule) || proof.isAxiom(rule)) nonAtomic = true;
                else if (proof.isSkip(rule)) skip = true;
            }
            nonAtomic |= proof.isNonAtomic(stated);
            skip |= proof.isSkip(stated);
            return statuses(cost, nonAtomic, skip, premises);
        }
        Derivation proved = provable(ProofStep.stated(wanted), index, beingProved, false);
        if (!proved.follows()) return Derivation.NONE;
        List<Premise> premises = new ArrayList<>(proved.premises());
        premises.add(rule);
        return statuses(proved.steps() + cost, true, false, premises);
    }

    /** A derivation that is not valid, with its non-atomic and skip statuses in the order the study's evaluator returns them. */
    private Derivation statuses(int steps, boolean nonAtomic, boolean skip, List<Premise> premises) {
        return proof.fixed(PaperEvaluator.Fix.FLAG_ORDER) ? Derivation.of(steps, false, nonAtomic, skip, premises)
                : Derivation.of(steps, false, skip, nonAtomic, premises);
    }

    /**
     * "This contradicts with φ" followed by the negation of a hypothesis: φ's negation must be provable, and the
     * hypothesis must be one that its premises rest on (with {@link PaperEvaluator.Fix#UNUSED_HYPOTHESIS} fixed, any
     * open assumption). "This is a contradiction" needs the hypothesis on the step just before.
     */
    private Derivation contradiction(ProofStep contradiction, int index, List<ProofStep> beingProved) {
        Formula next = proof.step(index + 1).statement();
        if (contradiction.formula() == null) {
            if (index == 0 || next == null) return Derivation.NONE;
            Formula hypothesis = flip(next);
            if (!proof.hypotheses.get(index - 1).contains(hypothesis)) return Derivation.NONE;
            return Derivation.of(1, true, false, false, List.of(new Premise.Cited(proof.step(index - 1)), Premise.cited(hypothesis)))
                    .discharging(List.of(hypothesis));
        }
        Derivation negation = premise(flip(contradiction.formula()), index, with(beingProved, contradiction));
        if (!negation.usable()) return Derivation.NONE;
        Set<Formula> restingOn = new HashSet<>();
        for (Premise premise : negation.premises()) {
            ProofStep stated = proof.stepOf(premise);
            for (int j = 0; j < index; j++) if (proof.step(j).equals(stated)) restingOn.addAll(proof.hypotheses.get(j));
        }
        if (proof.fixed(PaperEvaluator.Fix.UNUSED_HYPOTHESIS)) restingOn.addAll(proof.openAssumptions);
        if (next == null || !restingOn.contains(flip(next))) return Derivation.NONE;
        Formula hypothesis = flip(next);
        List<Premise> premises = new ArrayList<>(negation.premises());
        premises.add(Premise.cited(hypothesis));
        return new Derivation(negation.steps() + 1, negation.valid(), negation.nonAtomic(), negation.skip(), List.copyOf(premises),
                List.of(hypothesis), null);
    }

    /**
     * Conjunction introduction (every operand must follow; the cost is one plus theirs) and disjunction introduction
     * (the cheapest operand). Either is valid whatever its premises' status, as the study decides; a conjunction that
     * fails part-way keeps the validity its first operands set.
     */
    private void introduction(Formula formula, int index, List<ProofStep> beingProved, Search search) {
        boolean conjunction = formula instanceof And;
        if (!conjunction && !(formula instanceof Or)) return;
        List<Formula> operands = conjunction ? ((And) formula).operands() : ((Or) formula).operands();
        search.smallest = conjunction ? 1 : null;
        for (Formula operand : operands) {
            Derivation part = premise(operand, index, with(beingProved, ProofStep.stated(formula)));
            if (!part.usable()) {
                if (!conjunction) continue;
                search.premises = new ArrayList<>();
                search.smallest = null;
                return;
            }
            if (conjunction) {
                search.premises.addAll(part.premises());
                search.smallest += part.steps();
                search.found(true, "and_intro");
            } else if (search.smallest == null || part.steps() + 1 < search.smallest) {
                search.premises = new ArrayList<>(part.premises());
                search.smallest = part.steps() + 1;
                search.found(true, "or_intro");
            }
        }
    }

    /**
     * Conjunction elimination: an earlier step or context sentence that is a conjunction holding the formula, or a
     * rule whose conjunctive consequent holds it (then modus ponens through the rule). In the study's evaluator the
     * flag "the premise is an unstated context sentence", once set by the scan, stays set for the steps it reaches
     * after ({@link PaperEvaluator.Fix#MISSING_AXIOM_FLAG}).
     */
    private void conjunctionElimination(Formula formula, int index, List<ProofStep> beingProved, Search search) {
        for (Premise source : proof.premiseSources(index)) {
            if (search.smallest != null && search.smallest == 1) return;
            search.noteSource(source, proof);
            Formula stated = proof.stepOf(source).statement();
            if (stated instanceof And conjunction) {
                if (!conjunction.operands().contains(formula)) continue;
                search.premises = new ArrayList<>(List.of(source));
                search.smallest = search.missingAxiom ? 2 : 1;
                search.rule = "and_elim";
                if (proof.isCorrect(source)) search.valid = true;
                else if (proof.isNonAtomic(source) || proof.isAxiom(source)) search.nonAtomic = true;
                else if (proof.isSkip(source)) search.skip = true;
            } else if (stated instanceof ForAll universal && universal.body() instanceof Implies rule && rule.consequent() instanceof And conjuncts) {
                Unification match = new Unification();
                for (Formula conjunct : conjuncts.operands()) {
                    if (!match.matches(formula, conjunct)) continue;
                    Term constant = match.boundTo(universal.variable());
                    if (with(beingProved, ProofStep.stated(formula)).contains(ProofStep.stated(rule.antecedent().substitute(universal.variable(), constant)))) {
                        continue;
                    }
                    Derivation through = premisedAntecedent(universal, source, stated, constant, formula, index, beingProved, search.missingAxiom);
                    if (through == null || (search.smallest != null && through.steps() + 1 >= search.smallest)) continue;
                    search.take(through, through.steps() + 1, through.valid(), through.nonAtomic(), through.skip(), "modus_ponens");
                    if (search.valid) break;
                }
            }
        }
    }

    /**
     * Disjunction elimination (proof by cases): a correct earlier disjunction, newest first, each of whose disjuncts is
     * a hypothesis of some earlier statement of the formula. Discharges the disjuncts.
     */
    private Derivation disjunctionElimination(Formula formula, int index, Search search) {
        record Case(Set<Formula> hypotheses, int step, boolean valid, boolean nonAtomic, boolean skip) {
            boolean counts() {
                return valid || nonAtomic || skip;
            }
        }
        List<Case> cases = new ArrayList<>();
        for (int j = 0; j < index; j++) {
            if (proof.step(j).states(formula)) {
                cases.add(new Case(proof.hypotheses.get(j), j, proof.correct.contains(j), proof.nonAtomic.contains(j), proof.skip.contains(j)));
            }
        }
        for (int r = proof.correct.size() - 1; r >= 0; r--) {
            int source = proof.correct.get(r);
            if (!(proof.step(source).statement() instanceof Or disjunction)) continue;
            List<Premise> premises = new ArrayList<>();
            boolean valid = true;
            boolean nonAtomic = false;
            boolean skip = false;
            boolean everyDisjunct = true;
            for (Formula disjunct : disjunction.operands()) {
                Case covering = cases.stream().filter(c -> c.counts() && c.hypotheses().contains(disjunct)).findFirst().orElse(null);
                if (covering == null) {
                    everyDisjunct = false;
                    break;
                }
                premises.add(Premise.earlier(covering.step()));
                valid &= covering.valid();
                nonAtomic |= covering.nonAtomic();
                skip |= covering.skip();
            }
            if (!everyDisjunct) continue;
            search.valid |= valid;
            search.nonAtomic |= nonAtomic;
            search.skip |= skip;
            premises.add(Premise.earlier(source));
            return new Derivation(1, search.valid, search.nonAtomic, search.skip, List.copyOf(premises), disjunction.operands(), null);
        }
        return null;
    }

    /**
     * Universal instantiation over every earlier step and context sentence (and over the conjuncts of a conjunction of
     * rules): modus ponens when the formula matches a rule's consequent, modus tollens when it matches its
     * contrapositive's. A rule taken out of a conjunction makes the step non-atomic, never valid.
     */
    private void instantiation(Formula formula, int index, List<ProofStep> beingProved, Search search) {
        for (Premise source : proof.premiseSources(index)) {
            search.noteSource(source, proof);
            Formula stated = proof.stepOf(source).statement();
            if (stated == null) continue;
            boolean whole = !(stated instanceof And);
            List<Formula> rules = stated instanceof And conjunction ? conjunction.operands() : List.of(stated);
            for (Formula candidate : rules) {
                if (!(candidate instanceof ForAll universal) || !(universal.body() instanceof Implies rule)) continue;
                Unification match = new Unification();
                if (match.matchesConsequent(formula, universal.variable(), rule.consequent())) {
                    Term constant = match.boundTo(universal.variable());
                    if (alreadyBeingProved(beingProved, formula, rule.antecedent().substitute(universal.variable(), constant))) continue;
                    Derivation through = premisedAntecedent(universal, source, stated, constant, formula, index, beingProved, search.missingAxiom);
                    if (through != null && (search.smallest == null || through.steps() < search.smallest)) {
                        boolean correctRule = proof.isCorrect(source) && through.valid();
                        search.take(through, through.steps(), correctRule && whole,
                                proof.isNonAtomic(source) || through.nonAtomic() || (correctRule && !whole),
                                proof.isSkip(source) || through.skip(), "modus_ponens");
                        if (search.valid) break;
                    }
                }
                ForAll contrapositive = new ForAll(universal.variable(), new Implies(negate(rule.consequent()), negate(rule.antecedent())));
                Implies turned = (Implies) contrapositive.body();
                boolean matched = (formula instanceof And || formula instanceof Or) && turned.consequent().getClass() == formula.getClass()
                        ? match.matchesConsequent(formula, universal.variable(), turned.consequent())
                        : match.matches(formula instanceof Not n ? negate(n.operand()) : formula, turned.consequent());
                if (!matched) continue;
                Term constant = match.boundTo(universal.variable());
                if (alreadyBeingProved(beingProved, formula, turned.antecedent().substitute(universal.variable(), constant))) continue;
                Derivation through = premisedAntecedent(contrapositive, source, stated, constant, formula, index, beingProved, search.missingAxiom);
                if (through != null && (search.smallest == null || through.steps() < search.smallest)) {
                    search.take(through, through.steps(), false, proof.isNonAtomic(source) || through.nonAtomic()
                            || (proof.isCorrect(source) && through.valid()), proof.isSkip(source) || through.skip(), "modus_tollens");
                }
            }
        }
    }

    private static boolean alreadyBeingProved(List<ProofStep> beingProved, Formula formula, Formula antecedent) {
        return with(beingProved, ProofStep.stated(formula)).contains(ProofStep.stated(antecedent));
    }

    /**
     * The antecedent of a rule found at {@code source} (itself {@code stated} or a conjunct of it), instantiated for
     * {@code formula}, when it is provable and the rule or the antecedent's proof uses one of the steps the study's
     * evaluator expects a premise at: the step just before each statement of the formula (and the source itself when
     * it is a conjunction). Else null.
     */
    private Derivation premisedAntecedent(ForAll universal, Premise source, Formula stated, Term constant, Formula formula, int index,
                                          List<ProofStep> beingProved, boolean unstatedRule) {
        List<Integer> expectedAt = expectedPremiseSteps(formula, index);
        int sourceStep = source instanceof Premise.Earlier e ? e.index() : Integer.MIN_VALUE;
        if (source instanceof Premise.Earlier && stated instanceof And) expectedAt.add(sourceStep);
        int from = sourceStep == index - 1 ? index - 1 : index;
        Derivation found = antecedent(universal, source, constant, unstatedRule, from, with(beingProved, ProofStep.stated(formula)));
        if (!found.follows()) return null;
        boolean atExpectedStep = expectedAt.contains(sourceStep)
                || found.premises().stream().anyMatch(p -> p instanceof Premise.Earlier e && expectedAt.contains(e.index()));
        return atExpectedStep ? found : null;
    }

    /** For each step up to {@code index} stating the formula (or a conjunction holding it), the step before it; else index - 1. */
    private List<Integer> expectedPremiseSteps(Formula formula, int index) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k <= index && k < proof.steps.size(); k++) {
            Formula stated = proof.step(k).statement();
            if (formula.equals(stated) || (stated instanceof And c && c.operands().contains(formula))) out.add(k - 1);
        }
        if (out.isEmpty()) out.add(index - 1);
        return out;
    }

    private static List<ProofStep> with(List<ProofStep> list, ProofStep step) {
        List<ProofStep> longer = new ArrayList<>(list);
        longer.add(step);
        return longer;
    }

    static Formula flip(Formula f) {
        return f instanceof Not n ? n.operand() : new Not(f);
    }

    /** Negation as the contrapositive needs it: of a conjunction the disjunction of the flipped operands, and the reverse. */
    private static Formula negate(Formula f) {
        if (f instanceof Not n) return n.operand();
        if (f instanceof And c) return new Or(c.operands().stream().map(Derivations::flip).toList());
        if (f instanceof Or d) return new And(d.operands().stream().map(Derivations::flip).toList());
        return new Not(f);
    }

    /** What one provability search has found so far; its statuses carry over between the rules it tries, as the study's do. */
    private static final class Search {
        boolean valid;
        boolean nonAtomic;
        boolean skip;
        /** Whether the premise source being scanned is a context sentence the proof never stated. */
        boolean missingAxiom;
        List<Premise> premises = new ArrayList<>();
        Integer smallest;
        String rule;

        /** Sets the missing-axiom flag for a new source: set for a context sentence; for a step, cleared only when fixed. */
        void noteSource(Premise source, ProofState proof) {
            if (source instanceof Premise.Cited) missingAxiom = true;
            else if (proof.fixed(PaperEvaluator.Fix.MISSING_AXIOM_FLAG)) missingAxiom = false;
        }

        void found(boolean valid, String rule) {
            this.valid = valid;
            this.rule = rule;
        }

        void take(Derivation through, int steps, boolean valid, boolean nonAtomic, boolean skip, String rule) {
            smallest = steps;
            this.valid = valid;
            this.nonAtomic = nonAtomic;
            this.skip = skip;
            premises = new ArrayList<>(through.premises());
            this.rule = rule;
        }

        Derivation result() {
            return new Derivation(smallest, valid, nonAtomic, skip, List.copyOf(premises), List.of(), rule);
        }
    }
}
