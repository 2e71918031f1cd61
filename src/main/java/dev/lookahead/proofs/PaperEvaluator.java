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
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The PrOntoQA-OOD evaluator's step-by-step decisions (docs/user-guide.md,
 * "The study's own semantics"), re-implemented from its rules: premises are earlier steps of the proof, a
 * context sentence used without being stated costs one step, validity propagates through premises,
 * conjunction and disjunction introduction are valid whatever their premises, hypotheses flow from
 * premises and contradictions discharge them - and the evaluator's known defects are kept (a shared
 * conjunctive consequent extended in place; the skip and non-atomic flags of an instantiation's
 * antecedent read the other way round; the missing-axiom flag left set by the conjunction-elimination
 * scan). {@code proofs check --semantics paper} uses it.
 */
public final class PaperEvaluator {
    /**
     * The evaluator's known defects, each fixable on its own: the paper's semantics keeps them all, the corrected
     * semantics fixes them all (docs/user-guide.md lists a minimal example of each).
     */
    public enum Fix {
        /** Its provability graph extends a rule's conjunctive consequent in place with other rules' consequents. */
        SHARED_CONSEQUENTS,
        /** An instantiation's antecedent hands back its skip and non-atomic status in the order its callers read the other way round. */
        FLAG_ORDER,
        /** The flag that a premise is an unstated context sentence, once set by a scan over the axioms, stays set for earlier steps. */
        MISSING_AXIOM_FLAG,
        /** A step resting on a hypothesis that a contradiction or proof by cases has discharged still serves as a premise. */
        CLOSED_SUBPROOFS,
        /**
         * A contradiction may discharge only a hypothesis its premises rest on, so one reached without the open
         * assumption (from a context that contradicts itself) proves nothing; natural deduction lets it discharge the
         * assumption all the same.
         */
        UNUSED_HYPOTHESIS;

        public String id() {
            return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
        }
    }

    /** "This contradicts with φ" (φ null for "This is a contradiction"), a step of its own. */
    private record Contradicts(Formula argument) {
    }

    /** What proving one formula found: steps (null: not provable), validity, premises (Integer steps or Formula axioms). */
    private record Provable(Integer steps, boolean valid, boolean nonAtomic, boolean skip, List<Object> premises, List<Formula> discharged,
                            String rule) {
        static final Provable NONE = new Provable(null, false, false, false, List.of(), List.of());

        Provable(Integer steps, boolean valid, boolean nonAtomic, boolean skip, List<Object> premises, List<Formula> discharged) {
            this(steps, valid, nonAtomic, skip, premises, discharged, null);
        }

        Provable named(String name) {
            return new Provable(steps, valid, nonAtomic, skip, premises, discharged, name);
        }
    }

    /**
     * The evaluator's result for one proof: its per-step lists (indices into {@code steps}) and proof-level flags,
     * under the evaluator's own names.
     *
     * @param steps   the proof's steps as the evaluator reads them: per step its text, formula (null for a
     *                contradiction without an argument), premises (step numbers, or -1 for a context sentence) and
     *                the hypotheses open after it
     * @param nonAtomic every non-atomic step (the evaluator reports only those of more than one step as useful or wrong)
     * @param skip      every skip step (likewise)
     * @param dropped     sentences the evaluator could not read and so left out of the proof
     * @param unparseable steps the evaluator could not read but kept, as incorrect steps ({@link UnreadableSentences})
     */
    public record Result(List<Integer> correct, List<Integer> useful, List<Integer> wrongBranch, List<Integer> usefulSkip,
                         List<Integer> wrongSkip, List<Integer> usefulNonAtomic, List<Integer> wrongNonAtomic, List<Integer> invalid,
                         List<Integer> incorrect, boolean foundConclusion, boolean foundConclusionWithSkip,
                         boolean foundConclusionWithNonAtomic, List<Integer> nonAtomic, List<Integer> skip, List<EvaluatedStep> steps,
                         List<String> dropped, List<Integer> unparseable) {
        public boolean validProof() {
            return foundConclusion || foundConclusionWithSkip || foundConclusionWithNonAtomic;
        }
    }

    /**
     * One step as the evaluator read it.
     *
     * @param sentence the index of the candidate sentence it came from
     * @param part     "since-premise" or "since-conclusion" for the two steps of a "Since A, B" sentence, else null
     * @param rule     the deduction that licensed it ({@code axiom, repeat, assume, modus_ponens, modus_tollens, and_intro,
     *                 and_elim, or_intro, or_elim, contradiction, proof_by_contradiction}), or null when nothing did
     */
    public record EvaluatedStep(String text, int sentence, String part, Formula formula, boolean contradiction, List<Integer> premises,
                                int openHypotheses, String rule) {
    }

