package dev.lookahead.cli.judges;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.judges.FinalAnswers;
import dev.lookahead.judges.JudgmentFiles;
import dev.lookahead.judges.PairSelection;
import dev.lookahead.judges.RubricScores;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "pairs", description = "Preference pairs in the form DPO trainers read: scpo and irpo from LLM samples ({id, prompt, samples:"
        + " [{text, answer?}], gold?, gold_solution?}), self-rewarding from pointwise judgments ({id, prompt, response, judgments: [{judge,"
        + " output}]}) by their mean rubric score.")
public final class JudgesPairsCommand implements Callable<Integer> {
    @Option(names = "--method", required = true, paramLabel = "scpo|irpo|self-rewarding", description = "The pair rule.")
    String method;

    @InputFile
    @Option(names = "--in", required = true, description = "LLM samples (scpo, irpo) or pointwise judgments (self-rewarding).")
    Path in;

    @Option(names = "--tau", defaultValue = "0.5", description = "scpo: keep a prompt when its top answer has at least tau * k votes (default ${DEFAULT-VALUE}).")
    double tau;

    @Option(names = "--pairs-per-problem", defaultValue = "10", description = "irpo: at most this many pairs per prompt (default ${DEFAULT-VALUE}).")
    int perProblem;

    @Option(names = "--answer-pattern", description = "A pattern tried before the default answer rules (a regular expression with one group).")
    List<String> answerPatterns;

    @Option(names = "--score-pattern", description = "self-rewarding: the rubric score's pattern (default \"Score: N\", its last match).")
    String scorePattern;

    @Mixin
    LinesOut output;

    @OutputFile
    @Option(names = "--json", description = "Also write a summary here: pairs made, prompts that gave one, samples or judgments not parsed.")
    Path json;

    /** What --json holds. */
    record Summary(String method, long pairs, long promptsWithPairs, long unparsed) {
    }

    /** One DPO-ready line. */
    @JsonInclude(JsonInclude.Include.NON_NULL)
    record DpoLine(String id, String method, String prompt, String chosen, String rejected, double weight, Integer votesChosen, Integer votesRejected,
                   Integer k, Double scoreChosen, Double scoreRejected) {
    }

