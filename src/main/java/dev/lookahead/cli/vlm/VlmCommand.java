package dev.lookahead.cli.vlm;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.benchmarks.BenchmarkLines;
import dev.lookahead.benchmarks.CaptionChoice;
import dev.lookahead.benchmarks.Pope;
import dev.lookahead.benchmarks.PopeFiles;
import dev.lookahead.benchmarks.VqaFiles;
import dev.lookahead.benchmarks.Winoground;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.stats.Estimate;
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

/** Vision-language benchmark scores from a model's outputs, each by its benchmark's own rule (docs/user-guide.md, "Benchmarks"). */
@Command(name = "vlm", description = "Score a vision-language model's outputs as each benchmark scores them: pope, winoground, choice, vqa,"
        + " chair.",
        subcommands = {VlmCommand.PopeCommand.class, VlmCommand.WinogroundCommand.class, VlmCommand.ChoiceCommand.class,
            VlmCommand.VqaCommand.class, VlmCommand.ChairCommand.class})
public final class VlmCommand implements Runnable {
    @picocli.CommandLine.Spec
    picocli.CommandLine.Model.CommandSpec spec;

    @Override
    public void run() {
        spec.commandLine().usage(System.err);
    }

    /** The options every scorer takes, and its reading loop: bad lines are reported with their number and skipped. */
    abstract static class Scorer<L> implements Callable<Integer> {
        @InputFile
        @Option(names = "--in", required = true, description = "The model's outputs: JSON lines, or one JSON array of the same objects.")
        Path in;

        @OutputFile
        @Option(names = "--json", description = "Also write the scores here.")
        Path json;

        abstract L parse(JsonNode line);

        abstract Object report(List<L> lines);

        abstract void print(Object report);

        @Override
        public Integer call() throws Exception {
            List<L> lines = new ArrayList<>();
            dev.lookahead.cli.ProgressBar bar = new dev.lookahead.cli.ProgressBar();
            BenchmarkLines.Ids ids = new BenchmarkLines.Ids();
            List<String> problems = JsonLines.readRecords(in, share -> bar.show(share, "reading " + in.getFileName(), Double.NaN), () -> false,
                    (number, line) -> {
                        L parsed = parse(line);
                        ids.once(line, number);
                        lines.add(parsed);
                    });
            bar.println(lines.size() + " lines read from " + in.getFileName());
            problems.stream().limit(20).forEach(System.err::println);
            if (problems.size() > 20) System.err.println("... and " + (problems.size() - 20) + " more lines refused");
            if (lines.isEmpty()) {
                System.err.println("error: nothing in " + in.getFileName() + " could be scored");
                return 2;
            }
            Object report = report(lines);
            print(report);
            if (json != null) AtomicFiles.writeString(json, Json.pretty(report));
            return problems.isEmpty() ? 0 : 2;
        }
    }

    @Command(name = "pope", description = "POPE: accuracy, precision, recall, F1 and yes-ratio, overall and per split, from free-text answers"
            + " read with POPE's rule (the first sentence's words include No, not or no: \"no\"; else \"yes\").")
    static final class PopeCommand extends Scorer<Pope.Line> {
        @InputFile
        @Option(names = "--labels", description = "POPE's label files (coco_pope_<split>.json; repeat for several splits): --in is then LLaVA's"
                + " answer file, scored as LLaVA's eval_pope.py scores it.")
        List<Path> labels;

        @InputFile
        @Option(names = "--questions", description = "LLaVA's question file (question_id, category): which split each answer belongs to.")
        Path questions;

        @Override
        public Integer call() throws Exception {
            if (labels == null) return super.call();
            PopeFiles.Read read = PopeFiles.read(in, labels, questions);
            read.problems().stream().limit(20).forEach(System.err::println);
            read.splits().stream().map(PopeFiles.Split::warning).filter(java.util.Objects::nonNull).forEach(w -> System.err.println("warning: " + w));
            if (read.splits().stream().allMatch(s -> s.paired().isEmpty())) {
                System.err.println("error: no answer of " + in.getFileName() + " could be paired with a label");
                return 2;
            }
            Map<String, Pope.Scores> splits = PopeFiles.scores(read);
            Map<String, Object> report = new LinkedHashMap<>(Json.MAPPER.convertValue(read.overall(), Map.class));
            report.put("splits", splits);
            splits.forEach(report::putIfAbsent);
            print(report);
            if (json != null) AtomicFiles.writeString(json, Json.pretty(report));
            return read.problems().isEmpty() ? 0 : 2;
        }

