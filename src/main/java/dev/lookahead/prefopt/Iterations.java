package dev.lookahead.prefopt;

import com.fasterxml.jackson.core.type.TypeReference;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.io.RunLock;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.TokenRow;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.LastEvaluation;
import dev.lookahead.train.LearningCurve;
import dev.lookahead.train.Trainer;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.TreeMap;
import java.util.function.BooleanSupplier;

/**
 * Iterated preference optimisation, M0 -> M1 -> M2 ...: each iteration draws new problems, samples k paths from the
 * current policy, builds the method's training lines, fixes the reference (the iteration's starting weights), trains,
 * and measures whole-path accuracy on held-out problems; its model is the next iteration's policy and reference. Every
 * stage is written to the run's folder as it finishes, so a run resumes where it stopped:
 * <pre>
 * OUT/prefopt.json            the plan
 * OUT/iter-0/eval.json        the starting model, measured
 * OUT/iter-i/samples.jsonl    the problems and their k samples (prefopt sample's lines)
 * OUT/iter-i/pairs.jsonl      the method's training lines, with the reference's log-probabilities
 * OUT/iter-i/checkpoint.bin, model.json, weights.bin, log.jsonl   the training (a loadable model)
 * OUT/iter-i/eval.json        what the iteration gave
 * </pre>
 */
public final class Iterations {
    public static final String PLAN = "prefopt.json";
    public static final String SAMPLES = "samples.jsonl";
    public static final String PAIRS = "pairs.jsonl";
    public static final String EVAL = "eval.json";
    /** Held-out problems are drawn with this seed, apart from every iteration's training problems. */
    public static final long HELD_OUT_SEED = 424_242;
    /** Problems sampled per batch of forward passes. */
    private static final int CHUNK = 64;

    /**
     * Everything that decides a run.
     *
     * @param model            the starting policy (a shipped model's name or a folder)
     * @param problems         new problems per iteration
     * @param evalPerLookahead held-out problems per lookahead
     */
    public record Plan(String method, String model, int iterations, int problems, PathSampler.Settings sampling, TrainingData.Rules rules,
                       PreferenceRun.Settings training, String distribution, int evalPerLookahead, long seed, String device) {
        public Plan {
            Method.parse(method);
            if (iterations < 1) throw new IllegalArgumentException("--iterations must be at least 1 (got " + iterations + ")");
            if (problems < 1) throw new IllegalArgumentException("--problems must be at least 1 (got " + problems + ")");
            if (evalPerLookahead < 1) throw new IllegalArgumentException("--eval-per-lookahead must be at least 1 (got " + evalPerLookahead + ")");
            if (!Method.parse(method).equals(training.loss().method())) throw new IllegalArgumentException("the loss belongs to another method");
        }

        Method parsedMethod() {
            return Method.parse(method);
        }
    }

    /**
     * What an iteration gave (iteration 0: the starting model).
     *
     * @param wholePath            greedy whole-path accuracy per lookahead on the held-out problems
     * @param samplesCorrect       share of the k samples that reach the goal, per lookahead of the training problems
     * @param majorityCorrect      share of training problems whose most voted answer reaches the goal
     * @param majorityByVoteShare  the most voted answer's accuracy by its vote share (ScPO's central observation)
     * @param lines                training lines (pairs, or paths for rft and sft)
     * @param problemsWithLines    training problems that gave at least one line
     * @param chosenCorrect        share of lines whose chosen path is correct (ScPO's pairs can prefer a wrong path)
     * @param finalLoss            the mean loss of the iteration's last logged steps
     */
    public record Result(int iteration, String method, Map<String, Estimate> wholePath, Map<String, Estimate> samplesCorrect,
                         Estimate majorityCorrect, Map<String, Estimate> majorityByVoteShare, long lines, long problemsWithLines,
                         Estimate chosenCorrect, Double finalLoss, double trainingSeconds) {
    }

    /** What a run reports as it goes; every method is called on the running thread. */
    public interface Report extends Trainer.Listener {
        /** A stage of an iteration began ("sampling", "pairs", "training", "evaluating"). */
        default void stage(int iteration, String stage) {
        }

        /** Sampling progress: problems done of total. */
        default void sampled(int iteration, int done, int total) {
        }

        default void finished(Result result) {
        }
    }

    private final Plan plan;
    private final Path out;

    private Iterations(Plan plan, Path out) {
        this.plan = plan;
        this.out = out;
    }

    /** A new run in {@code out}, which must not hold one. */
    public static Iterations start(Plan plan, Path out) throws IOException {
        if (Files.exists(out.resolve(PLAN))) {
            throw new IOException(out + " already holds a preference run; pass --resume to continue it or choose another --out");
        }
        if (Files.exists(out.resolve(ModelFiles.WEIGHTS))) {
            throw new IOException(out + " holds a model (" + ModelFiles.WEIGHTS + "); a preference run there would mix with it"
                    + " - choose another --out");
        }
        Files.createDirectories(out);
        AtomicFiles.writeString(out.resolve(PLAN), Json.pretty(plan));
        return new Iterations(plan, out);
    }

