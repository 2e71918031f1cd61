package dev.lookahead.proofs;

import dev.lookahead.proofs.CheckedProof.Label;
import dev.lookahead.proofs.CheckedProof.Step;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Checks a candidate proof under a {@link ProofSemantics}: runs the study's evaluator ({@link PaperEvaluator})
 * and reads its lists back as one labelled step per formula, with a sentence it could not read kept in place as
 * an unparseable step.
 */
public final class ProofCheck {
    private ProofCheck() {
    }

    /**
     * Checks {@code candidate} against the context and the gold proof.
     *
     * @throws IllegalArgumentException when there is no gold proof (the evaluator reads the goal, and which steps are useful, from it)
     * @throws SentenceParser.Unreadable when the gold proof's last sentence cannot be read
     */
    public static CheckedProof check(List<String> context, List<String> gold, List<String> candidate, ProofSemantics semantics)
            throws SentenceParser.Unreadable {
        return check(context, gold, candidate, semantics, UnreadableSentences.WORKBENCH);
    }

    /** As {@link #check(List, List, List, ProofSemantics)}, {@code unreadable} deciding which unreadable sentences stay in the proof. */
    public static CheckedProof check(List<String> context, List<String> gold, List<String> candidate, ProofSemantics semantics,
                                     UnreadableSentences unreadable) throws SentenceParser.Unreadable {
        if (gold == null || gold.isEmpty()) {
            throw new IllegalArgumentException("no 'gold_proof': the paper's evaluator reads what to prove, and which steps are useful, from it");
        }
        Formula goal = goal(gold.get(gold.size() - 1));
        PaperEvaluator.Result r = PaperEvaluator.evaluate(context, gold, candidate, semantics.fixes(), unreadable);
        List<String> deviations = new ArrayList<>();
        for (PaperEvaluator.Fix fix : semantics.fixes()) {
            Set<PaperEvaluator.Fix> without = EnumSet.copyOf(semantics.fixes());
            without.remove(fix);
            if (!sameVerdict(r, PaperEvaluator.evaluate(context, gold, candidate, without, unreadable))) deviations.add(fix.id());
        }
        return read(r, candidate, goal, semantics, deviations);
    }

    /** The formula a gold proof ends on: its last statement, or the conclusion of a closing "Since" sentence. */
    private static Formula goal(String last) throws SentenceParser.Unreadable {
        SentenceParser.Sentence s = SentenceParser.parse(last);
        return s.kind() == SentenceParser.Kind.SINCE ? s.conclusion() : s.formula();
    }

    private static CheckedProof read(PaperEvaluator.Result r, List<String> candidate, Formula goal, ProofSemantics semantics,
                                     List<String> deviations) {
        int[] position = new int[r.steps().size()];
        List<Integer> order = new ArrayList<>();
        int k = 0;
        for (int sentence = 0; sentence < candidate.size(); sentence++) {
            if (k < r.steps().size() && r.steps().get(k).sentence() == sentence) {
                while (k < r.steps().size() && r.steps().get(k).sentence() == sentence) {
                    position[k] = order.size();
                    order.add(k++);
                }
            } else {
                order.add(-1 - sentence);
            }
        }
        List<Step> steps = new ArrayList<>();
        for (int entry : order) steps.add(entry >= 0 ? step(r, entry, position) : left(unparseable(candidate.get(-1 - entry))));
        Integer firstError = null;
        for (int i = 0; i < steps.size() && firstError == null; i++) {
            Step s = steps.get(i);
            if (s.label() == Label.INVALID || s.label() == Label.UNPARSEABLE || s.misleading()) firstError = i;
        }
        boolean strict = r.foundConclusion();
        boolean skip = r.foundConclusionWithSkip();
        boolean nonAtomic = r.foundConclusionWithNonAtomic();
        String verdict = strict ? "strict" : skip ? "via_skip" : nonAtomic ? "via_nonatomic" : openHypothesis(steps, goal) ? "open_hypothesis" : "not_reached";
        return new CheckedProof(semantics, steps, goal, strict, skip, nonAtomic, firstError, verdict, lists(r, position), deviations);
    }

    private static Step step(PaperEvaluator.Result r, int k, int[] position) {
        PaperEvaluator.EvaluatedStep s = r.steps().get(k);
        Label label = label(r, k);
        List<Integer> premises = new ArrayList<>();
        for (int p : s.premises()) premises.add(p < 0 ? Step.CONTEXT : position[p]);
        boolean useful = r.useful().contains(k) || r.usefulSkip().contains(k) || r.usefulNonAtomic().contains(k);
        boolean misleading = r.wrongBranch().contains(k);
        String problem = label == Label.UNPARSEABLE ? unparseable(s.text()).problem() + " (kept as an incorrect step)"
                : problem(label, misleading, premises);
        return new Step(s.text(), label, useful, misleading, premises, s.rule(), s.formula(), problem, s.openHypotheses(), s.part(), k);
    }

