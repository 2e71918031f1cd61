package dev.lookahead.cli.judges;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.judges.Bootstrap;
import dev.lookahead.judges.JudgeAudit;
import dev.lookahead.judges.JudgmentFiles;
import dev.lookahead.judges.PairwiseItem;
import dev.lookahead.judges.RankAgreement;
import dev.lookahead.judges.RewardBench;
import dev.lookahead.judges.RewardBenchFiles;
import dev.lookahead.judges.RubricScores;
import dev.lookahead.judges.Verdicts;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/** The Judges Lab on the command line (docs/user-guide.md, "Judges"). */
@Command(name = "judges", description = "Audit LLM judges' outputs (accuracy, position consistency, first-position preference, ties, parse"
        + " failures, kappa) and score reward models as RewardBench does.", subcommands = {JudgesCommand.Audit.class, JudgesCommand.Rewardbench.class, JudgesPairsCommand.class, JudgesPromptsCommand.class,
                JudgesCritiquesCommand.class})
public final class JudgesCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** A figure for JSON: null where it is undefined (no judgment to take it over). */
    static Double finite(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /**
     * One set of the audit's figures as --json writes them, each rate with its 95% interval: a bootstrap one for the
     * accuracy (its ties score halves), Wilson's for the others (true proportions).
     */
    record FiguresLine(Double accuracy, Double positionConsistency, Double firstPositionRate, Double tieRate, long parseFailures, long judgments,
                       long judgmentsWithLabel, long bothOrdersParsed, double[] accuracyInterval, double[] positionConsistencyInterval,
                       double[] firstPositionRateInterval, double[] tieRateInterval) {
        static FiguresLine of(JudgeAudit.Figures f, double[] accuracyInterval) {
            return new FiguresLine(finite(f.accuracy()), finite(f.positionConsistency()), finite(f.firstPositionRate()), finite(f.tieRate()),
                    f.parseFailures(), f.judgments(), f.scored(), f.bothOrdersParsed(), bounds(accuracyInterval),
                    wilson(f.consistentPairs(), f.bothOrdersParsed()), wilson(f.firstChosen(), f.decisive()),
                    wilson(f.ties(), f.judgments()));
        }
    }

    /** A Wilson 95% interval, or null with nothing to take it over. */
    static double[] wilson(long successes, long trials) {
        if (trials == 0) return null;
        Proportion p = new Proportion(successes, trials);
        return new double[] {p.lower(), p.upper()};
    }

    static double[] bounds(double[] interval) {
        return interval == null || Double.isNaN(interval[0]) ? null : interval;
    }

    /** The audit as --json writes it: the overall figures at the top level, then per category and kappa per pair of judges. */
    record AuditReport(String verdict, Double accuracy, Double positionConsistency, Double fastchatConsistency, Double firstPositionRate,
                       Double tieRate, long parseFailures, long judgments, long items, Map<String, Double> kappa, Map<String, FiguresLine> category,
                       FiguresLine intervals) {
    }

    /** The pointwise audit as --json writes it. */
    record PointwiseReport(Double pairwiseAccuracy, Double exactMatch, Double spearman, Double kendallTau, long parseFailures, long judgments,
                           long rankedPairs, long prompts) {
    }

    @Command(name = "audit", description = "Audit pairwise judgments ({id, prompt, response_a, response_b, label, category, judgments:"
            + " [{judge, order, output}]}; a tie verdict or an unparsed output scores 0.5 whatever the label) or pointwise judgments"
            + " against people's ranks ({id, prompt, response, human_rank, judgments: [{judge, output}]}).")
    static final class Audit implements Callable<Integer> {
        @InputFile
        @Option(names = "--in", required = true, description = "Pairwise judgments, one item per line.")
        Path in;

        @OutputFile
        @Option(names = "--json", description = "Also write the audit here.")
        Path json;

        @Option(names = "--first", defaultValue = "[[A]]", description = "Marker of a verdict for the response shown first (default ${DEFAULT-VALUE}).")
        String first;

        @Option(names = "--second", defaultValue = "[[B]]", description = "Marker for the response shown second (default ${DEFAULT-VALUE}).")
        String second;

        @Option(names = "--tie", defaultValue = "[[C]]", description = "Marker of a tie (default ${DEFAULT-VALUE}).")
        String tie;

        @Option(names = "--verdict", defaultValue = "first", description = "first (FastChat's and RewardBench's rule: the first-position marker is"
                + " looked for first, then the second, then the tie) or strict (an output with markers of two verdicts is not parsed);"
                + " default ${DEFAULT-VALUE}.")
        String verdict;

        @InputFile
        @Option(names = "--labels", description = "People's votes for FastChat judgment files: MT-Bench's human judgments (question_id, model_a,"
                + " model_b, winner, turn), JSON lines or one array.")
        Path labels;

        @Option(names = "--score-pattern", description = "Pointwise: the rubric score's pattern (default \"Score: N\", its last match).")
        String scorePattern;

        @Override
        public Integer call() throws Exception {
            List<String> problems = new ArrayList<>();
            int status = JudgmentFiles.isPointwise(in) ? pointwise(problems) : pairwise(problems);
            report(problems);
            return problems.isEmpty() ? status : 2;
        }

        private int pairwise(List<String> problems) throws java.io.IOException {
            Verdicts verdicts = new Verdicts(first, second, tie, Verdicts.Rule.named(verdict));
            JudgmentFiles.Read<PairwiseItem> read = JudgmentFiles.pairwise(in, share -> { }, () -> false);
            problems.addAll(read.problems());
            List<PairwiseItem> items = read.items();
            if (labels != null) {
                JudgmentFiles.Read<PairwiseItem> labelled = JudgmentFiles.withHumanVotes(items, labels);
                items = labelled.items();
                problems.addAll(labelled.problems());
            }
            if (items.isEmpty()) {
                problems.add(in.getFileName() + ": no pairwise item could be read, so nothing is scored");
                return 2;
            }
            List<PairwiseItem> scoredItems = items;
            JudgeAudit.Report audit = JudgeAudit.audit(items, verdicts);
            JudgeAudit.Figures all = audit.overall();
            Map<String, FiguresLine> categories = new LinkedHashMap<>();
            audit.categories().forEach((category, f) -> categories.put(category, FiguresLine.of(f, Bootstrap.interval(JudgeAudit.scores(
                    scoredItems.stream().filter(i -> i.category().equals(category)).toList(), verdicts)))));
            Map<String, Double> kappa = new LinkedHashMap<>();
            audit.kappa().forEach((pair, k) -> kappa.put(pair, finite(k)));
            AuditReport report = new AuditReport(verdict, finite(all.accuracy()), finite(all.positionConsistency()), finite(all.fastchatConsistency()),
                    finite(all.firstPositionRate()),
                    finite(all.tieRate()), all.parseFailures(), all.judgments(), items.size(), kappa, categories,
                    FiguresLine.of(all, Bootstrap.interval(JudgeAudit.scores(items, verdicts))));
            System.out.printf(Locale.ROOT, "%d items, %d judgments (verdicts read by the %s rule): accuracy %s, position consistency %s"
                    + " (FastChat's %s), first-position rate %s, ties %s, %d not parsed%n", items.size(), all.judgments(), verdict,
                    show(all.accuracy()), show(all.positionConsistency()), show(all.fastchatConsistency()), show(all.firstPositionRate()),
                    show(all.tieRate()), all.parseFailures());
            audit.kappa().forEach((pair, k) -> System.out.printf(Locale.ROOT, "kappa %s: %s%n", pair, show(k)));
            if (json != null) AtomicFiles.writeString(json, Json.pretty(report));
            return 0;
        }

        /** Pointwise judgments against people's ranks: each response's score the mean of its judgments' rubric scores. */
        private int pointwise(List<String> problems) throws java.io.IOException {
            RubricScores scores = scorePattern == null ? RubricScores.DEFAULT : RubricScores.of(scorePattern);
            JudgmentFiles.Read<JudgmentFiles.PointwiseResponse> read = JudgmentFiles.pointwise(in, share -> { }, () -> false);
            problems.addAll(read.problems());
            List<JudgmentFiles.PointwiseResponse> responses = read.items();
            long failures = 0;
            long judgments = 0;
            for (JudgmentFiles.PointwiseResponse r : responses) {
                judgments += r.outputs().size();
                failures += r.outputs().stream().filter(o -> scores.read(o).isEmpty()).count();
            }
            List<RankAgreement.Group> groups = JudgmentFiles.groups(responses, scores);
            RankAgreement.Figures f = RankAgreement.of(groups);
            PointwiseReport report = new PointwiseReport(finite(f.pairwiseAccuracy()), finite(f.exactMatch()), finite(f.spearman()),
                    finite(f.kendallTau()), failures, judgments, f.pairs(), f.prompts());
            System.out.printf(Locale.ROOT, "%d prompts, %d ranked pairs: pairwise accuracy %s, exact match %s, Spearman %s, Kendall tau-b %s;"
                    + " %d of %d judgments without a score%n", f.prompts(), f.pairs(), show(f.pairwiseAccuracy()), show(f.exactMatch()),
                    show(f.spearman()), show(f.kendallTau()), failures, judgments);
            if (json != null) AtomicFiles.writeString(json, Json.pretty(report));
            return 0;
        }
    }

    /** RewardBench's scores as --json writes them. */
    record RewardbenchReport(Map<String, Double> subsets, Map<String, Long> subsetPairs, Map<String, Double> sections, Double score, long pairs,
                             long unscored, RewardBench.LeaderboardV1 leaderboardV1, Map<String, double[]> subsetIntervals) {
    }

    @Command(name = "rewardbench", description = "RewardBench scores from a reward model's scores: the workbench's {subset, score_chosen,"
            + " score_rejected} lines, the rewardbench command's outputs (scores_chosen, scores_rejected) or run_rm.py's column JSON; right when"
            + " chosen > rejected (a missing or NaN score is wrong); sections weighted by RewardBench's example counts; with prior-set"
            + " subsets, the first leaderboard's average.")
    static final class Rewardbench implements Callable<Integer> {
        @InputFile
        @Option(names = "--in", required = true, description = "Scored pairs (repeat for several files, e.g. the core set and the prior sets).")
        List<Path> in;

        @OutputFile
        @Option(names = "--json", description = "Also write the scores here.")
        Path json;

        @Override
        public Integer call() throws Exception {
            List<RewardBench.Pair> pairs = new ArrayList<>();
            List<String> problems = new ArrayList<>();
            for (Path file : in) {
                RewardBenchFiles.Read read = RewardBenchFiles.read(file);
                pairs.addAll(read.pairs());
                problems.addAll(read.problems());
            }
            report(problems);
            if (pairs.isEmpty()) {
                System.err.println("error: no scored pair could be read, so nothing is scored");
                return 2;
            }
            RewardBench.Report scores = RewardBench.score(pairs);
            scores.subsets().forEach((subset, accuracy) -> System.out.printf(Locale.ROOT, "  %-24s %.4f  (%d pairs)%n", subset, accuracy,
                    scores.subsetPairs().get(subset)));
            scores.sections().forEach((section, value) -> System.out.printf(Locale.ROOT, "%-10s %.4f%n", section, value));
            System.out.printf(Locale.ROOT, "score      %s%n", show(scores.score()));
            if (scores.leaderboardV1() != null) {
                System.out.printf(Locale.ROOT, "prior sets %.4f; first leaderboard's average %.4f%n", scores.leaderboardV1().priorSets(),
                        scores.leaderboardV1().average());
            }
            if (scores.unscored() > 0) System.out.printf(Locale.ROOT, "%d pairs had a missing or NaN score (counted wrong)%n", scores.unscored());
            if (json != null) {
                Map<String, double[]> intervals = new LinkedHashMap<>();
                scores.subsets().forEach((subset, accuracy) -> intervals.put(subset, wilson(Math.round(accuracy * scores.subsetPairs().get(subset)),
                        scores.subsetPairs().get(subset))));
                AtomicFiles.writeString(json, Json.pretty(new RewardbenchReport(scores.subsets(), scores.subsetPairs(), scores.sections(),
                        finite(scores.score()), pairs.size(), scores.unscored(), scores.leaderboardV1(), intervals)));
            }
            return problems.isEmpty() ? 0 : 2;
        }
    }

    private static String show(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }

    private static void report(List<String> problems) {
        problems.stream().limit(20).forEach(System.err::println);
        if (problems.size() > 20) System.err.println("... and " + (problems.size() - 20) + " more lines refused");
    }
}
