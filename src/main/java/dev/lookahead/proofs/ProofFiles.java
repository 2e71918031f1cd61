package dev.lookahead.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;

/**
 * Deduction problems and checked proofs as JSON: the project's JSONL lines, and the original
 * PrOntoQA shape ({@code {"example1": {"in_context_example0": {...}, "test_example": {...}}}}) in
 * which the study's generator writes its problems - with text only, which is why everything is parsed back.
 */
public final class ProofFiles {
    private ProofFiles() {
    }

    /** A JSONL line: {@code id, rule, hops, width, distractors, question, query, gold_proof, demos}. */
    public static ObjectNode line(DeductionProblem p) {
        ObjectNode line = Json.MAPPER.createObjectNode();
        line.put("id", p.id());
        problemFields(line, p);
        line.put("distractors", p.distractors());
        ArrayNode demos = line.putArray("demos");
        for (DeductionProblem demo : p.demos()) problemFields(demos.addObject(), demo);
        return line;
    }

    private static void problemFields(ObjectNode node, DeductionProblem p) {
        node.put("rule", p.rule());
        node.put("hops", p.hops());
        node.put("width", p.width());
        node.put("question", p.question());
        node.put("query", p.query());
        ArrayNode gold = node.putArray("gold_proof");
        p.goldProof().forEach(gold::add);
    }

    /** Problems in the original shape: one {@code exampleK} per problem, its demos as in-context examples. */
    public static ObjectNode prontoqa(List<DeductionProblem> problems) {
        ObjectNode root = Json.MAPPER.createObjectNode();
        for (int k = 0; k < problems.size(); k++) {
            DeductionProblem p = problems.get(k);
            ObjectNode example = root.putObject("example" + (k + 1));
            for (int d = 0; d < p.demos().size(); d++) example.set("in_context_example" + d, prontoqaEntry(p.demos().get(d)));
            example.set("test_example", prontoqaEntry(p));
        }
        return root;
    }

    private static ObjectNode prontoqaEntry(DeductionProblem p) {
        ObjectNode entry = Json.MAPPER.createObjectNode();
        entry.put("question", p.question());
        entry.put("query", p.query());
        ArrayNode chain = entry.putArray("chain_of_thought");
        p.goldProof().forEach(chain::add);
        entry.put("answer", "True");
        return entry;
    }

    /** Whether a JSON document is in the original PrOntoQA shape. */
    public static boolean isPrOntoQa(JsonNode root) {
        if (!root.isObject() || root.isEmpty()) return false;
        JsonNode first = root.elements().next();
        return first.isObject() && first.has("test_example");
    }