    /** A step's label from the evaluator's lists; an accepted contradiction takes the label of the conclusion it licenses. */
    private static Label label(PaperEvaluator.Result r, int k) {
        if (r.unparseable().contains(k)) return Label.UNPARSEABLE;
        if (r.correct().contains(k)) return Label.CORRECT;
        if (r.skip().contains(k)) return Label.SKIP;
        if (r.nonAtomic().contains(k)) return Label.NON_ATOMIC;
        if (r.incorrect().contains(k)) return Label.INVALID;
        if (r.steps().get(k).contradiction() && k + 1 < r.steps().size()) return label(r, k + 1);
        return Label.INVALID;
    }

    private static String problem(Label label, boolean misleading, List<Integer> premises) {
        return switch (label) {
            case CORRECT -> misleading ? "applies a context rule off the gold proof's path, right after a gold step" : null;
            case NON_ATOMIC -> premises.contains(Step.CONTEXT) ? "uses a context sentence the proof never stated (one step more)"
                    : "needs more than one rule application, or rests on a non-atomic or skip step";
            case SKIP -> "a rule not in the context that follows from a chain of at most two of its rules";
            case INVALID -> premises.isEmpty() ? "not provable from earlier steps of the proof and the context"
                    : "rests on an earlier step that is itself invalid";
            case UNPARSEABLE -> null;
        };
    }

    private static Step unparseable(String text) {
        String why;
        try {
            SentenceParser.parse(text);
            why = "cannot be read";
        } catch (SentenceParser.Unreadable e) {
            why = e.getMessage();
        }
        return new Step(text, Label.UNPARSEABLE, false, false, List.of(), null, null, why, 0, null, null);
    }

    /** An unreadable sentence the evaluator left out of the proof, kept in place here. */
    private static Step left(Step s) {
        return new Step(s.text(), s.label(), false, false, List.of(), null, null, s.problem() + " (left out of the proof)", 0, null, null);
    }

    /** The goal stated by a valid step, but with a hypothesis still open. */
    private static boolean openHypothesis(List<Step> steps, Formula goal) {
        for (Step s : steps) {
            boolean valid = s.label() == Label.CORRECT || s.label() == Label.SKIP || s.label() == Label.NON_ATOMIC;
            if (valid && s.depth() > 0 && goal.equals(s.formula())) return true;
        }
        return false;
    }

    /** The evaluator's lists under its own names, as indices into the checked steps. */
    private static Map<String, List<Integer>> lists(PaperEvaluator.Result r, int[] position) {
        Map<String, List<Integer>> lists = new LinkedHashMap<>();
        lists.put("correct_steps", moved(r.correct(), position));
        lists.put("correct_and_useful_steps", moved(r.useful(), position));
        lists.put("wrong_branch_steps", moved(r.wrongBranch(), position));
        lists.put("useful_skip_steps", moved(r.usefulSkip(), position));
        lists.put("wrong_skip_steps", moved(r.wrongSkip(), position));
        lists.put("useful_non_atomic_steps", moved(r.usefulNonAtomic(), position));
        lists.put("wrong_non_atomic_steps", moved(r.wrongNonAtomic(), position));
        lists.put("invalid_steps", moved(r.invalid(), position));
        lists.put("incorrect_steps", moved(r.incorrect(), position));
        lists.put("non_atomic_steps", moved(r.nonAtomic(), position));
        lists.put("skip_steps", moved(r.skip(), position));
        lists.put("unparseable_steps", moved(r.unparseable(), position));
        return lists;
    }

    private static List<Integer> moved(List<Integer> indices, int[] position) {
        return indices.stream().map(i -> position[i]).toList();
    }

    /** The same proof-level flags and per-step lists. */
    private static boolean sameVerdict(PaperEvaluator.Result a, PaperEvaluator.Result b) {
        return a.foundConclusion() == b.foundConclusion() && a.foundConclusionWithSkip() == b.foundConclusionWithSkip()
                && a.foundConclusionWithNonAtomic() == b.foundConclusionWithNonAtomic() && a.correct().equals(b.correct())
                && a.useful().equals(b.useful()) && a.wrongBranch().equals(b.wrongBranch()) && a.usefulSkip().equals(b.usefulSkip())
                && a.wrongSkip().equals(b.wrongSkip()) && a.usefulNonAtomic().equals(b.usefulNonAtomic())
                && a.wrongNonAtomic().equals(b.wrongNonAtomic()) && a.invalid().equals(b.invalid()) && a.incorrect().equals(b.incorrect())
                && a.nonAtomic().equals(b.nonAtomic()) && a.skip().equals(b.skip());
    }
}