    /** The run in {@code out}, to continue; {@code iterations} (if not null) raises the number of iterations. */
    public static Iterations resume(Path out, Integer iterations) throws IOException {
        Path file = out.resolve(PLAN);
        if (!Files.isRegularFile(file)) throw new IOException(out + " holds no preference run to resume (no " + PLAN + ")");
        Plan plan;
        try {
            plan = Json.MAPPER.readValue(file.toFile(), Plan.class);
        } catch (IOException | IllegalArgumentException e) {
            throw new IOException(file + ": not a readable plan (" + e.getMessage() + "); put back the run's own " + PLAN, e);
        }
        if (iterations != null && iterations != plan.iterations()) {
            if (iterations < plan.iterations()) throw new IOException("--iterations " + iterations + " is below the run's " + plan.iterations());
            plan = new Plan(plan.method(), plan.model(), iterations, plan.problems(), plan.sampling(), plan.rules(), plan.training(),
                    plan.distribution(), plan.evalPerLookahead(), plan.seed(), plan.device());
            AtomicFiles.writeString(file, Json.pretty(plan));
        }
        return new Iterations(plan, out);
    }

    public Plan plan() {
        return plan;
    }

    public static Path iterationFolder(Path out, int iteration) {
        return out.resolve("iter-" + iteration);
    }

    /** Every iteration's result so far, in order. */
    public static List<Result> results(Path out) throws IOException {
        List<Result> results = new ArrayList<>();
        for (int i = 0; Files.isRegularFile(iterationFolder(out, i).resolve(EVAL)); i++) {
            results.add(Json.MAPPER.readValue(iterationFolder(out, i).resolve(EVAL).toFile(), Result.class));
        }
        return results;
    }

    /** Runs the iterations not yet finished, until the last or until {@code cancelled}; returns every result so far. */
    public List<Result> run(Report report, BooleanSupplier cancelled) throws IOException, InterruptedException {
        try (RunLock lock = RunLock.take(out)) {
            return runLocked(report, cancelled);
        }
    }

    private List<Result> runLocked(Report report, BooleanSupplier cancelled) throws IOException, InterruptedException {
        SearchModel probe = SearchModel.openSearch(plan.model(), plan.device());
        TokenLayout layout = probe.config().layout();
        Map<Integer, List<Example>> heldOut = Problems.heldOut(layout, Distribution.parse(plan.distribution()), HELD_OUT_SEED,
                plan.evalPerLookahead());
        Set<TokenRow> excluded = new HashSet<>();
        heldOut.values().forEach(list -> list.forEach(e -> excluded.add(TokenRow.of(layout, e.tokens()))));
        try (SearchModel start = probe) {
            Path first = iterationFolder(out, 0);
            if (!Files.isRegularFile(first.resolve(EVAL))) {
                report.stage(0, "evaluating");
                Result result = new Result(0, plan.method(), estimates(PathEvaluation.greedy(start, heldOut)), Map.of(), null, Map.of(), 0, 0,
                        null, null, 0);
                Files.createDirectories(first);
                AtomicFiles.writeString(first.resolve(EVAL), Json.pretty(result));
                report.finished(result);
            }
        }
        for (int i = 1; i <= plan.iterations() && !cancelled.getAsBoolean(); i++) {
            if (Files.isRegularFile(iterationFolder(out, i).resolve(EVAL))) continue;
            iterate(i, layout, heldOut, excluded, report, cancelled);
        }
        return results(out);
    }

    private void iterate(int i, TokenLayout layout, Map<Integer, List<Example>> heldOut, Set<TokenRow> excluded, Report report,
                         BooleanSupplier cancelled) throws IOException, InterruptedException {
        Path folder = iterationFolder(out, i);
        Files.createDirectories(folder);
        String policyName = i == 1 ? plan.model() : iterationFolder(out, i - 1).toString();
        SearchModel policy = SearchModel.openSearch(policyName, plan.device());
        List<SampleLine> samples;
        List<PairRecord> lines;
        try {
            samples = samples(i, policy, layout, excluded, report, cancelled);
            if (samples == null) {
                policy.close();
                return;
            }
            report.stage(i, "pairs");
            lines = lines(folder, samples, policy);
        } catch (IOException | RuntimeException e) {
            policy.close();
            throw e;
        }
        report.stage(i, "training");
        PreferenceRun.Settings training = plan.training();
        PreferenceRun.Settings seeded = new PreferenceRun.Settings(training.loss(), training.epochs(), training.batch(), training.learningRate(),
                training.warmupSteps(), training.weightDecay(), training.clipNorm(), training.seed() * 1000 + i, training.evalEvery());
        try (PreferenceRun run = PreferenceRun.open(seeded, folder, policy, lines, heldOut)) {
            LastEvaluation seen = new LastEvaluation(report);
            Trainer.run(run, Trainer.commonListeners(seen), cancelled);
            if (!run.finished()) return;
            report.stage(i, "evaluating");
            // the loop evaluated the finished model at its last step; a run opened finished is evaluated here
            Map<String, Proportion> wholePath = seen.last().orElseGet(() -> PathEvaluation.greedy(run.model(), heldOut));
            Result result = result(i, samples, lines, wholePath, folder, run.elapsedSeconds());
            AtomicFiles.writeString(folder.resolve(EVAL), Json.pretty(result));
            report.finished(result);
        }
    }