        @Override
        Pope.Line parse(JsonNode line) {
            return BenchmarkLines.pope(line);
        }

        @Override
        Object report(List<Pope.Line> lines) {
            Map<String, Object> report = new LinkedHashMap<>(Json.MAPPER.convertValue(Pope.score(lines), Map.class));
            Map<String, Pope.Scores> splits = Pope.bySplit(lines);
            report.put("splits", splits);
            // each split also at the top level, for readers that look it up by name
            splits.forEach((split, scores) -> report.putIfAbsent(split, scores));
            return report;
        }

        @Override
        void print(Object report) {
            @SuppressWarnings("unchecked")
            Map<String, Pope.Scores> splits = (Map<String, Pope.Scores>) ((Map<String, Object>) report).get("splits");
            System.out.println("split            accuracy  precision  recall     f1  yes-ratio   total");
            splits.forEach((split, s) -> System.out.printf(Locale.ROOT, "%-15s  %8.4f  %9.4f  %6.4f  %6.4f  %9.4f  %6d%n", split, s.accuracy(),
                    s.precision(), s.recall(), s.f1(), s.yesRatio(), s.total()));
        }
    }

    /** Winoground's scores as --json writes them: each a fraction at the top level, with its Wilson interval and counts beside. */
    record WinogroundReport(double textScore, double imageScore, double groupScore, long examples, long tied, Estimate text, Estimate image,
                            Estimate group) {
    }

    @Command(name = "winoground", description = "Winoground: text, image and group scores from each example's four scores c0_i0, c0_i1,"
            + " c1_i0, c1_i1 (strict >: a tie fails).")
    static final class WinogroundCommand extends Scorer<Winoground.Line> {
        @Override
        Winoground.Line parse(JsonNode line) {
            return BenchmarkLines.winoground(line);
        }

        @Override
        Object report(List<Winoground.Line> lines) {
            Winoground.Scores s = Winoground.score(lines);
            return new WinogroundReport(value(s.text()), value(s.image()), value(s.group()), lines.size(), s.tied().successes(), Estimate.of(s.text()),
                    Estimate.of(s.image()), Estimate.of(s.group()));
        }

        @Override
        void print(Object report) {
            WinogroundReport r = (WinogroundReport) report;
            System.out.printf(Locale.ROOT, "text %.4f  image %.4f  group %.4f  (%d examples, %d with a tie)%n", r.textScore(), r.imageScore(),
                    r.groupScore(), r.examples(), r.tied());
        }
    }

    /** Caption choice as --json writes it. */
    record ChoiceReport(double accuracy, double tieRate, double argmaxFirstAccuracy, long examples, Estimate right, Estimate ties) {
    }

    @Command(name = "choice", description = "Caption choice (ARO, SugarCrepe style): accuracy of scoring the true caption strictly highest,"
            + " ties reported apart, beside what a first-wins argmax would claim. Lines: {id, scores: [...], correct: index (default 0)}.")
    static final class ChoiceCommand extends Scorer<CaptionChoice.Line> {
        @Override
        CaptionChoice.Line parse(JsonNode line) {
            return BenchmarkLines.choice(line);
        }

        @Override
        Object report(List<CaptionChoice.Line> lines) {
            CaptionChoice.Scores s = CaptionChoice.score(lines);
            return new ChoiceReport(value(s.accuracy()), value(s.ties()), value(s.argmaxFirst()), lines.size(), Estimate.of(s.accuracy()),
                    Estimate.of(s.ties()));
        }

        @Override
        void print(Object report) {
            ChoiceReport r = (ChoiceReport) report;
            System.out.printf(Locale.ROOT, "accuracy %.4f  ties %.4f  (a first-wins argmax would claim %.4f; %d examples)%n", r.accuracy(),
                    r.tieRate(), r.argmaxFirstAccuracy(), r.examples());
        }
    }

    /** One VQA question: the model's answer, the human answers, and its answer type when given. */
    record VqaLine(String id, String answer, List<String> humans, String answerType) {
    }

    /** VQA's scores as --json writes them: fractions (the official evaluation prints them times 100). */
    record VqaReport(double accuracy, long questions, Map<String, Double> perAnswerType) {
    }

    @Command(name = "vqa", description = "VQA accuracy as the official evaluation computes it: min(1, matching humans among the other nine / 3),"
            + " averaged over the ten leave-one-out subsets, after its answer normalisation. Lines: {id, answer, answers: [...], answer_type?}.")
    static final class VqaCommand extends Scorer<VqaLine> {
        @InputFile
        @Option(names = "--annotations", description = "The official annotation file: --in is then the official results array"
                + " ([{question_id, answer}]), scored as vqaEval.py scores it (0-100, two decimals).")
        Path annotations;

