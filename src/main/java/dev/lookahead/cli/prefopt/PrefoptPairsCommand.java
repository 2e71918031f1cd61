package dev.lookahead.cli.prefopt;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LineFields;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.prefopt.Method;
import dev.lookahead.prefopt.PairRecord;
import dev.lookahead.prefopt.PathSample;
import dev.lookahead.prefopt.Problems;
import dev.lookahead.prefopt.TrainingData;
import dev.lookahead.search.TokenLayout;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pairs", description = "Turn sampled paths into preference pairs: scpo (most voted against least voted, no labels), irpo"
        + " (verified correct, the gold path among them, against incorrect) or dpo (irpo's pairs, trained without the NLL term).")
public final class PrefoptPairsCommand implements Callable<Integer> {
    @Option(names = "--method", required = true, paramLabel = "scpo|irpo|dpo", description = "The pair rule.")
    String method;

    @InputFile
    @Option(names = "--in", required = true, description = "The samples (prefopt sample's output).")
    Path in;

    @Option(names = "--tau", defaultValue = "0.5", description = "scpo: keep a problem when its top answer has at least tau * k votes"
            + " (a fraction of k; default ${DEFAULT-VALUE}, ScPO's first iteration).")
    double tau;

    @Option(names = "--pairs-per-problem", description = "irpo/dpo: at most this many pairs per problem (default 10, IRPO's K).")
    Integer perProblem;

    @Mixin
    LinesOut output;

    @Override
    public Integer call() throws Exception {
        Method rule = Method.parse(method);
        if (!rule.pairwise()) throw new IllegalArgumentException("--method " + method + " trains on single paths, not pairs; choose scpo, irpo or dpo");
        if (perProblem != null && rule == Method.SCPO) throw new IllegalArgumentException("--pairs-per-problem belongs to irpo and dpo; scpo makes one pair per problem");
        TrainingData.Rules rules = new TrainingData.Rules(tau, perProblem == null ? TrainingData.Rules.PAPERS.pairsPerProblem() : perProblem);
        int[] counts = new int[3];
        List<String> errors = new ArrayList<>();
        Output.write(output.path(), writer -> JsonLines.forEach(in, (number, source) -> {
            try {
                JsonNode line = source.json();
                int problem = LineFields.requireInt(line, "problem_id");
                int[] tokens = LineFields.requireIntArray(line, "tokens");
                List<PathSample> samples = samples(line);
                counts[0]++;
                List<Integer> gold = rule.usesLabels() ? Problems.gold(new TokenLayout(LineFields.requireInt(line, "n")), tokens) : List.of();
                List<PairRecord> pairs = TrainingData.forProblem(rule, rules, problem, tokens, samples, gold);
                if (!pairs.isEmpty()) counts[1]++;
                for (PairRecord p : pairs) {
                    writer.write(Json.line(p));
                    writer.write('\n');
                    counts[2]++;
                }
            } catch (RuntimeException | com.fasterxml.jackson.core.JsonProcessingException e) {
                errors.add(in.getFileName() + " line " + number + ": " + JsonLineMapper.firstLine(e.getMessage()));
            }
        }));
        System.err.printf("%s: %d pairs from %d of %d problems%n", rule.id(), counts[2], counts[1], counts[0]);
        errors.stream().limit(10).forEach(System.err::println);
        return errors.isEmpty() ? 0 : 2;
    }

    private static List<PathSample> samples(JsonNode line) {
        JsonNode array = line.get("samples");
        if (array == null || !array.isArray() || array.isEmpty()) throw new IllegalArgumentException("\"samples\" must be a non-empty list");
        List<PathSample> samples = new ArrayList<>();
        for (JsonNode s : array) {
            List<Integer> path = new ArrayList<>();
            s.path("path").forEach(v -> path.add(v.asInt()));
            if (!s.path("correct").isBoolean()) throw new IllegalArgumentException("each sample needs path, logprob, answer and correct");
            samples.add(new PathSample(path, s.path("logprob").asDouble(), s.path("answer").asText(PathSample.answerOf(path)), s.get("correct").asBoolean()));
        }
        return samples;
    }
}
