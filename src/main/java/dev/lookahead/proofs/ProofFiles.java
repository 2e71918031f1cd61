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

    /**
     * Checks one line's candidate proof ({@code question, candidate_proof, gold_proof}; {@code query} optional) under
     * {@code semantics} and adds the verdict: {@code semantics}, {@code deviations} (corrected only), one entry per
     * checked step under {@code steps}, the evaluator's per-step lists under their own names in {@code step_lists}
     * (indices into {@code steps}), its three proof-level flags under their own names and as {@code strict},
     * {@code via_skip} and {@code via_nonatomic}, and {@code valid_proof}, {@code first_error}, {@code verdict}, {@code goal}.
     */
    public static CheckedProof check(ObjectNode line, ProofSemantics semantics) throws SentenceParser.Unreadable {
        return check(line, semantics, UnreadableSentences.WORKBENCH);
    }

    /** As {@link #check(ObjectNode, ProofSemantics)}, {@code unreadable} deciding which unreadable sentences stay in the proof. */
    public static CheckedProof check(ObjectNode line, ProofSemantics semantics, UnreadableSentences unreadable) throws SentenceParser.Unreadable {
        List<String> context = sentences(line.get("question"));
        if (context == null) throw new IllegalArgumentException("no 'question' (the context)");
        List<String> candidate = sentences(line.get("candidate_proof"));
        if (candidate == null) throw new IllegalArgumentException("no 'candidate_proof'");
        CheckedProof checked = ProofCheck.check(context, sentences(line.get("gold_proof")), candidate, semantics, unreadable);
        line.put("semantics", semantics.id());
        if (semantics == ProofSemantics.CORRECTED) {
            ArrayNode deviations = line.putArray("deviations");
            checked.deviations().forEach(deviations::add);
        }
        ArrayNode steps = line.putArray("steps");
        for (CheckedProof.Step s : checked.steps()) steps.add(step(s));
        ObjectNode lists = line.putObject("step_lists");
        checked.stepLists().forEach((name, indices) -> indices.forEach(lists.putArray(name)::add));
        line.put("found_conclusion", checked.strict());
        line.put("found_conclusion_with_skip_steps", checked.viaSkip());
        line.put("found_conclusion_with_non_atomic_steps", checked.viaNonAtomic());
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

    private static ObjectNode step(CheckedProof.Step s) {
        ObjectNode step = Json.MAPPER.createObjectNode();
        step.put("text", s.text());
        step.put("label", s.label().id());
        step.put("useful", s.useful());
        step.put("misleading", s.misleading());
        ArrayNode premises = step.putArray("premises");
        for (int p : s.premises()) {
            if (p == CheckedProof.Step.CONTEXT) premises.add("context");
            else premises.add(p);
        }
        step.put("rule", s.rule());
        step.put("part", s.part());
        if (s.formula() != null) step.put("formula", s.formula().show());
        if (s.problem() != null) step.put("problem", s.problem());
        step.put("open_hypotheses", s.depth());
        step.put("evaluator_step", s.evaluatorStep());
        return step;
    }
}