        @InputFile
        @Option(names = "--questions", description = "The official question file that goes with --annotations.")
        Path questions;

        @Override
        public Integer call() throws Exception {
            if (annotations == null) return super.call();
            VqaFiles.Report report = VqaFiles.score(in, annotations, questions);
            System.out.printf(Locale.ROOT, "Overall Accuracy is: %.2f over %d questions%n", report.overall(), report.questions());
            report.perAnswerType().forEach((type, acc) -> System.out.printf(Locale.ROOT, "  %-10s %.2f%n", type, acc));
            if (json != null) AtomicFiles.writeString(json, Json.pretty(report));
            return 0;
        }

        @Override
        VqaLine parse(JsonNode line) {
            JsonNode answers = line.get("answers");
            if (answers == null || !answers.isArray() || answers.isEmpty()) throw new IllegalArgumentException("\"answers\" must be a list of the human answers");
            List<String> humans = new ArrayList<>();
            for (JsonNode a : answers) humans.add(a.isObject() ? a.path("answer").asText() : a.asText());
            JsonNode type = line.get("answer_type");
            return new VqaLine(BenchmarkLines.id(line), BenchmarkLines.text(line, "answer"), humans, type == null || type.isNull() ? null : type.asText());
        }

        @Override
        Object report(List<VqaLine> lines) {
            double sum = 0;
            Map<String, double[]> types = new java.util.TreeMap<>();
            for (VqaLine l : lines) {
                double acc = dev.lookahead.benchmarks.VqaAccuracy.of(l.answer(), l.humans());
                sum += acc;
                if (l.answerType() != null) {
                    double[] t = types.computeIfAbsent(l.answerType(), k -> new double[2]);
                    t[0] += acc;
                    t[1]++;
                }
            }
            Map<String, Double> perType = new LinkedHashMap<>();
            types.forEach((type, t) -> perType.put(type, t[0] / t[1]));
            return new VqaReport(lines.isEmpty() ? 0 : sum / lines.size(), lines.size(), perType);
        }

        @Override
        void print(Object report) {
            VqaReport r = (VqaReport) report;
            System.out.printf(Locale.ROOT, "VQA accuracy %.4f over %d questions%n", r.accuracy(), r.questions());
            r.perAnswerType().forEach((type, acc) -> System.out.printf(Locale.ROOT, "  %-10s %.4f%n", type, acc));
        }
    }

    @Command(name = "chair", description = "CHAIR_i and CHAIR_s from captions ({id, caption, objects: [objects in the image]}) and a synonym"
            + " table (--synonyms: one object per line, its name first, then its synonyms, comma-separated; exact matching, so list plurals).")
    static final class ChairCommand extends Scorer<dev.lookahead.benchmarks.Chair.Line> {
        @InputFile
        @Option(names = "--synonyms", required = true, description = "The synonym table.")
        Path synonyms;

        private dev.lookahead.benchmarks.Chair chair;

        @Override
        public Integer call() throws Exception {
            chair = dev.lookahead.benchmarks.Chair.ofSynonymTable(synonyms);
            return super.call();
        }

        @Override
        dev.lookahead.benchmarks.Chair.Line parse(JsonNode line) {
            JsonNode objects = line.get("objects");
            if (objects == null || !objects.isArray()) throw new IllegalArgumentException("\"objects\" must be the list of objects in the image");
            java.util.Set<String> truth = new java.util.HashSet<>();
            objects.forEach(o -> truth.add(o.asText()));
            return new dev.lookahead.benchmarks.Chair.Line(BenchmarkLines.id(line), BenchmarkLines.text(line, "caption"), truth);
        }

        @Override
        Object report(List<dev.lookahead.benchmarks.Chair.Line> lines) {
            return chair.score(lines);
        }

        @Override
        void print(Object report) {
            var s = (dev.lookahead.benchmarks.Chair.Scores) report;
            System.out.printf(Locale.ROOT, "CHAIR_i %.4f (%d of %d mentions), CHAIR_s %.4f (%d of %d captions)%n", s.chairI(), s.hallucinatedMentions(),
                    s.mentions(), s.chairS(), s.hallucinatingCaptions(), s.captions());
        }
    }

    private static double value(Proportion p) {
        return p.trials() == 0 ? 0 : p.value();
    }
}
