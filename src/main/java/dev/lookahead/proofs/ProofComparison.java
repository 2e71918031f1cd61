package dev.lookahead.proofs;

import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * A candidate proof beside the gold proof (the PrOntoQA-OOD paper; docs/user-guide.md, "The Proofs panel"): the context with each sentence's
 * logical form and role, both proofs checked step by step under one semantics, the two aligned row by
 * row so that the steps stating the same formula sit side by side, and the candidate's steps that the
 * other semantics labels differently.
 *
 * @param rows        gold and candidate step indices per row; either may be null where one proof has a
 *                    step the other lacks
 * @param otherLabels per candidate step whose label differs under {@code semantics.other()}, that label, in step order
 */
public record ProofComparison(List<ContextSentence> context, String query, CheckedProof gold, CheckedProof candidate,
                              List<Row> rows, Map<Integer, CheckedProof.Label> otherLabels) {

    /** A context sentence; {@code role} is "gold" when the gold proof uses it, else "distractor". */
    public record ContextSentence(String text, Formula formula, String role) {
    }

    public record Row(Integer gold, Integer candidate) {
    }

    public ProofComparison {
        context = List.copyOf(context);
        rows = List.copyOf(rows);
        otherLabels = Collections.unmodifiableMap(new TreeMap<>(otherLabels));
    }

    public ProofSemantics semantics() {
        return candidate.semantics();
    }

    /**
     * Checks both proofs against the context and aligns them.
     *
     * @throws SentenceParser.Unreadable when the context, the query or the gold proof cannot be read
     */
    public static ProofComparison of(List<String> context, String query, List<String> gold, List<String> candidate,
                                     ProofSemantics semantics) throws SentenceParser.Unreadable {
        CheckedProof checkedGold = ProofCheck.check(context, gold, gold, semantics);
        CheckedProof checkedCandidate = ProofCheck.check(context, gold, candidate, semantics);
        CheckedProof other = ProofCheck.check(context, gold, candidate, semantics.other());
        Map<Integer, CheckedProof.Label> otherLabels = new TreeMap<>();
        for (int k = 0; k < checkedCandidate.steps().size(); k++) {
            CheckedProof.Label label = other.steps().get(k).label();
            if (label != checkedCandidate.steps().get(k).label()) otherLabels.put(k, label);
        }
        Set<Formula> used = new HashSet<>();
        for (CheckedProof.Step s : checkedGold.steps()) if (s.formula() != null) used.add(s.formula().normalized());
        List<ContextSentence> sentences = new ArrayList<>();
        for (String text : context) {
            Formula f = SentenceParser.formula(text).normalized();
            sentences.add(new ContextSentence(text, f, used.contains(f) ? "gold" : "distractor"));
        }
        return new ProofComparison(sentences, query, checkedGold, checkedCandidate, align(checkedGold.steps(), checkedCandidate.steps()),
                otherLabels);
    }

    /** Longest common subsequence over the steps' formulas (and kinds); unmatched steps get rows of their own. */
    static List<Row> align(List<CheckedProof.Step> gold, List<CheckedProof.Step> candidate) {
        int n = gold.size();
        int m = candidate.size();
        int[][] longest = new int[n + 1][m + 1];
        for (int i = n - 1; i >= 0; i--) {
            for (int j = m - 1; j >= 0; j--) {
                longest[i][j] = same(gold.get(i), candidate.get(j)) ? longest[i + 1][j + 1] + 1 : Math.max(longest[i + 1][j], longest[i][j + 1]);
            }
        }
        List<Row> rows = new ArrayList<>();
        int i = 0;
        int j = 0;
        while (i < n || j < m) {
            if (i < n && j < m && same(gold.get(i), candidate.get(j))) {
                rows.add(new Row(i++, j++));
            } else if (j < m && (i == n || longest[i][j + 1] >= longest[i + 1][j])) {
                rows.add(new Row(null, j++));
            } else {
                rows.add(new Row(i++, null));
            }
        }
        return Collections.unmodifiableList(rows);
    }

    private static boolean same(CheckedProof.Step a, CheckedProof.Step b) {
        return a.formula() != null && a.formula().equals(b.formula()) && "assume".equals(a.rule()) == "assume".equals(b.rule());
    }
}