    private final List<Formula> axioms;
    /** The gold proof as the evaluator parses it: formulas, assumptions and contradictions alike. */
    private final List<Object> expected;
    private final List<Object> proof;
    private final Map<Formula, List<Formula>> provabilityGraph;
    private final List<Integer> correctSteps = new ArrayList<>();
    private final List<Integer> nonAtomicSteps = new ArrayList<>();
    private final List<Integer> skipSteps = new ArrayList<>();
    private final List<Integer> incorrectSteps = new ArrayList<>();
    private final List<Set<Formula>> hypotheses = new ArrayList<>();
    private final Set<Fix> fixes;
    /** Hypotheses discharged so far (used only with {@link Fix#CLOSED_SUBPROOFS}). */
    private final Set<Formula> discharged = new HashSet<>();
    /** Assumptions made and not yet discharged (used only with {@link Fix#UNUSED_HYPOTHESIS}). */
    private final List<Formula> openAssumptions = new ArrayList<>();
    /** Per step of the proof: the sentence it came from. */
    private final List<Origin> origins;
    /** Per step: the deduction its label rests on. */
    private final Map<Integer, String> rulesOf = new HashMap<>();
    /** Per step: the premises its label rests on (Integer steps, Formula axioms). */
    private final Map<Integer, List<Object>> premisesOf = new HashMap<>();

    private PaperEvaluator(List<Formula> axioms, Map<Formula, List<Formula>> graph, List<Object> expected, List<Object> proof,
                           List<Origin> origins, Set<Fix> fixes) {
        this.origins = origins;
        this.fixes = fixes;
        this.axioms = axioms;
        this.provabilityGraph = graph;
        this.expected = expected;
        this.proof = proof;
    }

    /** Evaluates a candidate proof (sentences) against the context and the gold proof, as the paper's evaluator does. */
    public static Result evaluate(List<String> context, List<String> gold, List<String> candidate) {
        return evaluate(context, gold, candidate, Set.of());
    }

    /** As {@link #evaluate(List, List, List, Set, UnreadableSentences)} with the workbench's own unreadable-sentence rule. */
    public static Result evaluate(List<String> context, List<String> gold, List<String> candidate, Set<Fix> fixes) {
        return evaluate(context, gold, candidate, fixes, UnreadableSentences.WORKBENCH);
    }

    /**
     * As {@link #evaluate(List, List, List)} with some of the evaluator's defects fixed, and {@code unreadable} deciding
     * which sentences the evaluator cannot read it keeps as incorrect steps (the others it leaves out).
     */
    public static Result evaluate(List<String> context, List<String> gold, List<String> candidate, Set<Fix> fixes,
                                  UnreadableSentences unreadable) {
        List<Formula> contextFormulas = new ArrayList<>();
        for (String s : context) {
            try {
                contextFormulas.add(SentenceParser.formula(s));
            } catch (SentenceParser.Unreadable e) {
                // the evaluator drops a sentence it cannot read
            }
        }
        Map<Formula, List<Formula>> graph = new LinkedHashMap<>();
        List<Formula> axioms = withSharedConsequents(contextFormulas, graph, fixes.contains(Fix.SHARED_CONSEQUENTS));
        List<Object> expected = steps(gold, new ArrayList<>(), new ArrayList<>(), unreadable);
        List<Origin> origins = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<Object> proof = steps(candidate, origins, dropped, unreadable);
        return new PaperEvaluator(axioms, graph, expected, proof, origins, Set.copyOf(fixes)).run(dropped);
    }

    /**
     * Sentences as the evaluator reads them: unreadable ones dropped, "Since A, B" split into A then B,
     * "Assume φ" kept as an assumption marker, "This contradicts with φ" as its own step, and a negated
     * conjunction or disjunction rewritten by De Morgan's law.
     */
    private static List<Object> steps(List<String> sentences, List<Origin> origins, List<String> dropped, UnreadableSentences unreadable) {
        List<Object> out = new ArrayList<>();
        for (int at = 0; at < sentences.size(); at++) {
            String s = sentences.get(at);
            SentenceParser.Sentence parsed;
            try {
                parsed = SentenceParser.parse(s);
            } catch (SentenceParser.Unreadable e) {
                if (unreadable.kept(s)) {
                    out.add(UNREAD);
                    origins.add(new Origin(s, at, null));
                } else {
                    dropped.add(s);
                }
                continue;
            }
            int before = out.size();
            switch (parsed.kind()) {
                case STATEMENT -> out.add(deMorgan(parsed.formula()));
                case ASSUMPTION -> out.add(new Assume(deMorgan(parsed.formula())));
                case CONTRADICTION -> out.add(new Contradicts(parsed.formula() == null ? null : deMorgan(parsed.formula())));
                case SINCE -> {
                    out.add(deMorgan(parsed.formula()));
                    out.add(deMorgan(parsed.conclusion()));
                }
            }
            boolean since = out.size() - before > 1;
            while (origins.size() < out.size()) {
                String part = since ? (origins.size() == before ? "since-premise" : "since-conclusion") : null;
                origins.add(new Origin(s, at, part));
            }
        }
        return out;
    }

    /** A sentence the evaluator could not read but keeps in the proof, as an incorrect step. */
    private static final Object UNREAD = new Object() {
        @Override
        public String toString() {
            return "unreadable";
        }
    };

    /** Where a step of the proof came from: its sentence, that sentence's index, and which part of a "Since" sentence. */
    private record Origin(String text, int sentence, String part) {
    }

    /** "Assume φ" before the evaluator unwraps it. */
    private record Assume(Formula formula) {
    }