    @Override
    public Integer call() throws Exception {
        String rule = method.toLowerCase(Locale.ROOT);
        if (!List.of("scpo", "irpo", "self-rewarding").contains(rule)) {
            throw new IllegalArgumentException("unknown --method '" + method + "'; choose scpo, irpo or self-rewarding");
        }
        PairSelection.requireVoteShare(tau);
        FinalAnswers answers = answerPatterns == null ? FinalAnswers.DEFAULT : FinalAnswers.withPatterns(answerPatterns);
        RubricScores scores = scorePattern == null ? RubricScores.DEFAULT : RubricScores.of(scorePattern);
        List<DpoLine> pairs = new ArrayList<>();
        long[] unparsed = {0};
        List<String> problems;
        if (rule.equals("self-rewarding")) {
            Map<String, List<double[]>> byPrompt = new LinkedHashMap<>();
            Map<String, List<String>> responses = new LinkedHashMap<>();
            Map<String, String> ids = new LinkedHashMap<>();
            JudgmentFiles.Read<JudgmentFiles.PointwiseResponse> read = JudgmentFiles.pointwise(in, share -> { }, () -> false);
            problems = read.problems();
            for (JudgmentFiles.PointwiseResponse line : read.items()) {
                String prompt = line.prompt();
                String response = line.response();
                double sum = 0;
                int scored = 0;
                for (String output : line.outputs()) {
                    OptionalDouble score = scores.read(output);
                    if (score.isPresent()) {
                        sum += score.getAsDouble();
                        scored++;
                    } else {
                        unparsed[0]++;
                    }
                }
                ids.putIfAbsent(prompt, line.id());
                responses.computeIfAbsent(prompt, p -> new ArrayList<>()).add(response);
                byPrompt.computeIfAbsent(prompt, p -> new ArrayList<>()).add(new double[] {scored == 0 ? Double.NaN : sum / scored});
            }
            byPrompt.forEach((prompt, list) -> {
                double[] mean = list.stream().mapToDouble(d -> d[0]).toArray();
                PairSelection.selfRewarding(mean).ifPresent(p -> pairs.add(new DpoLine(ids.get(prompt), rule, prompt, responses.get(prompt).get(p[0]),
                        responses.get(prompt).get(p[1]), 1.0, null, null, mean.length, mean[p[0]], mean[p[1]])));
            });
        } else {
            problems = JsonLines.read(in, s -> { }, () -> false, (n, line) -> {
                String prompt = text(line, "prompt");
                List<String> texts = new ArrayList<>();
                List<String> read = new ArrayList<>();
                for (JsonNode sample : line.path("samples")) {
                    String text = text(sample, "text");
                    JsonNode given = sample.get("answer");
                    Optional<String> answer = given != null && !given.isNull() ? Optional.of(given.asText().strip()) : answers.read(text);
                    if (answer.isEmpty()) {
                        unparsed[0]++;
                        if (rule.equals("scpo")) continue; // a sample whose answer cannot be read does not vote
                    }
                    texts.add(text);
                    read.add(answer.orElse(null));
                }
                if (texts.isEmpty()) throw new IllegalArgumentException("\"samples\" holds no sample with a readable answer");
                String id = line.path("id").asText("");
                if (rule.equals("scpo")) scpo(id, prompt, texts, read, pairs);
                else irpo(id, prompt, texts, read, line, pairs);
            });
        }
        Output.write(output.path(), writer -> {
            for (DpoLine p : pairs) {
                writer.write(Json.line(p));
                writer.write('\n');
            }
        });
        System.err.printf("%s: %d pairs; %d samples or judgments not parsed%n", rule, pairs.size(), unparsed[0]);
        if (json != null) {
            dev.lookahead.io.AtomicFiles.writeString(json, Json.pretty(new Summary(rule, pairs.size(), pairs.stream().map(DpoLine::prompt).distinct().count(),
                    unparsed[0])));
        }
        problems.stream().limit(20).forEach(System.err::println);
        return problems.isEmpty() ? 0 : 2;
    }

    private void scpo(String id, String prompt, List<String> texts, List<String> answers, List<DpoLine> pairs) {
        PairSelection.scpo(answers, tau).ifPresent(v -> pairs.add(new DpoLine(id, "scpo", prompt, texts.get(v.chosen()), texts.get(v.rejected()),
                v.weight(), v.votesChosen(), v.votesRejected(), answers.size(), null, null)));
    }

    private void irpo(String id, String prompt, List<String> texts, List<String> answers, JsonNode line, List<DpoLine> pairs) {
        JsonNode gold = line.get("gold");
        if (gold == null || gold.isNull()) throw new IllegalArgumentException("irpo needs \"gold\", the right final answer");
        String right = FinalAnswers.DEFAULT.read("\\boxed{" + gold.asText() + "}").orElse(gold.asText().strip());
        List<String> winners = new ArrayList<>();
        List<String> losers = new ArrayList<>();
        JsonNode solution = line.get("gold_solution");
        if (solution != null && !solution.isNull()) winners.add(solution.asText());
        for (int i = 0; i < texts.size(); i++) {
            List<String> side = right.equals(answers.get(i)) ? winners : losers;
            if (!side.contains(texts.get(i))) side.add(texts.get(i));
        }
        for (int[] p : PairSelection.cycle(winners.size(), losers.size(), perProblem)) {
            pairs.add(new DpoLine(id, "irpo", prompt, winners.get(p[0]), losers.get(p[1]), 1.0, null, null, texts.size(), null, null));
        }
    }

    static String text(JsonNode line, String field) {
        JsonNode value = line.get(field);
        if (value == null || value.isNull()) throw new IllegalArgumentException("\"" + field + "\" is missing");
        return value.asText();
    }
}
