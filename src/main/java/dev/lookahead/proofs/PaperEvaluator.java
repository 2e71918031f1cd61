package dev.lookahead.proofs;

import dev.lookahead.proofs.Formula.And;
import dev.lookahead.proofs.Formula.Atom;
import dev.lookahead.proofs.Formula.ForAll;
import dev.lookahead.proofs.Formula.Implies;
import dev.lookahead.proofs.Formula.Not;
import dev.lookahead.proofs.Formula.Or;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;

/**
 * The PrOntoQA-OOD study's verdict on a proof (docs/user-guide.md, "The study's own semantics"), reproduced in the
 * project's own terms: the proof is read into {@link ProofStep}s, then labelled step by step - correct, non-atomic,
 * skip, invalid or incorrect - by the provability rules of {@link Derivations}, with the context's rules as a
 * {@link ProvabilityGraph}. Premises are earlier steps; a context sentence used without being stated costs one step;
 * validity flows through premises; hypotheses flow from premises, and contradictions and proofs by cases discharge
 * them. The study's known defects are kept, each switchable by a {@link Fix}. {@code proofs check --semantics paper}
 * uses it; agreement with the study's evaluator is measured in docs/experiments/proofs-reference.
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

    /** Where a step of the proof came from: its sentence, that sentence's index, and which part of a "Since" sentence. */
    private record Origin(String text, int sentence, String part) {
    }

    /** The lists the study reports beside the labels themselves. */
    private static final class Findings {
        final List<Integer> correctAndUseful = new ArrayList<>();
        final List<Integer> wrongBranch = new ArrayList<>();
        final List<Integer> usefulSkip = new ArrayList<>();
        final List<Integer> wrongSkip = new ArrayList<>();
        final List<Integer> usefulNonAtomic = new ArrayList<>();
        final List<Integer> wrongNonAtomic = new ArrayList<>();
        final List<Integer> invalid = new ArrayList<>();
        final List<Integer> unparseable = new ArrayList<>();
        boolean found;
        boolean foundSkip;
        boolean foundNonAtomic;
    }

    private final ProofState proof;
    private final Derivations derivations;
    private final ProvabilityGraph graph;
    /** The gold proof as the evaluator reads it: statements, assumptions and contradictions alike. */
    private final List<ProofStep> gold;
    private final ProofStep conclusion;
    private final List<Origin> origins;
    private final Findings findings = new Findings();
    /** Per step: the deduction its label rests on. */
    private final Map<Integer, String> rulesOf = new HashMap<>();
    /** Per step: the premises its label rests on. */
    private final Map<Integer, List<Premise>> premisesOf = new HashMap<>();

    private PaperEvaluator(ProvabilityGraph graph, List<ProofStep> gold, List<ProofStep> candidate, List<Origin> origins, Set<Fix> fixes) {
        this.graph = graph;
        this.proof = new ProofState(candidate, graph.axioms(), fixes);
        this.derivations = new Derivations(proof);
        this.gold = gold;
        this.conclusion = gold.isEmpty() ? null : gold.getLast();
        this.origins = origins;
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
        for (String sentence : context) {
            try {
                contextFormulas.add(SentenceParser.formula(sentence));
            } catch (SentenceParser.Unreadable e) {
                // the evaluator leaves out a context sentence it cannot read
            }
        }
        ProvabilityGraph graph = new ProvabilityGraph(contextFormulas, fixes.contains(Fix.SHARED_CONSEQUENTS));
        List<ProofStep> goldSteps = read(gold, new ArrayList<>(), new ArrayList<>(), unreadable);
        List<Origin> origins = new ArrayList<>();
        List<String> dropped = new ArrayList<>();
        List<ProofStep> candidateSteps = read(candidate, origins, dropped, unreadable);
        return new PaperEvaluator(graph, goldSteps, candidateSteps, origins, Set.copyOf(fixes)).labelEveryStep(dropped);
    }

    /**
     * Sentences as the evaluator reads them: "Since A, B" as the two steps A and B, a negated conjunction or disjunction
     * by De Morgan's law, and a sentence it cannot read left out - unless {@code unreadable} keeps it as an incorrect step.
     */
    private static List<ProofStep> read(List<String> sentences, List<Origin> origins, List<String> dropped, UnreadableSentences unreadable) {
        List<ProofStep> steps = new ArrayList<>();
        for (int at = 0; at < sentences.size(); at++) {
            String sentence = sentences.get(at);
            SentenceParser.Sentence parsed;
            try {
                parsed = SentenceParser.parse(sentence);
            } catch (SentenceParser.Unreadable e) {
                if (unreadable.kept(sentence)) {
                    steps.add(ProofStep.UNREADABLE);
                    origins.add(new Origin(sentence, at, null));
                } else {
                    dropped.add(sentence);
                }
                continue;
            }
            switch (parsed.kind()) {
                case STATEMENT -> add(steps, origins, ProofStep.stated(deMorgan(parsed.formula())), sentence, at, null);
                case ASSUMPTION -> add(steps, origins, ProofStep.assumed(deMorgan(parsed.formula())), sentence, at, null);
                case CONTRADICTION -> add(steps, origins,
                        ProofStep.contradiction(parsed.formula() == null ? null : deMorgan(parsed.formula())), sentence, at, null);
                case SINCE -> {
                    add(steps, origins, ProofStep.stated(deMorgan(parsed.formula())), sentence, at, "since-premise");
                    add(steps, origins, ProofStep.stated(deMorgan(parsed.conclusion())), sentence, at, "since-conclusion");
                }
            }
        }
        return steps;
    }

    private static void add(List<ProofStep> steps, List<Origin> origins, ProofStep step, String sentence, int at, String part) {
        steps.add(step);
        origins.add(new Origin(sentence, at, part));
    }

    private static Formula deMorgan(Formula f) {
        if (f instanceof Not n && n.operand() instanceof And c) return new Or(c.operands().stream().map(Derivations::flip).toList());
        if (f instanceof Not n && n.operand() instanceof Or d) return new And(d.operands().stream().map(Derivations::flip).toList());
        return f;
    }

    private Result labelEveryStep(List<String> dropped) {
        for (int i = 0; i < proof.steps.size(); ) i = label(i);
        return result(dropped);
    }

    /** Labels step {@code i} (and, after a proved contradiction, the conclusion it licenses); returns the next step to label. */
    private int label(int i) {
        ProofStep step = proof.step(i);
        Set<Formula> rests = new HashSet<>();
        if (step.is(ProofStep.Kind.UNREADABLE)) {
            findings.unparseable.add(i);
            return incorrect(i, rests);
        }
        boolean assumption = step.is(ProofStep.Kind.ASSUMPTION);
        if (assumption) {
            step = ProofStep.stated(step.formula());
            proof.steps.set(i, step);
            rests.add(step.formula());
        }
        boolean useful = gold.contains(step);
        boolean isConclusion = conclusion != null && sameConclusion(step, conclusion);
        if (!useful && leavesTheGoldBranch(step)) findings.wrongBranch.add(i);
        if (assumption) return assume(i, rests);

        Derivation derivation = derivations.provable(step, i, List.of(), true);
        boolean follows = derivation.follows() && derivation.premises().stream().noneMatch(proof::isIncorrect);
        if (follows && step.is(ProofStep.Kind.CONTRADICTION)) {
            // the contradiction and the negation it licenses share one set of hypotheses, as the study's evaluator keeps them
            rulesOf.put(i, "contradiction");
            premisesOf.put(i, derivation.premises());
            proof.hypotheses.add(rests);
            i++;
            rulesOf.put(i, "proof_by_contradiction");
            isConclusion = Objects.equals(proof.step(i), conclusion);
        }
        collectHypotheses(i, derivation, rests, follows);
        premisesOf.put(i, derivation.premises());
        if (!follows) return shortcutOrInvalid(i, step, rests);
        rulesOf.putIfAbsent(i, derivation.rule());
        boolean concludes = isConclusion && rests.isEmpty();
        if (derivation.steps() <= 1) labelOneStep(i, derivation, useful, concludes);
        else labelNonAtomic(i, derivation, useful, concludes);
        proof.hypotheses.add(rests);
        return i + 1;
    }

    /** An assumption is correct by itself and opens its hypothesis. */
    private int assume(int i, Set<Formula> rests) {
        proof.openAssumptions.add(proof.step(i).formula());
        rulesOf.put(i, "assume");
        proof.correct.add(i);
        proof.hypotheses.add(rests);
        return i + 1;
    }

    /** A step rests on the hypotheses of its premises, less those its deduction discharges. */
    private void collectHypotheses(int i, Derivation derivation, Set<Formula> rests, boolean follows) {
        for (Premise premise : derivation.premises()) {
            int at = premise instanceof Premise.Earlier e ? e.index() : proof.lastBefore(i, proof.stepOf(premise));
            if (at >= 0) rests.addAll(proof.hypotheses.get(at));
        }
        derivation.discharged().forEach(rests::remove);
        if (follows) {
            proof.discharged.addAll(derivation.discharged());
            proof.openAssumptions.removeAll(derivation.discharged());
        }
    }

    /** A one-step deduction: correct when its premises are, else non-atomic or skip as they are. */
    private void labelOneStep(int i, Derivation derivation, boolean useful, boolean concludes) {
        if (derivation.valid()) {
            proof.correct.add(i);
            if (useful) findings.correctAndUseful.add(i); // usefulness of the step first read, as the evaluator keeps it
            findings.found |= concludes;
        } else if (derivation.nonAtomic()) {
            proof.nonAtomic.add(i);
            findings.foundNonAtomic |= concludes;
        } else if (derivation.skip()) {
            proof.skip.add(i);
            findings.foundSkip |= concludes;
        } else {
            throw new IllegalStateException("a one-step proof with no validity at step " + i);
        }
    }

    /** A deduction of several steps is non-atomic; it is "wrong" when every premise is in the gold proof but it is not. */
    private void labelNonAtomic(int i, Derivation derivation, boolean useful, boolean concludes) {
        boolean premisesUseful = derivation.premises().stream().allMatch(p -> gold.contains(proof.stepOf(p)));
        if (premisesUseful && !useful) findings.wrongNonAtomic.add(i);
        else findings.usefulNonAtomic.add(i);
        findings.foundNonAtomic |= concludes;
        proof.nonAtomic.add(i);
    }

    /**
     * A rule that does not follow may still be a skip step: a shortcut through at most two context rules
     * ({@link ProvabilityGraph#isShortcut}); "wrong" when an earlier step matching its antecedent is in the gold proof
     * and the consequent it gives is not. Any other step that does not follow is incorrect, and a rule invalid too.
     */
    private int shortcutOrInvalid(int i, ProofStep step, Set<Formula> rests) {
        Formula stated = step.statement();
        Implies rule = stated == null ? null : stated.asRule();
        if (rule == null) return incorrect(i, rests);
        if (!graph.isShortcut(rule)) {
            findings.invalid.add(i);
            return incorrect(i, rests);
        }
        if (shortcutLeavesTheGold((ForAll) stated, rule)) findings.wrongSkip.add(i);
        else findings.usefulSkip.add(i);
        proof.skip.add(i);
        proof.hypotheses.add(rests);
        return i + 1;
    }

    /** The first correct or skip step (in label order) matching the rule's antecedent: is it in the gold proof while the consequent is not? */
    private boolean shortcutLeavesTheGold(ForAll universal, Implies rule) {
        Unification match = new Unification();
        List<Integer> earlier = new ArrayList<>(proof.correct);
        earlier.addAll(proof.skip);
        for (int k : earlier) {
            Formula stated = proof.step(k).statement();
            if (stated == null || !match.matches(stated, rule.antecedent())) continue;
            Formula gives = rule.consequent().substitute(universal.variable(), match.boundTo(universal.variable()));
            return gold.contains(ProofStep.stated(stated)) && !gold.contains(ProofStep.stated(gives));
        }
        return false;
    }

    private int incorrect(int i, Set<Formula> rests) {
        proof.hypotheses.add(rests);
        proof.incorrect.add(i);
        return i + 1;
    }

    /**
     * A wrong branch: a context rule off the gold proof whose antecedent shares its predicate with the last correct
     * step, itself in the gold proof - the proof turned down another rule from where it stood.
     */
    private boolean leavesTheGoldBranch(ProofStep step) {
        Formula stated = step.statement();
        if (stated == null || !proof.axioms.contains(stated) || stated.asRule() == null || !(stated.asRule().antecedent() instanceof Atom from)) {
            return false;
        }
        if (proof.correct.isEmpty()) return false;
        Formula last = proof.step(proof.correct.getLast()).statement();
        return last instanceof Atom at && gold.contains(ProofStep.stated(at)) && from.predicate().equals(at.predicate());
    }

    /** The conclusion check: operands of a conjunction or disjunction compare as sets. */
    private static boolean sameConclusion(ProofStep step, ProofStep conclusion) {
        Formula a = step.statement();
        Formula b = conclusion.statement();
        if (a instanceof And x && b instanceof And y) return Set.copyOf(x.operands()).equals(Set.copyOf(y.operands()));
        if (a instanceof Or x && b instanceof Or y) return Set.copyOf(x.operands()).equals(Set.copyOf(y.operands()));
        return step.equals(conclusion);
    }

    private Result result(List<String> dropped) {
        List<EvaluatedStep> evaluated = new ArrayList<>();
        for (int k = 0; k < proof.steps.size(); k++) {
            ProofStep step = proof.step(k);
            List<Integer> premises = new ArrayList<>();
            for (Premise p : premisesOf.getOrDefault(k, List.of())) {
                premises.add(p instanceof Premise.Earlier e ? e.index() : proof.lastBefore(k, proof.stepOf(p)));
            }
            Origin origin = origins.get(k);
            int open = k < proof.hypotheses.size() ? proof.hypotheses.get(k).size() : 0;
            evaluated.add(new EvaluatedStep(origin.text(), origin.sentence(), origin.part(), step.formula(),
                    step.is(ProofStep.Kind.CONTRADICTION), premises, open, rulesOf.get(k)));
        }
        Findings f = findings;
        return new Result(List.copyOf(proof.correct), f.correctAndUseful, f.wrongBranch, f.usefulSkip, f.wrongSkip, f.usefulNonAtomic,
                f.wrongNonAtomic, f.invalid, List.copyOf(proof.incorrect), f.found, f.foundSkip, f.foundNonAtomic,
                List.copyOf(proof.nonAtomic), List.copyOf(proof.skip), evaluated, List.copyOf(dropped), List.copyOf(f.unparseable));
    }
}