    private static Formula deMorgan(Formula f) {
        if (f instanceof Not n && n.operand() instanceof And c) return new Or(c.operands().stream().map(PaperEvaluator::negate1).toList());
        if (f instanceof Not n && n.operand() instanceof Or d) return new And(d.operands().stream().map(PaperEvaluator::negate1).toList());
        return f;
    }

    private static Formula negate1(Formula f) {
        return f instanceof Not n ? n.operand() : new Not(f);
    }

    /**
     * The axioms as the evaluator leaves them after building its provability graph: a rule's conjunctive
     * consequent is the very list the graph holds for its antecedent, so a later rule with the same
     * antecedent extends that rule's conjunction in place.
     */
    private static List<Formula> withSharedConsequents(List<Formula> context, Map<Formula, List<Formula>> graph, boolean copy) {
        Map<Integer, List<Formula>> shared = new HashMap<>();
        for (int k = 0; k < context.size(); k++) {
            Implies rule = context.get(k).asRule();
            if (rule == null) continue;
            List<Formula> antecedents = rule.antecedent() instanceof Or d ? d.operands() : List.of(rule.antecedent());
            List<Formula> consequents;
            if (rule.consequent() instanceof And c) {
                consequents = new ArrayList<>(c.operands());
                shared.put(k, consequents);
            } else {
                consequents = new ArrayList<>(List.of(rule.consequent()));
            }
            for (Formula antecedent : antecedents) {
                List<Formula> existing = graph.get(antecedent);
                if (existing == null) graph.put(antecedent, copy ? new ArrayList<>(consequents) : consequents);
                else existing.addAll(List.copyOf(consequents));
            }
        }
        List<Formula> axioms = new ArrayList<>(context);
        if (copy) return axioms;
        shared.forEach((k, list) -> {
            ForAll q = (ForAll) context.get(k);
            Implies rule = (Implies) q.body();
            axioms.set(k, new ForAll(q.variable(), new Implies(rule.antecedent(), new And(List.copyOf(list)))));
        });
        return axioms;
    }

