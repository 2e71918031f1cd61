package dev.lookahead.cli.gpqa;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.benchmarks.AnswerLetters;
import dev.lookahead.benchmarks.GpqaAnswers;
import dev.lookahead.benchmarks.GpqaCsv;
import dev.lookahead.benchmarks.GpqaPrompts;
import dev.lookahead.benchmarks.GpqaRow;
import dev.lookahead.benchmarks.GpqaScoring;
import dev.lookahead.benchmarks.GpqaSubsets;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** GPQA on the command line (docs/user-guide.md, "Benchmarks"). No GPQA question ships with the workbench. */
@Command(name = "gpqa", description = "GPQA from the user's copy of the official CSV files: subsets recomputed from the validator columns,"
        + " prompts with seeded option order, and a model's answers scored per domain beside the validators.",
        subcommands = {GpqaCommand.Subsets.class, GpqaCommand.Prompts.class, GpqaCommand.Score.class})
public final class GpqaCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The subset a file says its rows belong to, from its name (gpqa_main.csv, gpqa_diamond.csv, gpqa_extended.csv). */
    static String claimed(Path file) {
        String name = file.getFileName().toString().toLowerCase(Locale.ROOT);
        return name.contains("diamond") ? "diamond" : name.contains("main") ? "main" : name.contains("extended") ? "extended" : "";
    }

    /** One row's membership, as a line. */
    record MembershipLine(String file, long record, String recordId, String domain, String subdomain, boolean extended, boolean main,
                          boolean diamond, String mainRule, String diamondRule, String fileSubset, boolean disagrees) {
    }

    /** What --json holds: counts per subset and every row whose recomputed membership contradicts its file. */
    record SubsetsReport(String agreement, Map<String, Long> counts, List<MembershipLine> disagreements) {
    }

    @Command(name = "subsets", description = "Recompute each row's main / diamond membership with the paper's rules and report rows that"
            + " disagree with the file they came from (a file named ..._main / _diamond claims its rows).")
    static final class Subsets implements Callable<Integer> {
        @InputFile
        @Option(names = "--in", required = true, description = "An official GPQA CSV file (repeat for several).")
        List<Path> in;

        @Option(names = "--agreement", defaultValue = "paper", description = "paper (an expert agrees by answering correctly or agreeing post"
                + " hoc) or correct-only (default ${DEFAULT-VALUE}).")
        String agreement;

        @Mixin
        LinesOut output;

        @OutputFile
        @Option(names = "--json", description = "Also write the counts and the disagreements here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            GpqaSubsets.Agreement rule = agreement.equalsIgnoreCase("correct-only") ? GpqaSubsets.Agreement.CORRECT_ONLY
                    : agreement.equalsIgnoreCase("paper") ? GpqaSubsets.Agreement.PAPER : null;
            if (rule == null) throw new IllegalArgumentException("unknown --agreement '" + agreement + "'; choose paper or correct-only");
            List<MembershipLine> lines = new ArrayList<>();
            for (Path file : in) {
                String claim = claimed(file);
                for (GpqaRow row : GpqaCsv.read(file)) {
                    GpqaSubsets.Membership m = GpqaSubsets.of(row, rule);
                    boolean disagrees = claim.equals("main") && !m.main() || claim.equals("diamond") && !m.diamond();
                    lines.add(new MembershipLine(file.getFileName().toString(), row.line(), row.recordId(), row.domain(), row.subdomain(), true,
                            m.main(), m.diamond(), m.mainReason(), m.diamondReason(), claim, disagrees));
                }
            }
            Output.write(output.path(), writer -> {
                for (MembershipLine line : lines) {
                    writer.write(Json.line(line));
                    writer.write('\n');
                }
            });
            Map<String, Long> counts = new LinkedHashMap<>();
            counts.put("extended", lines.stream().map(MembershipLine::recordId).distinct().count());
            counts.put("main", lines.stream().filter(MembershipLine::main).map(MembershipLine::recordId).distinct().count());
            counts.put("diamond", lines.stream().filter(MembershipLine::diamond).map(MembershipLine::recordId).distinct().count());
            List<MembershipLine> disagreements = lines.stream().filter(MembershipLine::disagrees).toList();
            System.err.printf("%d rows, %d distinct questions: main %d, diamond %d by the %s rule; %d rows disagree with their file%n", lines.size(),
                    counts.get("extended"), counts.get("main"), counts.get("diamond"), agreement, disagreements.size());
            disagreements.stream().limit(10).forEach(d -> System.err.printf("  %s record %d (%s): in %s but %s%n", d.file(), d.record(), d.recordId(),
                    d.fileSubset(), d.fileSubset().equals("main") ? d.mainRule() : d.diamondRule()));
            if (json != null) AtomicFiles.writeString(json, Json.pretty(new SubsetsReport(agreement, counts, disagreements)));
            return 0;
        }
    }

    @Command(name = "prompts", description = "One prompt per question, options in a seeded order with the answer letter kept beside it.")
    static final class Prompts implements Callable<Integer> {
        @InputFile
        @Option(names = "--in", required = true, description = "An official GPQA CSV file.")
        Path in;

        @Option(names = "--style", defaultValue = "zero-shot", description = "zero-shot, cot or few-shot (default ${DEFAULT-VALUE}).")
        String style;

        @InputFile
        @Option(names = "--shots", description = "few-shot: a CSV file whose first --shot-count rows are the solved examples.")
        Path shots;

        @Option(names = "--shot-count", defaultValue = "5", description = "few-shot: examples per prompt (default ${DEFAULT-VALUE}).")
        int shotCount;

        @Option(names = "--seed", defaultValue = "1", description = "Seed of the option order (default ${DEFAULT-VALUE}).")
        long seed;

        @Mixin
        LinesOut output;

        @OutputFile
        @Option(names = "--json", description = "Also write a summary here: prompts written per domain and the answer letters' spread.")
        Path json;

        /** What --json holds: the spread of answer letters shows the shuffle is even. */
        record Summary(String style, long seed, long prompts, Map<String, Long> domains, Map<String, Long> answerLetters) {
        }

        @Override
        public Integer call() throws Exception {
            GpqaPrompts.Style chosen = GpqaPrompts.Style.parse(style);
            if (chosen == GpqaPrompts.Style.FEW_SHOT && shots == null) throw new IllegalArgumentException("few-shot needs --shots FILE (solved examples)");
            List<GpqaRow> examples = shots == null ? List.of() : GpqaCsv.read(shots).stream().limit(shotCount).toList();
            List<GpqaRow> rows = GpqaCsv.read(in);
            Output.write(output.path(), writer -> {
                for (GpqaRow row : rows) {
                    writer.write(Json.line(GpqaPrompts.prompt(row, chosen, seed, examples)));
                    writer.write('\n');
                }
            });
            System.err.printf("%d prompts (%s, seed %d)%n", rows.size(), chosen.id(), seed);
            if (json != null) {
                Map<String, Long> domains = new TreeMap<>();
                Map<String, Long> letters = new TreeMap<>();
                for (GpqaRow row : rows) {
                    domains.merge(row.domain(), 1L, Long::sum);
                    letters.merge(String.valueOf(GpqaPrompts.shuffle(row, seed).answer()), 1L, Long::sum);
                }
                AtomicFiles.writeString(json, Json.pretty(new Summary(chosen.id(), seed, rows.size(), domains, letters)));
            }
            return 0;
        }
    }

    /** What --json holds for a scored run. */
    /**
     * What --json holds for a scored run: accuracy over the key's questions, the answers given, {@code unparsed} (and
     * {@code refusals}, the official baseline's name for the same count), the {@code unanswered} questions by record_id,
     * and {@code missing}: answers to questions the key does not hold.
     */
    record ScoreReport(Estimate accuracy, long questions, long answers, long unparsed, long refusals, List<String> unanswered, long missing,
                       Map<String, Estimate> domains, Map<String, Estimate> subdomains, Map<String, Estimate> expertValidators,
                       Map<String, Estimate> nonExpertValidators) {
    }

    @Command(name = "score", description = "Score a model's answers ({record_id, output}) against the key gpqa prompts wrote: accuracy per domain"
            + " and subdomain with Wilson intervals, unparsed answers counted (as wrong); --csv adds the validators' accuracy per domain.")
    static final class Score implements Callable<Integer> {
        @InputFile
        @Option(names = "--in", required = true, description = "The model's answers: {record_id, output} per line.")
        Path in;

        @InputFile
        @Option(names = "--key", required = true, description = "The prompts file (gpqa prompts' output): record_id, answer, domain, subdomain.")
        Path key;

        @InputFile
        @Option(names = "--csv", description = "The official CSV the questions came from: the validators' accuracy beside the model's.")
        Path csv;

        @Option(names = "--reader", defaultValue = "official", description = "official (the GPQA baselines' rule: \"answer is (X)\" and"
                + " four more patterns, brackets and upper case required, each its first match) or lenient (\"answer is X\", \"Answer: X\","
                + " \"(X)\" in any case, each its last match); default ${DEFAULT-VALUE}.")
        String reader;

        @Option(names = "--pattern", description = "Your own answer pattern (a regular expression with one group around the letter), tried in"
                + " the order given, each its last match; replaces --reader.")
        List<String> patterns;

        @OutputFile
        @Option(names = "--json", description = "Also write the scores here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            AnswerLetters letters = patterns == null ? AnswerLetters.named(reader) : AnswerLetters.of(patterns);
            GpqaAnswers read = GpqaAnswers.read(key, in);
            read.problems().stream().limit(20).forEach(System.err::println);
            GpqaScoring.Result result = GpqaScoring.score(read.outputs(), read.key(), letters);
            Map<String, Proportion> experts = new TreeMap<>();
            Map<String, Proportion> nonExperts = new TreeMap<>();
            if (csv != null) {
                GpqaScoring.validators(GpqaCsv.read(csv)).forEach((scope, p) -> {
                    experts.put(scope, p[0]);
                    nonExperts.put(scope, p[1]);
                });
            }
            Proportion overall = result.overall();
            System.out.printf(Locale.ROOT, "accuracy %.4f [%.4f, %.4f] over the key's %d questions (%d unanswered, %d not parsed: both wrong)%n",
                    overall.value(), overall.lower(), overall.upper(), overall.trials(), result.unanswered().size(), result.unparsed());
            result.domains().forEach((d, p) -> System.out.printf(Locale.ROOT, "  %-12s %.4f [%.4f, %.4f] %d/%d%s%n", d, p.value(), p.lower(), p.upper(),
                    p.successes(), p.trials(), experts.containsKey(d) ? String.format(Locale.ROOT, "   experts %.3f, non-experts %.3f",
                            experts.get(d).value(), nonExperts.get(d).value()) : ""));
            if (json != null) {
                AtomicFiles.writeString(json, Json.pretty(new ScoreReport(Estimate.of(overall), overall.trials(), result.answers().size(),
                        result.unparsed(), result.unparsed(), result.unanswered(), read.unknown(), estimates(result.domains()),
                        estimates(result.subdomains()), estimates(experts), estimates(nonExperts))));
            }
            return read.problems().isEmpty() ? 0 : 2;
        }

        private static Map<String, Estimate> estimates(Map<String, Proportion> proportions) {
            Map<String, Estimate> out = new LinkedHashMap<>();
            proportions.forEach((k, p) -> out.put(k, Estimate.of(p)));
            return out;
        }
    }

    static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("\"" + field + "\" is missing");
        return value.asText();
    }
}
