package dev.lookahead.proofs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
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

    /** A JSONL line: {@code id, rule, hops, width, question, query, gold_proof, distractors, demos}. */
    public static ObjectNode line(DeductionProblem p) {
        return Json.fields(new ProblemLine(p.id(), p.rule(), p.hops(), p.width(), p.question(), p.query(), p.goldProof(), p.distractors(),
                p.demos().stream().map(d -> new Demo(d.rule(), d.hops(), d.width(), d.question(), d.query(), d.goldProof())).toList()));
    }

    /** One problem as {@code proofs generate} writes it. */
    record ProblemLine(String id, String rule, int hops, int width, String question, String query, List<String> goldProof, String distractors,
                       List<Demo> demos) {
    }

    /** A demonstration shown before the problem. */
    record Demo(String rule, int hops, int width, String question, String query, List<String> goldProof) {
    }

    /** Problems in the original shape: one {@code exampleK} per problem, its demos as in-context examples. */
    public static ObjectNode prontoqa(List<DeductionProblem> problems) {
        Map<String, Map<String, PrOntoQaEntry>> root = new java.util.LinkedHashMap<>();
        for (int k = 0; k < problems.size(); k++) {
            DeductionProblem p = problems.get(k);
            Map<String, PrOntoQaEntry> example = new java.util.LinkedHashMap<>();
            for (int d = 0; d < p.demos().size(); d++) example.put("in_context_example" + d, PrOntoQaEntry.of(p.demos().get(d)));
            example.put("test_example", PrOntoQaEntry.of(p));
            root.put("example" + (k + 1), example);
        }
        return Json.MAPPER.valueToTree(root);
    }

    /** One example of the original shape: its context, query, gold chain of thought and answer. */
    record PrOntoQaEntry(String question, String query, List<String> chainOfThought, String answer) {
        static PrOntoQaEntry of(DeductionProblem p) {
            return new PrOntoQaEntry(p.question(), p.query(), p.goldProof(), "True");
        }
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
            lines.add(Json.fields(new CheckInput(example.getKey(), test.get("question"), test.get("query"), test.get("chain_of_thought"),
                    test.get("chain_of_thought"))));
        }
        return lines;
    }

    /** A test example of the original shape as a line to check, its gold chain of thought as the candidate. */
    private record CheckInput(String id, JsonNode question, JsonNode query, JsonNode goldProof, JsonNode candidateProof) {
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
        line.setAll(Json.fields(CheckedLine.of(checked)));
        return checked;
    }

    /** What {@code proofs check} adds to a line, in the order of the command-line contract. */
    record CheckedLine(String semantics, @JsonInclude(JsonInclude.Include.NON_NULL) List<String> deviations, List<StepLine> steps,
                       Map<String, List<Integer>> stepLists, boolean foundConclusion, boolean foundConclusionWithSkipSteps,
                       boolean foundConclusionWithNonAtomicSteps, boolean strict, boolean viaSkip, boolean viaNonatomic, boolean validProof,
                       Integer firstError, String verdict, String goal) {
        static CheckedLine of(CheckedProof c) {
            return new CheckedLine(c.semantics().id(), c.semantics() == ProofSemantics.CORRECTED ? c.deviations() : null,
                    c.steps().stream().map(StepLine::of).toList(), c.stepLists(), c.strict(), c.viaSkip(), c.viaNonAtomic(), c.strict(),
                    c.viaSkip(), c.viaNonAtomic(), c.validProof(), c.firstError(), c.verdict(), c.goal().show());
        }
    }

    /** One checked step: {@code premises} are earlier steps' indices or "context". */
    record StepLine(String text, String label, boolean useful, boolean misleading, List<Object> premises, String rule, String part,
                    @JsonInclude(JsonInclude.Include.NON_NULL) String formula, @JsonInclude(JsonInclude.Include.NON_NULL) String problem,
                    int openHypotheses, Integer evaluatorStep) {
        static StepLine of(CheckedProof.Step s) {
            List<Object> premises = s.premises().stream().map(p -> p == CheckedProof.Step.CONTEXT ? (Object) "context" : (Object) p).toList();
            return new StepLine(s.text(), s.label().id(), s.useful(), s.misleading(), premises, s.rule(), s.part(),
                    s.formula() == null ? null : s.formula().show(), s.problem(), s.depth(), s.evaluatorStep());
        }
    }

}