    private Result run(List<String> dropped) {
        List<Integer> correctAndUseful = new ArrayList<>();
        List<Integer> wrongBranch = new ArrayList<>();
        List<Integer> usefulSkip = new ArrayList<>();
        List<Integer> wrongSkip = new ArrayList<>();
        List<Integer> usefulNonAtomic = new ArrayList<>();
        List<Integer> wrongNonAtomic = new ArrayList<>();
        List<Integer> invalid = new ArrayList<>();
        boolean found = false;
        boolean foundSkip = false;
        boolean foundNonAtomic = false;
        Object conclusion = expected.isEmpty() ? null : expected.get(expected.size() - 1);
        int i = 0;
        List<Integer> unparseable = new ArrayList<>();
        while (i < proof.size()) {
            Object step = proof.get(i);
            Set<Formula> current = new HashSet<>();
            if (step == UNREAD) {
                unparseable.add(i);
                incorrectSteps.add(i);
                hypotheses.add(current);
                i++;
                continue;
            }
            boolean assumption = false;
            if (step instanceof Assume a) {
                step = a.formula();
                proof.set(i, step);
                current.add(a.formula());
                assumption = true;
            }
            boolean useful = expected.contains(step);
            boolean isConclusion = conclusion != null && sameConclusion(step, conclusion);
            Object last = correctSteps.isEmpty() ? null : proof.get(correctSteps.get(correctSteps.size() - 1));
            if (!useful && step instanceof Formula f && axioms.contains(f) && f.asRule() != null && f.asRule().antecedent() instanceof Atom ant
                    && last instanceof Atom lastAtom && expected.contains(lastAtom) && ant.predicate().equals(lastAtom.predicate())) {
                wrongBranch.add(i);
            }
            if (assumption) {
                openAssumptions.add((Formula) step);
                rulesOf.put(i, "assume");
                correctSteps.add(i);
                hypotheses.add(current);
                i++;
                continue;
            }
            Provable p = provable(step, i, List.of(), true);
            Integer steps = p.steps();
            for (Object premise : p.premises()) {
                if (premise instanceof Integer k && incorrectSteps.contains(k)) {
                    steps = null;
                    break;
                }
            }
            if (steps != null && step instanceof Contradicts) {
                rulesOf.put(i, "contradiction");
                premisesOf.put(i, p.premises());
                hypotheses.add(current);
                i++;
                rulesOf.put(i, "proof_by_contradiction");
                isConclusion = Objects.equals(proof.get(i), conclusion);
            }
            for (Object premise : p.premises()) {
                if (premise instanceof Integer k) current.addAll(hypotheses.get(k));
                else {
                    int at = lastIndex(proof.subList(0, i), premise);
                    if (at >= 0) current.addAll(hypotheses.get(at));
                }
            }
            for (Formula d : p.discharged()) current.remove(d);
            if (steps != null) {
                discharged.addAll(p.discharged());
                openAssumptions.removeAll(p.discharged());
            }
            premisesOf.put(i, p.premises());
            if (steps != null) rulesOf.putIfAbsent(i, p.rule());
            if (steps != null && (steps == 0 || steps == 1)) {
                if (p.valid()) {
                    correctSteps.add(i);
                    if (useful) correctAndUseful.add(i); // of the step as first read, as the evaluator keeps it
                    if (isConclusion && current.isEmpty()) found = true;
                } else if (p.nonAtomic()) {
                    nonAtomicSteps.add(i);
                    if (isConclusion && current.isEmpty()) foundNonAtomic = true;
                } else if (p.skip()) {
                    skipSteps.add(i);
                    if (isConclusion && current.isEmpty()) foundSkip = true;
                } else {
                    throw new IllegalStateException("a one-step proof with no validity at step " + i);
                }
                hypotheses.add(current);
                i++;
                continue;
            } else if (steps != null) {
                boolean premisesUseful = true;
                for (Object premise : p.premises()) {
                    Object f = premise instanceof Integer k ? proof.get(k) : premise;
                    if (!expected.contains(f)) {
                        premisesUseful = false;
                        break;
                    }
                }
                if (premisesUseful && !useful) wrongNonAtomic.add(i);
                else usefulNonAtomic.add(i);
                if (isConclusion && current.isEmpty()) foundNonAtomic = true;
                nonAtomicSteps.add(i);
                hypotheses.add(current);
                i++;
                continue;
            }
            if (step instanceof Formula f && f.asRule() != null && f instanceof ForAll rule) {
                if (skipPathExists((Implies) rule.body())) {
                    boolean antecedentUseful = false;
                    boolean consequentUseful = false;
                    Map<Variable, Term> first = new HashMap<>();
                    Map<Variable, Term> second = new HashMap<>();
                    List<Integer> candidates = new ArrayList<>(correctSteps);
                    candidates.addAll(skipSteps);
                    for (int k : candidates) {
                        if (proof.get(k) instanceof Formula g && unify(g, ((Implies) rule.body()).antecedent(), first, second)) {
                            antecedentUseful = expected.contains(g);
                            Term bound = second.get(rule.variable());
                            Formula next = ((Implies) rule.body()).consequent().substitute(rule.variable(), bound);
                            consequentUseful = expected.contains(next);
                            break;
                        }
                    }
                    if (antecedentUseful && !consequentUseful) wrongSkip.add(i);
                    else usefulSkip.add(i);
                    skipSteps.add(i);
                    hypotheses.add(current);
                    i++;
                    continue;
                }
                invalid.add(i);
            }
            hypotheses.add(current);
            incorrectSteps.add(i);
            i++;
        }
        List<EvaluatedStep> evaluated = new ArrayList<>();
        for (int k = 0; k < proof.size(); k++) {
            Object step = proof.get(k);
            List<Integer> premises = new ArrayList<>();
            for (Object p : premisesOf.getOrDefault(k, List.of())) premises.add(p instanceof Integer n ? n : lastIndex(proof.subList(0, k), p));
            Formula formula = step instanceof Formula f ? f : step instanceof Contradicts c ? c.argument() : step instanceof Assume a ? a.formula() : null;
            Origin origin = origins.get(k);
            evaluated.add(new EvaluatedStep(origin.text(), origin.sentence(), origin.part(), formula, step instanceof Contradicts, premises,
                    k < hypotheses.size() ? hypotheses.get(k).size() : 0, rulesOf.get(k)));
        }
        return new Result(List.copyOf(correctSteps), correctAndUseful, wrongBranch, usefulSkip, wrongSkip, usefulNonAtomic, wrongNonAtomic,
                invalid, List.copyOf(incorrectSteps), found, foundSkip, foundNonAtomic, List.copyOf(nonAtomicSteps), List.copyOf(skipSteps),
                evaluated, List.copyOf(dropped), List.copyOf(unparseable));
    }

    /** The conclusion check: operands of a conjunction or disjunction compare as sets. */
    private static boolean sameConclusion(Object step, Object conclusion) {
        if (step instanceof And a && conclusion instanceof And b) return Set.copyOf(a.operands()).equals(Set.copyOf(b.operands()));
        if (step instanceof Or a && conclusion instanceof Or b) return Set.copyOf(a.operands()).equals(Set.copyOf(b.operands()));
        return Objects.equals(step, conclusion);
    }

    /** A rule not in the context that follows from a chain of at most two of its rules, for every antecedent and consequent. */
    private boolean skipPathExists(Implies rule) {
        List<Formula> antecedents = rule.antecedent() instanceof Or d ? d.operands() : List.of(rule.antecedent());
        List<Formula> consequents = rule.consequent() instanceof And c ? c.operands() : List.of(rule.consequent());
        for (Formula a : antecedents) {
            for (Formula c : consequents) {
                int length = pathLength(a, c);
                if (length == -1 || length > 2) return false;
            }
        }
        return true;
    }

    /** The evaluator's depth-first search for a path in the provability graph (its first hit, not the shortest). */
    private int pathLength(Formula source, Formula target) {
        List<Object[]> stack = new ArrayList<>();
        stack.add(new Object[] {source, 0});
        Set<Formula> visited = new HashSet<>();
        while (!stack.isEmpty()) {
            Object[] top = stack.remove(stack.size() - 1);
            Formula current = (Formula) top[0];
            int length = (Integer) top[1];
            List<Formula> next = provabilityGraph.get(current);
            if (next == null) continue;
            for (Formula n : next) {
                if (visited.contains(n)) continue;
                if (n.equals(target)) return length + 1;
                stack.add(new Object[] {n, length + 1});
                visited.add(n);
            }
        }
        return -1;
    }

