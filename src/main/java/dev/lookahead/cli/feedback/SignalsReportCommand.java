package dev.lookahead.cli.feedback;

import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.feedback.BotTurnSignals;
import dev.lookahead.feedback.ConversationReader;
import dev.lookahead.feedback.SignalReport;
import dev.lookahead.feedback.Vader;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Label rates per signal (standard vs adversarial, normal vs canned) and Cohen's kappa between signals and with thumbs up/down.")
public final class SignalsReportCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--in", required = true, description = "Conversations, one per line.")
    Path in;

    @Mixin
    SignalOptions labelling;

    @OutputFile
    @Option(names = "--json", description = "Also write the report here.")
    Path json;

    @OutputFile
    @Option(names = "--out", description = "Write the report here (atomically) instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        BotTurnSignals.NoReply policy = labelling.policy();
        Vader vader = Vader.reference();
        SignalReport report = new SignalReport();
        List<String> errors = new ArrayList<>();
        JsonLines.forEach(in, (number, source) -> {
            try {
                var conversation = ConversationReader.read(source.json());
                report.add(conversation, BotTurnSignals.of(conversation, labelling.ks, policy, vader));
            } catch (Exception e) {
                errors.add("line " + number + ": " + JsonLineMapper.firstLine(e.getMessage()));
            }
        });
        System.err.printf("%d conversations, %d bot turns, %d lines skipped%n", report.conversations(), report.botTurns(), errors.size());
        errors.stream().limit(5).forEach(e -> System.err.println("  " + e));
        System.err.printf("%-26s %8s %9s %12s %8s %8s%n", "signal (share good)", "all", "standard", "adversarial", "normal", "canned");
        Map<String, Map<String, Estimate>> rates = new LinkedHashMap<>();
        for (String signal : report.signals()) {
            Map<String, Estimate> row = new LinkedHashMap<>();
            StringBuilder line = new StringBuilder(String.format("%-26s", signal));
            for (String subset : SignalReport.SUBSETS) {
                Proportion p = report.rate(signal, subset);
                row.put(subset, Estimate.of(p));
                line.append(String.format(" %8s", p.trials() == 0 ? "-" : String.format("%.3f", p.value())));
            }
            rates.put(signal, row);
            System.err.println(line);
        }
        Map<String, Map<String, Double>> kappa = new LinkedHashMap<>();
        for (String a : report.signals()) {
            Map<String, Double> row = new LinkedHashMap<>();
            for (String b : report.signals()) {
                double k = report.kappa(a, b);
                row.put(b, Double.isNaN(k) ? null : Math.round(k * 1e4) / 1e4);
            }
            kappa.put(a, row);
        }
        Map<String, Estimate> byTurn = new LinkedHashMap<>();
        report.replyRateByBotTurn().forEach((ordinal, p) -> byTurn.put(Integer.toString(ordinal), Estimate.of(p)));
        Map<String, FeatureSentiment> byFeature = new LinkedHashMap<>();
        report.sentimentByFeature().forEach((feature, m) -> byFeature.put(feature, new FeatureSentiment(orNull(m[0]), (long) m[1], orNull(m[2]),
                (long) m[3])));
        Report root = new Report(in.toString(), report.conversations(), report.botTurns(), errors.size(),
                policy.name().toLowerCase(java.util.Locale.ROOT), "VADER (reference lexicon, compound >= 0.05 positive, <= -0.05 negative)",
                "laughter, laughing or smiling emoji, joy words (JoyDetector)", rates, kappa, report.replyLengths(), byTurn, report.survival(),
                byFeature);
        String text = Json.pretty(root);
        Output.write(out, writer -> writer.write(text));
        if (json != null) AtomicFiles.writeString(json, text);
        return errors.isEmpty() ? 0 : 2;
    }

    private static Double orNull(double value) {
        return Double.isNaN(value) ? null : value;
    }

    /** What the report holds: label rates per signal and subset, kappas, and the reply statistics. */
    record Report(String file, long conversations, long botTurns, int skippedLines, String noReply, String sentimentScorer, String joyScorer,
                  Map<String, Map<String, Estimate>> rates, Map<String, Map<String, Double>> kappa,
                  Map<Integer, Long> replyLengthHistogram, Map<String, Estimate> replyRateByBotTurn,
                  Map<Integer, Double> conversationSurvival, Map<String, FeatureSentiment> replySentimentByBotFeature) {
    }

    /** The mean sentiment of the human replies to bot turns with and without a feature (null without replies). */
    record FeatureSentiment(Double meanCompoundWith, long repliesWith, Double meanCompoundWithout, long repliesWithout) {
    }
}