    /**
     * The test examples of a PrOntoQA document as check lines: {@code id, question, query, gold_proof}
     * and, as candidate, the gold chain of thought itself (so checking them checks the gold proofs).
     */
    public static List<ObjectNode> checkLines(JsonNode root) {
        List<ObjectNode> lines = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> it = root.fields(); it.hasNext(); ) {
            Map.Entry<String, JsonNode> example = it.next();
            JsonNode test = example.getValue().get("test_example");
            if (test == null) continue;
            ObjectNode line = Json.MAPPER.createObjectNode();
            line.put("id", example.getKey());
            line.set("question", test.get("question"));
            line.set("query", test.get("query"));
            line.set("gold_proof", test.get("chain_of_thought"));
            line.set("candidate_proof", test.get("chain_of_thought"));
            lines.add(line);
        }
        return lines;
    }

    /** A field that holds sentences as a list or as one string (null when absent). */
    public static List<String> sentences(JsonNode node) {
        if (node == null || node.isNull()) return null;
        List<String> out = new ArrayList<>();
        if (node.isArray()) {
            for (JsonNode item : node) out.addAll(SentenceParser.sentences(item.asText()));
        } else {
            out.addAll(SentenceParser.sentences(node.asText()));
        }
        return out;
    }

    /** Checks one line ({@code question, query, candidate_proof}, optional {@code gold_proof}) and adds the results. */
    /**
     * Checks one line's candidate proof with the PrOntoQA-OOD evaluator's semantics ({@link PaperEvaluator})
     * and adds its verdict: the steps as the evaluator reads them (a sentence it cannot read is left out and
     * listed under {@code dropped_sentences}), its per-step lists and proof-level flags under its own names,
     * and {@code strict}, {@code valid_proof} and {@code verdict} derived from them.
     */
    public static PaperEvaluator.Result checkPaper(ObjectNode line) {
        return checkPaper(line, java.util.Set.of());
    }

    /**
     * As {@link #checkPaper(ObjectNode)} with some of the evaluator's defects fixed: with all of them, the
     * corrected semantics ({@code semantics: corrected}), whose {@code deviations} name each fix that changes
     * this proof's verdict or lists (the result without that one fix differs).
     */
    public static PaperEvaluator.Result checkPaper(ObjectNode line, java.util.Set<PaperEvaluator.Fix> fixes) {
        List<String> context = sentences(line.get("question"));
        if (context == null) throw new IllegalArgumentException("no 'question' (the context)");
        List<String> candidate = sentences(line.get("candidate_proof"));
        if (candidate == null) throw new IllegalArgumentException("no 'candidate_proof'");
        List<String> gold = sentences(line.get("gold_proof"));
        if (gold == null || gold.isEmpty()) {
            throw new IllegalArgumentException("no 'gold_proof': the paper's evaluator reads what to prove, and which steps are useful, from it");
        }
        PaperEvaluator.Result r = PaperEvaluator.evaluate(context, gold, candidate, fixes);
        line.put("semantics", fixes.isEmpty() ? "paper" : "corrected");
        if (!fixes.isEmpty()) {
            ArrayNode deviations = line.putArray("deviations");
            for (PaperEvaluator.Fix fix : fixes) {
                java.util.Set<PaperEvaluator.Fix> without = java.util.EnumSet.copyOf(fixes);
                without.remove(fix);
                if (!sameVerdict(r, PaperEvaluator.evaluate(context, gold, candidate, without))) deviations.add(fix.id());
            }
        }
        ArrayNode steps = line.putArray("steps");
        for (int k = 0; k < r.steps().size(); k++) {
            PaperEvaluator.EvaluatedStep s = r.steps().get(k);
            ObjectNode step = steps.addObject();
            step.put("text", s.text());
            step.put("label", paperLabel(r, k, s));
            step.put("useful", r.useful().contains(k) || r.usefulSkip().contains(k) || r.usefulNonAtomic().contains(k));
            step.put("misleading", r.wrongBranch().contains(k));
            ArrayNode premises = step.putArray("premises");
            for (int p : s.premises()) {
                if (p < 0) premises.add("context");
                else premises.add(p);
            }
            if (s.formula() != null) step.put("formula", s.formula().show());
            step.put("open_hypotheses", s.openHypotheses());
        }
        ArrayNode dropped = line.putArray("dropped_sentences");
        r.dropped().forEach(dropped::add);
        ObjectNode lists = line.putObject("step_lists");
        putInts(lists.putArray("correct_steps"), r.correct());
        putInts(lists.putArray("correct_and_useful_steps"), r.useful());
        putInts(lists.putArray("wrong_branch_steps"), r.wrongBranch());
        putInts(lists.putArray("useful_skip_steps"), r.usefulSkip());
        putInts(lists.putArray("wrong_skip_steps"), r.wrongSkip());
        putInts(lists.putArray("useful_non_atomic_steps"), r.usefulNonAtomic());
        putInts(lists.putArray("wrong_non_atomic_steps"), r.wrongNonAtomic());
        putInts(lists.putArray("invalid_steps"), r.invalid());
        putInts(lists.putArray("incorrect_steps"), r.incorrect());
        putInts(lists.putArray("non_atomic_steps"), r.nonAtomic());
        putInts(lists.putArray("skip_steps"), r.skip());
        line.put("found_conclusion", r.foundConclusion());
        line.put("found_conclusion_with_skip_steps", r.foundConclusionWithSkip());
        line.put("found_conclusion_with_non_atomic_steps", r.foundConclusionWithNonAtomic());
        line.put("strict", r.foundConclusion());
        line.put("via_skip", !r.foundConclusion() && r.foundConclusionWithSkip());
        line.put("via_nonatomic", !r.foundConclusion() && !r.foundConclusionWithSkip() && r.foundConclusionWithNonAtomic());
        line.put("valid_proof", r.validProof());
        Integer firstError = null;
        for (int k = 0; k < r.steps().size() && firstError == null; k++) {
            if (r.incorrect().contains(k) || r.wrongBranch().contains(k)) firstError = k;
        }
        if (firstError == null) line.putNull("first_error");
        else line.put("first_error", firstError);
        line.put("verdict", r.foundConclusion() ? "strict" : r.foundConclusionWithSkip() ? "via_skip"
                : r.foundConclusionWithNonAtomic() ? "via_nonatomic" : "not_reached");
        return r;
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

    /** A step's label from the evaluator's lists; a contradiction it accepts passes its label to the step it licenses. */
    private static String paperLabel(PaperEvaluator.Result r, int k, PaperEvaluator.EvaluatedStep s) {
        if (r.correct().contains(k)) return "correct";
        if (r.skip().contains(k)) return "skip";
        if (r.nonAtomic().contains(k)) return "non_atomic";
        if (r.incorrect().contains(k)) return "invalid";
        return s.contradiction() ? "contradiction" : "none";
    }

    private static void putInts(ArrayNode array, List<Integer> values) {
        values.forEach(array::add);
    }

    public static CheckedProof check(ObjectNode line) throws SentenceParser.Unreadable {
        List<String> context = sentences(line.get("question"));
        if (context == null) throw new IllegalArgumentException("no 'question' (the context)");
        List<String> candidate = sentences(line.get("candidate_proof"));
        if (candidate == null) throw new IllegalArgumentException("no 'candidate_proof'");
        JsonNode query = line.get("query");
        if (query == null || query.isNull() || !query.isTextual() || query.asText().isBlank()) {
            throw new IllegalArgumentException("no 'query' (what the proof must reach, e.g. \"Prove: Max is not a wumpus.\")");
        }
        CheckedProof checked = ProofChecker.check(context, sentences(line.get("gold_proof")), query.asText(), candidate);
        ArrayNode steps = line.putArray("steps");
        for (CheckedProof.Step s : checked.steps()) {
            ObjectNode step = steps.addObject();
            step.put("text", s.text());
            step.put("label", s.label().id());
            step.put("useful", s.useful());
            step.put("misleading", s.misleading());
            ArrayNode premises = step.putArray("premises");
            for (int p : s.premises()) {
                if (p == CheckedProof.Step.CONTEXT) premises.add("context");
                else premises.add(p);
            }
            if (s.rule() == null) step.putNull("rule");
            else step.put("rule", s.rule());
            if (s.formula() != null) step.put("formula", s.formula().show());
            if (s.problem() != null) step.put("problem", s.problem());
        }
        line.put("strict", checked.strict());
        line.put("via_skip", checked.viaSkip());
        line.put("via_nonatomic", checked.viaNonAtomic());
        line.put("valid_proof", checked.validProof());
        if (checked.firstError() == null) line.putNull("first_error");
        else line.put("first_error", checked.firstError());
        line.put("verdict", checked.verdict());
        line.put("goal", checked.goal().show());
        return checked;
    }
}
