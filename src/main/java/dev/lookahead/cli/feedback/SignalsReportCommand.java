package dev.lookahead.cli.feedback;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.AccuracyTable;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.Output;
import dev.lookahead.feedback.BotTurnSignals;
import dev.lookahead.feedback.ConversationReader;
import dev.lookahead.feedback.SignalReport;
import dev.lookahead.feedback.Vader;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "report", description = "Label rates per signal (standard vs adversarial, normal vs canned) and Cohen's kappa between signals and with thumbs up/down.")
public final class SignalsReportCommand implements Callable<Integer> {
    @Option(names = "--in", required = true, description = "Conversations, one per line.")
    Path in;

    @Mixin
    SignalOptions labelling;

    @Option(names = "--json", description = "Also write the report here.")
    Path json;

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
        ObjectNode root = Json.MAPPER.createObjectNode();
        root.put("file", in.toString());
        root.put("conversations", report.conversations());
        root.put("bot_turns", report.botTurns());
        root.put("skipped_lines", errors.size());
        root.put("no_reply", policy.name().toLowerCase(java.util.Locale.ROOT));
        root.put("sentiment_scorer", "VADER (reference lexicon, compound >= 0.05 positive, <= -0.05 negative)");
        root.put("joy_scorer", "laughter, laughing or smiling emoji, joy words (JoyDetector)");
        ObjectNode rates = root.putObject("rates");
        System.err.printf("%d conversations, %d bot turns, %d lines skipped%n", report.conversations(), report.botTurns(), errors.size());
        errors.stream().limit(5).forEach(e -> System.err.println("  " + e));
        System.err.printf("%-26s %8s %9s %12s %8s %8s%n", "signal (share good)", "all", "standard", "adversarial", "normal", "canned");
        for (String signal : report.signals()) {
            ObjectNode row = rates.putObject(signal);
            StringBuilder line = new StringBuilder(String.format("%-26s", signal));
            for (String subset : SignalReport.SUBSETS) {
                Proportion p = report.rate(signal, subset);
                AccuracyTable.put(row.putObject(subset), p);
                line.append(String.format(" %8s", p.trials() == 0 ? "-" : String.format("%.3f", p.value())));
            }
            System.err.println(line);
        }
        ObjectNode kappa = root.putObject("kappa");
        for (String a : report.signals()) {
            ObjectNode row = kappa.putObject(a);
            for (String b : report.signals()) {
                double k = report.kappa(a, b);
                if (Double.isNaN(k)) row.putNull(b);
                else row.put(b, Math.round(k * 1e4) / 1e4);
            }
        }
        ObjectNode lengths = root.putObject("reply_length_histogram");
        report.replyLengths().forEach((words, count) -> lengths.put(Integer.toString(words), count));
        ObjectNode byTurn = root.putObject("reply_rate_by_bot_turn");
        report.replyRateByBotTurn().forEach((ordinal, p) -> AccuracyTable.put(byTurn.putObject(Integer.toString(ordinal)), p));
        ObjectNode survival = root.putObject("conversation_survival");
        report.survival().forEach((turnsAtLeast, share) -> survival.put(Integer.toString(turnsAtLeast), share));
        ObjectNode byFeature = root.putObject("reply_sentiment_by_bot_feature");
        report.sentimentByFeature().forEach((feature, m) -> {
            ObjectNode cell = byFeature.putObject(feature);
            if (Double.isNaN(m[0])) cell.putNull("mean_compound_with"); else cell.put("mean_compound_with", m[0]);
            cell.put("replies_with", (long) m[1]);
            if (Double.isNaN(m[2])) cell.putNull("mean_compound_without"); else cell.put("mean_compound_without", m[2]);
            cell.put("replies_without", (long) m[3]);
        });
        String text = Json.pretty(root);
        Output.write(out, writer -> writer.write(text));
        if (json != null) AtomicFiles.writeString(json, text);
        return errors.isEmpty() ? 0 : 2;
    }
}