    /** One problem and its k samples, as a line of samples.jsonl (prefopt sample's shape). */
    public record SampleLine(int problemId, int n, int[] tokens, int lookahead, List<PathSample> samples) {
    }

    /** A samples file as {@code prefopt sample} and each iteration write it. */
    public static List<SampleLine> readSamples(Path file) throws IOException {
        return readLines(file, new TypeReference<SampleLine>() { });
    }

    /** A samples file someone gives: the lines that read, and the problem ("name line N: ...") of each line that does not. */
    public record SamplesFile(List<SampleLine> lines, List<String> problems) {
        /** Reads every line it can; a line without its fields, or one that is not a JSON object, is a problem and left out. */
        public static SamplesFile read(Path file) throws IOException {
            List<SampleLine> lines = new ArrayList<>();
            List<String> problems = JsonLines.read(file, share -> { }, () -> false, (number, json) -> lines.add(checked(json)));
            return new SamplesFile(lines, problems);
        }

        /** Every line of a file to train on, or none: a line that does not read is named, with the others like it, and refuses the file. */
        public static List<SampleLine> whole(Path file) throws IOException {
            SamplesFile read = read(file);
            if (read.problems().isEmpty()) return read.lines();
            throw new dev.lookahead.io.WrongShapeException(String.join("\n", read.problems()) + "\n" + read.problems().size() + " lines of " + file
                    + " do not read; nothing was trained (fix or remove them)");
        }

        private static SampleLine checked(com.fasterxml.jackson.databind.JsonNode json) throws IOException {
            if (!json.isObject()) throw new IllegalArgumentException("not a JSON object; each line is one problem as prefopt sample writes it");
            for (String field : List.of("problem_id", "n", "tokens", "samples")) {
                if (!json.hasNonNull(field)) throw new IllegalArgumentException("no \"" + field + "\"");
            }
            if (!json.get("samples").isArray()) throw new IllegalArgumentException("\"samples\" is not a list");
            for (com.fasterxml.jackson.databind.JsonNode sample : json.get("samples")) {
                if (!sample.hasNonNull("path") || !sample.hasNonNull("answer")) {
                    throw new IllegalArgumentException("a sample without its \"path\" and \"answer\"");
                }
            }
            SampleLine line;
            try {
                line = Json.MAPPER.treeToValue(json, SampleLine.class);
            } catch (com.fasterxml.jackson.databind.JsonMappingException e) {
                String field = e.getPath().stream().map(r -> r.getFieldName() != null ? r.getFieldName() : "[" + r.getIndex() + "]")
                        .reduce((a, b) -> b.startsWith("[") ? a + b : a + "." + b).orElse("a field");
                throw new IllegalArgumentException("\"" + field + "\" is not of the type prefopt sample writes");
            }
            if (line.tokens().length != line.n()) {
                throw new IllegalArgumentException("\"tokens\" holds " + line.tokens().length + " tokens where \"n\" is " + line.n());
            }
            return line;
        }
    }

    /** The iteration's problems and samples: read back when written before, else drawn, sampled and written; null if cancelled. */
    private List<SampleLine> samples(int i, SearchModel policy, TokenLayout layout, Set<TokenRow> excluded, Report report,
                                     BooleanSupplier cancelled) throws IOException {
        Path file = iterationFolder(out, i).resolve(SAMPLES);
        if (Files.isRegularFile(file)) return readSamples(file);
        report.stage(i, "sampling");
        long seed = plan.seed() * 1000 + i;
        List<Example> problems = Problems.draw(layout, Distribution.parse(plan.distribution()), seed, plan.problems(), excluded);
        PathSampler sampler = new PathSampler(policy, plan.sampling());
        SplittableRandom master = new SplittableRandom(seed * 0x9E3779B97F4A7C15L + 7);
        List<SampleLine> lines = new ArrayList<>();
        for (int from = 0; from < problems.size(); from += CHUNK) {
            if (cancelled.getAsBoolean()) return null;
            List<Example> chunk = problems.subList(from, Math.min(problems.size(), from + CHUNK));
            List<PathSampler.Query> queries = chunk.stream().map(PathSampler.Query::of).toList();
            List<SplittableRandom> randoms = chunk.stream().map(e -> master.split()).toList();
            List<List<PathSample>> drawn = sampler.sampleAll(queries, randoms);
            for (int c = 0; c < chunk.size(); c++) {
                Example e = chunk.get(c);
                lines.add(new SampleLine(from + c, layout.n(), e.tokens(), e.lookahead(), drawn.get(c)));
            }
            report.sampled(i, lines.size(), problems.size());
        }
        writeLines(file, lines);
        return lines;
    }