    private static int lastIndex(List<Object> list, Object element) {
        for (int k = list.size() - 1; k >= 0; k--) if (Objects.equals(list.get(k), element)) return k;
        return -1;
    }

    private boolean isCorrect(Object index) {
        return index instanceof Integer k && correctSteps.contains(k);
    }

    private boolean isNonAtomic(Object index) {
        return index instanceof Integer k && nonAtomicSteps.contains(k);
    }

    private boolean isSkip(Object index) {
        return index instanceof Integer k && skipSteps.contains(k);
    }

    private boolean isAxiom(Object index) {
        return index instanceof Formula f && axioms.contains(f);
    }

    /** Earlier steps, nearest first, then the axioms: where premises are looked for. */
    private List<Object> premiseSources(int index) {
        List<Object> sources = new ArrayList<>();
        for (int k = index - 1; k >= 0; k--) if (open(k)) sources.add(k);
        sources.addAll(axioms);
        return sources;
    }

    /** Whether step k may still serve as a premise: always, unless closed subproofs are fixed and it rests on a discharged hypothesis. */
    private boolean open(int k) {
        if (!fixes.contains(Fix.CLOSED_SUBPROOFS) || k >= hypotheses.size()) return true;
        for (Formula h : hypotheses.get(k)) if (discharged.contains(h)) return false;
        return true;
    }

    private static List<Object> with(List<Object> previous, Object formula) {
        List<Object> out = new ArrayList<>(previous);
        out.add(formula);
        return out;
    }

    private static Formula flip(Formula f) {
        return f instanceof Not n ? n.operand() : new Not(f);
    }

    /** The contrapositive's negation: of a conjunction a disjunction of the flipped operands, and the reverse. */
    private static Formula negate(Formula f) {
        if (f instanceof Not n) return n.operand();
        if (f instanceof And c) return new Or(c.operands().stream().map(PaperEvaluator::flip).toList());
        if (f instanceof Or d) return new And(d.operands().stream().map(PaperEvaluator::flip).toList());
        return new Not(f);
    }

    /**
     * A premise: an earlier step or an axiom equal to it (an axiom costs one step: the context sentence
     * was not stated), else whatever proves it.
     */
    private Provable findPremise(Formula premise, int index, List<Object> previous) {
        for (Object source : premiseSources(index)) {
            boolean missing = !(source instanceof Integer);
            Object step = source instanceof Integer k ? proof.get(k) : source;
            if (Objects.equals(step, premise)) {
                return new Provable(missing ? 1 : 0, isCorrect(source), isNonAtomic(source) || isAxiom(source), isSkip(source),
                        List.of(source), List.of());
            }
        }
        Provable p = provable(premise, index, previous, false);
        return p.steps() == null ? Provable.NONE : p;
    }

    /**
     * The antecedent of {@code universal} instantiated with {@code constant}: an earlier step, or provable.
     * The result's third and fourth flags come back in the order the evaluator returns them - skip before
     * non-atomic - which its callers read the other way round.
     */
    private Provable antecedentProvable(ForAll universal, Object ruleIndex, Term constant, boolean missingAxiom, int index,
                                        List<Object> previous) {
        Implies rule = (Implies) universal.body();
        Formula other = rule.antecedent().substitute(universal.variable(), constant);
        int at = lastIndex(proof.subList(0, Math.max(0, index)), other);
        while (at >= 0 && !open(at)) at = lastIndex(proof.subList(0, at), other);
        if (at >= 0) {
            int steps = 1 + (missingAxiom ? 1 : 0);
            List<Object> premises = List.of(at, ruleIndex);
            boolean nonAtomic = false;
            boolean skip = false;
            if (isCorrect(at)) {
                if (isCorrect(ruleIndex)) return new Provable(1, true, false, false, premises, List.of());
                else if (isNonAtomic(ruleIndex) || isAxiom(ruleIndex)) nonAtomic = true;
                else if (isSkip(ruleIndex)) skip = true;
            }
            if (isNonAtomic(at)) nonAtomic = true;
            if (isSkip(at)) skip = true;
            return fixes.contains(Fix.FLAG_ORDER) ? new Provable(steps, false, nonAtomic, skip, premises, List.of())
                    : new Provable(steps, false, skip, nonAtomic, premises, List.of());
        }
        Provable p = provable(other, index, previous, false);
        if (p.steps() == null) return Provable.NONE;
        List<Object> premises = new ArrayList<>(p.premises());
        premises.add(ruleIndex);
        return fixes.contains(Fix.FLAG_ORDER) ? new Provable(p.steps() + 1 + (missingAxiom ? 1 : 0), false, true, false, premises, List.of())
                : new Provable(p.steps() + 1 + (missingAxiom ? 1 : 0), false, false, true, premises, List.of());
    }

    /** Indices i - 1 for the steps i up to {@code index} that state the formula or a conjunction holding it. */
    private List<Integer> expectedPremiseIndices(Formula formula, int index) {
        List<Integer> out = new ArrayList<>();
        for (int k = 0; k <= index && k < proof.size(); k++) {
            Object step = proof.get(k);
            if (Objects.equals(step, formula) || (step instanceof And c && c.operands().contains(formula))) out.add(k - 1);
        }
        if (out.isEmpty()) out.add(index - 1);
        return out;
    }

