package dev.lookahead.ui.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.JsonLines;
import dev.lookahead.proofs.CheckedProof;
import dev.lookahead.proofs.ProofCheck;
import dev.lookahead.proofs.ProofFiles;
import dev.lookahead.proofs.ProofReport;
import dev.lookahead.proofs.ProofSemantics;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * A results file read for the panel: every line re-checked from its text under both semantics (so the
 * panel shows what the evaluator says, whatever wrote the file, and switching semantics needs no second
 * read), lines that cannot be checked kept as problems with their line numbers.
 */
record ProofResults(Path file, List<Line> lines, List<String> problems) {

    /** One proof of the file, checked under each semantics. */
    record Line(int number, String id, String rule, Integer hops, Integer width, String demos, List<String> context, String query,
                List<String> gold, List<String> candidate, Map<ProofSemantics, CheckedProof> checks) {
        Line {
            checks = Map.copyOf(checks);
        }

        CheckedProof checked(ProofSemantics semantics) {
            return checks.get(semantics);
        }
    }

    /**
     * Reads and checks {@code file} (lines of {@code proofs check} output, or lines to check).
     *
     * @param progress receives the share of the file read so far
     * @param cancelled polled between lines; reading stops early when it answers true
     */
    static ProofResults read(Path file, DoubleConsumer progress, BooleanSupplier cancelled) throws IOException {
        List<Line> lines = new ArrayList<>();
        List<String> problems = JsonLines.read(file, progress, cancelled, (number, json) -> lines.add(line(number, json)));
        return new ProofResults(file, List.copyOf(lines), List.copyOf(problems));
    }

    private static Line line(int number, JsonNode json) throws Exception {
        if (json.has("error") && !json.has("steps")) throw new IllegalArgumentException("the line holds an error: " + json.get("error").asText());
        List<String> context = ProofFiles.sentences(json.get("question"));
        List<String> candidate = ProofFiles.sentences(json.get("candidate_proof"));
        if (context == null) throw new IllegalArgumentException("no 'question' (the context)");
        if (candidate == null) throw new IllegalArgumentException("no 'candidate_proof'");
        List<String> gold = ProofFiles.sentences(json.get("gold_proof"));
        String query = json.hasNonNull("query") ? json.get("query").asText() : null;
        Map<ProofSemantics, CheckedProof> checks = new EnumMap<>(ProofSemantics.class);
        for (ProofSemantics semantics : ProofSemantics.values()) checks.put(semantics, ProofCheck.check(context, gold, candidate, semantics));
        String rule = json.hasNonNull("rule") ? json.get("rule").asText() : null;
        return new Line(number, json.hasNonNull("id") ? json.get("id").asText() : Integer.toString(number), rule,
                json.hasNonNull("hops") ? json.get("hops").asInt() : null, json.hasNonNull("width") ? json.get("width").asInt() : null,
                ProofReport.demosKind(rule, json.get("demos")), context, query, gold, candidate, checks);
    }

    /** The aggregates of the lines shown, under one semantics. */
    static ProofReport report(List<Line> lines, ProofSemantics semantics) {
        ProofReport report = new ProofReport();
        for (Line line : lines) report.add(line.rule(), line.hops(), line.width(), line.demos(), line.checked(semantics));
        return report;
    }
}
