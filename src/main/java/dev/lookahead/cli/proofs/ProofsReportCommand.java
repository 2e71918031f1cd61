package dev.lookahead.cli.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.proofs.ProofReport;
import dev.lookahead.stats.Estimate;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Proof accuracy per rule, hops and width (Wilson 95%% intervals), step labels and first errors, from the output of proofs check.")
public final class ProofsReportCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--in", required = true, description = "Lines written by proofs check.")
    Path in;

    @OutputFile
    @Option(names = "--json", description = "Also write the report here.")
    Path json;

    @Override
    public Integer call() throws Exception {
        ProofReport report = new ProofReport();
        List<String> errors = new ArrayList<>();
        java.util.Set<String> semantics = new java.util.TreeSet<>();
        JsonLines.forEach(in, (number, source) -> {
            try {
                JsonNode line = source.json();
                for (String field : List.of("strict", "valid_proof", "steps")) {
                    if (!line.hasNonNull(field)) {
                        throw new IllegalArgumentException("not a line written by proofs check (no '" + field + "'); run proofs check on it first");
                    }
                }
                for (String field : List.of("semantics", "step_lists")) {
                    if (!line.hasNonNull(field)) {
                        throw new IllegalArgumentException("no '" + field + "': written by an older proofs check; run proofs check on it again");
                    }
                }
                semantics.add(line.get("semantics").asText());
                if (!line.get("steps").isArray()) throw new IllegalArgumentException("'steps' must be a list of checked steps");
                if (line.hasNonNull("first_error") && line.get("steps").get(line.get("first_error").asInt()) == null) {
                    throw new IllegalArgumentException("'first_error' " + line.get("first_error") + " names no step of 'steps'");
                }
                List<String> labels = new ArrayList<>();
                long misleading = 0;
                for (JsonNode step : line.get("steps")) {
                    labels.add(step.path("label").asText());
                    if (step.path("misleading").asBoolean()) misleading++;
                }
                String firstError = null;
                if (line.hasNonNull("first_error")) {
                    JsonNode step = line.get("steps").get(line.get("first_error").asInt());
                    firstError = ProofReport.firstErrorKind(step.path("label").asText(), step.path("misleading").asBoolean());
                }
                boolean fullyCorrect = labels.stream().noneMatch(l -> l.equals("invalid") || l.equals("unparseable"));
                String rule = line.hasNonNull("rule") ? line.get("rule").asText() : null;
                report.add(rule, optional(line, "hops"), optional(line, "width"), ProofReport.demosKind(rule, line.get("demos")),
                        line.get("strict").asBoolean(), line.get("valid_proof").asBoolean(), fullyCorrect, labels, misleading, firstError,
                        stepLists(line.get("step_lists")));
            } catch (Exception e) {
                errors.add("line " + number + ": " + JsonLineMapper.firstLine(e.getMessage()));
            }
        });
        if (semantics.size() > 1) {
            throw new IllegalArgumentException(in + " mixes lines checked under different semantics " + semantics
                    + "; check them all with one --semantics to report them together");
        }
        String mode = semantics.isEmpty() ? "none" : semantics.iterator().next();
        Report root = new Report(in.toString(), mode, report.all().strict().trials(), errors.size(), Accuracy.of(report.all()),
                grouped(report.byRule()), grouped(report.byHops()), grouped(report.byWidth()), grouped(report.byDemos()), report.labels(),
                report.labelsByRule(), report.misleadingSteps(), report.firstErrors(), report.stepTypes(), report.stepTypesByRule(),
                firstMistake(report));

        System.err.printf("%d proofs checked under the %s semantics, %d lines skipped%n", report.all().strict().trials(), mode, errors.size());
        errors.stream().limit(5).forEach(e -> System.err.println("  " + e));
        StringBuilder table = new StringBuilder();
        table.append(String.format("%-22s %6s  %-24s %-24s%n", "group", "n", "strict [95% CI]", "valid proof [95% CI]"));
        row(table, "all", report.all());
        report.byRule().forEach((rule, g) -> row(table, "rule " + rule, g));
        report.byHops().forEach((hops, g) -> row(table, "hops " + hops, g));
        report.byWidth().forEach((width, g) -> row(table, "width " + width, g));
        report.byDemos().forEach((kind, g) -> row(table, "demos " + kind, g));
        table.append("step labels: ").append(report.labels()).append(", misleading steps: ").append(report.misleadingSteps()).append('\n');
        table.append("first error: ").append(report.firstErrors()).append('\n');
        table.append("evaluator's step lists: ").append(report.stepTypes()).append('\n');
        table.append("first mistake, strict proofs: ").append(report.firstMistakeInCorrectProofs())
                .append("; other proofs: ").append(report.firstMistakeInIncorrectProofs()).append('\n');
        System.out.print(table);
        if (json != null) AtomicFiles.writeString(json, Json.pretty(root) + "\n");
        return errors.isEmpty() ? 0 : 2;
    }

    /** The evaluator's lists of a checked line, by name. */
    private static java.util.Map<String, List<Integer>> stepLists(JsonNode node) {
        if (!node.isObject()) throw new IllegalArgumentException("'step_lists' must be an object of named step lists");
        java.util.Map<String, List<Integer>> lists = new java.util.HashMap<>();
        node.fields().forEachRemaining(e -> {
            List<Integer> indices = new ArrayList<>();
            for (JsonNode k : e.getValue()) indices.add(k.asInt());
            lists.put(e.getKey(), indices);
        });
        return lists;
    }

    private static Integer optional(JsonNode line, String field) {
        return line.hasNonNull(field) && line.get(field).canConvertToInt() ? line.get(field).asInt() : null;
    }

    private static Map<String, Map<String, Long>> firstMistake(ProofReport report) {
        Map<String, Map<String, Long>> out = new java.util.LinkedHashMap<>();
        out.put("strict_proofs", report.firstMistakeInCorrectProofs());
        out.put("other_proofs", report.firstMistakeInIncorrectProofs());
        return out;
    }

    private static <K> Map<String, Accuracy> grouped(Map<K, ProofReport.Group> groups) {
        Map<String, Accuracy> out = new java.util.LinkedHashMap<>();
        groups.forEach((key, g) -> out.put(key.toString(), Accuracy.of(g)));
        return out;
    }

    /** The report as {@code --json} holds it. */
    record Report(String file, String semantics, long proofs, int skippedLines, Accuracy all, Map<String, Accuracy> byRule,
                  Map<String, Accuracy> byHops, Map<String, Accuracy> byWidth, Map<String, Accuracy> byDemos, Map<String, Long> stepLabels,
                  Map<String, Map<String, Long>> stepLabelsByRule, long misleadingSteps, Map<String, Long> firstError,
                  Map<String, Long> stepTypes, Map<String, Map<String, Long>> stepTypesByRule, Map<String, Map<String, Long>> firstMistake) {
    }

    /** A group's strict, valid-proof and fully-correct accuracy, each with its Wilson interval. */
    record Accuracy(Estimate strict, Estimate validProof, Estimate fullyCorrect) {
        static Accuracy of(ProofReport.Group g) {
            return new Accuracy(Estimate.of(g.strict()), Estimate.of(g.valid()), Estimate.of(g.fullyCorrect()));
        }
    }

    private static void row(StringBuilder table, String name, ProofReport.Group g) {
        table.append(String.format("%-22s %6d  %-24s %-24s%n", name, g.strict().trials(), cell(g.strict()), cell(g.valid())));
    }

    private static String cell(dev.lookahead.stats.Proportion p) {
        return String.format("%.3f [%.3f, %.3f]", p.value(), p.lower(), p.upper());
    }
}