    private static boolean anyIn(List<Integer> indices, List<Object> premises) {
        for (int k : indices) if (premises.contains(k)) return true;
        return false;
    }

    /** Mutable state of one is_provable call, as the evaluator keeps it across its branches. */
    private static final class Search {
        boolean valid;
        boolean nonAtomic;
        boolean skip;
        boolean missingAxiom;
        List<Object> premises = new ArrayList<>();
        Integer smallest;
        /** The deduction behind {@link #smallest}. */
        String rule;

        Provable result(List<Formula> discharged) {
            return new Provable(smallest, valid, nonAtomic, skip, premises, discharged, rule);
        }
    }

    /** Whether {@code object} proves in one or more steps from the earlier steps and the axioms (the evaluator's is_provable). */
    private Provable provable(Object object, int index, List<Object> previous, boolean withHypotheses) {
        if (object instanceof Formula f && axioms.contains(f)) return new Provable(1, true, false, false, List.of(), List.of(), "axiom");
        Search s = new Search();
        if (object instanceof Contradicts c && index + 1 < proof.size() && withHypotheses) return contradiction(c, index, previous).named("contradiction");
        if (object instanceof Formula formula) {
            introduction(formula, index, previous, s);
            conjunctionElimination(formula, index, previous, s);
            if (withHypotheses && (s.smallest == null || s.smallest > 1) && index > 0) {
                Provable cases = disjunctionElimination(formula, index, s);
                if (cases != null) return cases.named("or_elim");
            }
            instantiation(formula, index, previous, s);
        }
        int restated = lastIndex(proof.subList(0, index), object);
        while (restated >= 0 && !open(restated)) restated = lastIndex(proof.subList(0, restated), object);
        if (withHypotheses && s.smallest == null && restated >= 0) {
            s.smallest = 0;
            s.valid = true;
            s.premises = new ArrayList<>(List.of(restated));
            s.rule = "repeat";
        }
        return s.result(List.of());
    }

    private Provable contradiction(Contradicts c, int index, List<Object> previous) {
        Object next = proof.get(index + 1);
        if (c.argument() == null) {
            if (index == 0 || !(next instanceof Formula n)) return Provable.NONE;
            Formula negation = flip(n);
            if (hypotheses.get(index - 1).contains(negation)) {
                return new Provable(1, true, false, false, List.of(proof.get(index - 1), negation), List.of(negation));
            }
            return Provable.NONE;
        }
        Provable p = findPremise(flip(c.argument()), index, with(previous, c));
        if (p.steps() == null || !(p.valid() || p.nonAtomic() || p.skip())) return Provable.NONE;
        Set<Formula> possible = new HashSet<>();
        for (Object premise : p.premises()) {
            Object stated = premise instanceof Integer k ? proof.get(k) : premise;
            for (int j = 0; j < index; j++) if (Objects.equals(proof.get(j), stated)) possible.addAll(hypotheses.get(j));
        }
        if (fixes.contains(Fix.UNUSED_HYPOTHESIS)) possible.addAll(openAssumptions);
        if (!(next instanceof Formula n) || !possible.contains(flip(n))) return Provable.NONE;
        Formula negation = flip(n);
        List<Object> premises = new ArrayList<>(p.premises());
        premises.add(negation);
        return new Provable(p.steps() + 1, p.valid(), p.nonAtomic(), p.skip(), premises, List.of(negation));
    }

    /** Conjunction and disjunction introduction: valid whatever their premises' status, as the evaluator decides. */
    private void introduction(Formula formula, int index, List<Object> previous, Search s) {
        boolean conjunction = formula instanceof And;
        if (!conjunction && !(formula instanceof Or)) return;
        List<Formula> operands = conjunction ? ((And) formula).operands() : ((Or) formula).operands();
        s.smallest = conjunction ? 1 : null;
        for (Formula operand : operands) {
            Provable p = findPremise(operand, index, with(previous, formula));
            if (p.steps() == null || !(p.valid() || p.nonAtomic() || p.skip())) {
                if (conjunction) {
                    s.premises = new ArrayList<>();
                    s.smallest = null;
                    break;
                }
            } else if (!conjunction) {
                if (s.smallest == null || p.steps() + 1 < s.smallest) {
                    s.premises = new ArrayList<>(p.premises());
                    s.smallest = p.steps() + 1;
                    s.valid = true;
                    s.rule = "or_intro";
                }
            } else {
                s.premises.addAll(p.premises());
                s.smallest += p.steps();
                s.valid = true;
                s.rule = "and_intro";
            }
        }
    }