    /** The method's training lines with the reference's log-probabilities: read back, or built and written. */
    private List<PairRecord> lines(Path folder, List<SampleLine> samples, SearchModel reference) throws IOException {
        Path file = folder.resolve(PAIRS);
        if (Files.isRegularFile(file)) return readLines(file, new TypeReference<PairRecord>() { });
        Method method = plan.parsedMethod();
        List<PairRecord> built = new ArrayList<>();
        for (SampleLine line : samples) {
            List<Integer> gold = method.usesLabels() ? Problems.gold(new TokenLayout(line.n()), line.tokens()) : List.of();
            built.addAll(TrainingData.forProblem(method, plan.rules(), line.problemId(), line.tokens(), line.samples(), gold));
        }
        List<SequenceScores.Sequence> sequences = new ArrayList<>();
        for (PairRecord p : built) sequences.add(new SequenceScores.Sequence(p.prompt(), p.chosen()));
        for (PairRecord p : built) sequences.add(new SequenceScores.Sequence(p.prompt(), p.rejected().isEmpty() ? p.chosen() : p.rejected()));
        double[] scores = SequenceScores.logProbs(reference, sequences);
        List<PairRecord> lines = new ArrayList<>(built.size());
        for (int p = 0; p < built.size(); p++) {
            lines.add(built.get(p).withReference(scores[p], built.get(p).rejected().isEmpty() ? 0 : scores[built.size() + p]));
        }
        writeLines(file, lines);
        return lines;
    }

    private Result result(int i, List<SampleLine> samples, List<PairRecord> lines, Map<String, Proportion> wholePath, Path folder,
                          double seconds) throws IOException {
        Map<String, Proportion> samplesCorrect = new TreeMap<>();
        Proportion majority = new Proportion(0, 0);
        Map<String, Proportion> byShare = new TreeMap<>();
        for (SampleLine line : samples) {
            for (PathSample s : line.samples()) samplesCorrect.merge(Integer.toString(line.lookahead()), new Proportion(s.correct() ? 1 : 0, 1), Proportion::add);
            VoteShare.Top top = VoteShare.top(line.samples());
            majority = majority.plus(top.correct());
            byShare.merge(VoteShare.bin(top.share()), new Proportion(top.correct() ? 1 : 0, 1), Proportion::add);
        }
        Set<Integer> withLines = new HashSet<>();
        Proportion chosenCorrect = new Proportion(0, 0);
        for (PairRecord p : lines) {
            withLines.add(p.problemId());
            chosenCorrect = chosenCorrect.plus(p.chosenCorrect());
        }
        LearningCurve log = LearningCurve.read(folder);
        return new Result(i, plan.method(), estimates(wholePath), estimates(samplesCorrect), Estimate.of(majority), estimates(byShare),
                lines.size(), withLines.size(), Estimate.of(chosenCorrect), log.lastLoss(), seconds);
    }

    /** Each proportion as JSON writes it. */
    public static Map<String, Estimate> estimates(Map<String, Proportion> proportions) {
        Map<String, Estimate> out = new LinkedHashMap<>();
        proportions.forEach((key, p) -> out.put(key, Estimate.of(p)));
        return out;
    }

    private static <T> List<T> readLines(Path file, TypeReference<T> type) throws IOException {
        List<T> lines = new ArrayList<>();
        try (BufferedReader reader = Files.newBufferedReader(file)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) continue;
                try {
                    lines.add(Json.MAPPER.readValue(text, type));
                } catch (IOException | IllegalArgumentException e) {
                    throw new IOException(file + " line " + number + ": " + e.getMessage().lines().findFirst().orElse("")
                            + "; delete the file to make it again", e);
                }
            }
        }
        return lines;
    }

    private static void writeLines(Path file, List<?> lines) throws IOException {
        AtomicFiles.writeText(file, writer -> {
            for (Object line : lines) {
                writer.write(Json.line(line));
                writer.write('\n');
            }
        });
    }
}