    private void conjunctionElimination(Formula formula, int index, List<Object> previous, Search s) {
        for (Object source : premiseSources(index)) {
            if (s.smallest != null && s.smallest == 1) break;
            Object step;
            if (source instanceof Integer k) {
                step = proof.get(k);
                if (fixes.contains(Fix.MISSING_AXIOM_FLAG)) s.missingAxiom = false;
            } else {
                s.missingAxiom = true;
                step = source;
            }
            if (step instanceof And c) {
                for (Formula operand : c.operands()) {
                    if (!operand.equals(formula)) continue;
                    s.premises = new ArrayList<>(List.of(source));
                    s.smallest = 1 + (s.missingAxiom ? 1 : 0);
                    s.rule = "and_elim";
                    if (isCorrect(source)) s.valid = true;
                    else if (isNonAtomic(source) || isAxiom(source)) s.nonAtomic = true;
                    else if (isSkip(source)) s.skip = true;
                    break;
                }
            } else if (step instanceof ForAll q && q.body() instanceof Implies rule && rule.consequent() instanceof And c) {
                Map<Variable, Term> first = new HashMap<>();
                Map<Variable, Term> second = new HashMap<>();
                for (Formula operand : c.operands()) {
                    if (!unify(formula, operand, first, second)) continue;
                    Term constant = second.get(q.variable());
                    if (with(previous, formula).contains(rule.antecedent().substitute(q.variable(), constant))) continue;
                    Provable a = premisedAntecedent(q, source, step, constant, formula, index, previous, s.missingAxiom);
                    if (a != null && (s.smallest == null || a.steps() + 1 < s.smallest)) {
                        s.smallest = a.steps() + 1;
                        s.valid = a.valid();
                        s.nonAtomic = a.nonAtomic();
                        s.skip = a.skip();
                        s.premises = new ArrayList<>(a.premises());
                        s.rule = "modus_ponens";
                        if (s.valid) break;
                    }
                }
            }
        }
    }

    private Provable disjunctionElimination(Formula formula, int index, Search s) {
        record Required(Set<Formula> hypotheses, int step, boolean valid, boolean nonAtomic, boolean skip) {
        }
        List<Required> required = new ArrayList<>();
        for (int j = 0; j < index; j++) {
            if (Objects.equals(proof.get(j), formula)) {
                required.add(new Required(hypotheses.get(j), j, correctSteps.contains(j), nonAtomicSteps.contains(j), skipSteps.contains(j)));
            }
        }
        for (int r = correctSteps.size() - 1; r >= 0; r--) {
            int source = correctSteps.get(r);
            if (!(proof.get(source) instanceof Or d)) continue;
            List<Object> premises = new ArrayList<>();
            boolean eliminated = true;
            boolean valid = true;
            boolean nonAtomic = false;
            boolean skip = false;
            for (Formula disjunct : d.operands()) {
                boolean found = false;
                for (Required q : required) {
                    if (!q.valid() && !q.nonAtomic() && !q.skip()) continue;
                    if (q.hypotheses().contains(disjunct)) {
                        premises.add(q.step());
                        found = true;
                        if (!q.valid()) valid = false;
                        if (q.nonAtomic()) nonAtomic = true;
                        if (q.skip()) skip = true;
                        break;
                    }
                }
                if (!found) {
                    eliminated = false;
                    break;
                }
            }
            if (eliminated) {
                if (valid) s.valid = true;
                if (nonAtomic) s.nonAtomic = true;
                if (skip) s.skip = true;
                premises.add(source);
                return new Provable(1, s.valid, s.nonAtomic, s.skip, premises, d.operands());
            }
        }
        return null;
    }

    /** Universal instantiation (modus ponens) and modus tollens over every earlier step and axiom. */
    private void instantiation(Formula formula, int index, List<Object> previous, Search s) {
        for (Object source : premiseSources(index)) {
            Object step;
            if (source instanceof Integer k) {
                step = proof.get(k);
                if (fixes.contains(Fix.MISSING_AXIOM_FLAG)) s.missingAxiom = false;
            } else {
                s.missingAxiom = true;
                step = source;
            }
            List<Object> rules = step instanceof And c ? new ArrayList<>(c.operands()) : List.of(step);
            for (Object candidate : rules) {
                if (!(candidate instanceof ForAll q) || !(q.body() instanceof Implies rule)) continue;
                Map<Variable, Term> first = new HashMap<>();
                Map<Variable, Term> second = new HashMap<>();
                if (unifiesConsequent(formula, q.variable(), rule.consequent(), first, second)) {
                    Term constant = second.get(q.variable());
                    if (with(previous, formula).contains(rule.antecedent().substitute(q.variable(), constant))) continue;
                    Provable a = premisedAntecedent(q, source, step, constant, formula, index, previous, s.missingAxiom);
                    if (a != null && (s.smallest == null || a.steps() < s.smallest)) {
                        s.smallest = a.steps();
                        s.valid = isCorrect(source) && a.valid() && candidate.equals(step);
                        s.nonAtomic = isNonAtomic(source) || a.nonAtomic() || (isCorrect(source) && a.valid() && !candidate.equals(step));
                        s.skip = isSkip(source) || a.skip();
                        s.premises = new ArrayList<>(a.premises());
                        s.rule = "modus_ponens";
                        if (s.valid) break;
                    }
                }
                ForAll contrapositive = new ForAll(q.variable(), new Implies(negate(rule.consequent()), negate(rule.antecedent())));
                Implies contra = (Implies) contrapositive.body();
                Formula target = formula instanceof Not n ? negate(n.operand()) : formula;
                boolean unifies = (formula instanceof And || formula instanceof Or) && contra.consequent().getClass() == formula.getClass()
                        ? unifiesConsequent(formula, q.variable(), contra.consequent(), first, second)
                        : unify(target, contra.consequent(), first, second);
                if (unifies) {
                    Term constant = second.get(q.variable());
                    if (with(previous, formula).contains(contra.antecedent().substitute(q.variable(), constant))) continue;
                    Provable a = premisedAntecedent(contrapositive, source, step, constant, formula, index, previous, s.missingAxiom);
                    if (a != null && (s.smallest == null || a.steps() < s.smallest)) {
                        s.smallest = a.steps();
                        s.valid = false;
                        s.nonAtomic = isNonAtomic(source) || a.nonAtomic() || (isCorrect(source) && a.valid());
                        s.skip = isSkip(source) || a.skip();
                        s.premises = new ArrayList<>(a.premises());
                        s.rule = "modus_tollens";
                    }
                }
            }
        }
    }

    /**
     * The antecedent of {@code universal} (a rule found at {@code source}, itself {@code step} or an operand of it)
     * instantiated for {@code formula}, when it is provable and the rule or the antecedent's proof uses one of the
     * steps the evaluator expects a premise at (the step before each statement of the formula); else null.
     */
    private Provable premisedAntecedent(ForAll universal, Object source, Object step, Term constant, Formula formula, int index,
                                       List<Object> previous, boolean missingAxiom) {
        List<Integer> expectedIndices = expectedPremiseIndices(formula, index);
        if (source instanceof Integer k && step instanceof And) expectedIndices.add(k);
        int newIndex = source instanceof Integer k && k == index - 1 ? index - 1 : index;
        Provable a = antecedentProvable(universal, source, constant, missingAxiom, newIndex, with(previous, formula));
        if (a.steps() == null || !(expectedIndices.contains(source) || anyIn(expectedIndices, a.premises()))) return null;
        return a;
    }

    /**
     * The formula unifies with a rule's consequent; a conjunction or disjunction may match with its operands
     * in another order (its first operand against any of the consequent's, then the sets compared).
     */
    private static boolean unifiesConsequent(Formula formula, Variable variable, Formula consequent, Map<Variable, Term> first,
                                             Map<Variable, Term> second) {
        if ((formula instanceof And || formula instanceof Or) && consequent.getClass() == formula.getClass()) {
            List<Formula> operands = formula instanceof And a ? a.operands() : ((Or) formula).operands();
            List<Formula> patterns = consequent instanceof And a ? a.operands() : ((Or) consequent).operands();
            for (Formula pattern : patterns) {
                if (unify(operands.get(0), pattern, first, second)) {
                    Formula instance = consequent.substitute(variable, second.get(variable));
                    List<Formula> instanceOperands = instance instanceof And a ? a.operands() : ((Or) instance).operands();
                    if (Set.copyOf(instanceOperands).equals(Set.copyOf(operands))) return true;
                }
            }
            return false;
        }
        return unify(formula, consequent, first, second);
    }

    /** The evaluator's unification: operands in order; a failed match may leave bindings behind, as its does. */
    static boolean unify(Formula first, Formula second, Map<Variable, Term> firstMap, Map<Variable, Term> secondMap) {
        if (first.getClass() != second.getClass()) return false;
        return switch (first) {
            case And a -> unifyAll(a.operands(), ((And) second).operands(), firstMap, secondMap);
            case Or a -> unifyAll(a.operands(), ((Or) second).operands(), firstMap, secondMap);
            case Not n -> unify(n.operand(), ((Not) second).operand(), firstMap, secondMap);
            case Implies m -> unify(m.antecedent(), ((Implies) second).antecedent(), firstMap, secondMap)
                    && unify(m.consequent(), ((Implies) second).consequent(), firstMap, secondMap);
            case ForAll q -> {
                ForAll r = (ForAll) second;
                firstMap.put(q.variable(), r.variable());
                secondMap.put(r.variable(), q.variable());
                if (!unify(q.body(), r.body(), firstMap, secondMap)) yield false;
                firstMap.remove(q.variable());
                secondMap.remove(r.variable());
                yield true;
            }
            case Exists q -> {
                Exists r = (Exists) second;
                firstMap.put(q.variable(), r.variable());
                secondMap.put(r.variable(), q.variable());
                if (!unify(q.body(), r.body(), firstMap, secondMap)) yield false;
                firstMap.remove(q.variable());
                secondMap.remove(r.variable());
                yield true;
            }
            case Atom a -> a.predicate().equals(((Atom) second).predicate()) && unifyTerm(a.term(), ((Atom) second).term(), firstMap, secondMap);
        };
    }

    private static boolean unifyAll(List<Formula> first, List<Formula> second, Map<Variable, Term> firstMap, Map<Variable, Term> secondMap) {
        if (first.size() != second.size()) return false;
        for (int k = 0; k < first.size(); k++) if (!unify(first.get(k), second.get(k), firstMap, secondMap)) return false;
        return true;
    }

    private static boolean unifyTerm(Term first, Term second, Map<Variable, Term> firstMap, Map<Variable, Term> secondMap) {
        if (first instanceof Variable v) {
            Term bound = firstMap.get(v);
            if (bound != null) return bound.equals(second);
            firstMap.put(v, second);
            return true;
        }
        if (second instanceof Variable v) {
            Term bound = secondMap.get(v);
            if (bound != null) return bound.equals(first);
            secondMap.put(v, first);
            return true;
        }
        return first.equals(second);
    }
}
