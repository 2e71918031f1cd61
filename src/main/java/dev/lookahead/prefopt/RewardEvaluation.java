package dev.lookahead.prefopt;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * How good a reward model is, on held-out sampled problems: pairwise accuracy (the reward orders a correct path above an
 * incorrect one of the same problem; a tie counts as wrong), critique accuracy (its first-wrong-step choice is right, on
 * every distinct path and on the incorrect ones alone), and best-of-k (the highest-rewarded of a problem's k samples
 * reaches the goal), overall and per lookahead - beside what needs no reward model: one sample, the most voted
 * answer, and any of the k (the ceiling).
 */
public final class RewardEvaluation {
    /** A reward model measured, as {@code prefopt reward eval --json} and a run's {@code eval.json} write it. */
    public record Report(String model, int problems, Map<String, Estimate> reward, Map<String, Estimate> baselines) {
    }

    private RewardEvaluation() {
    }

    /** Every measure of the model and every baseline, on the held-out problems. */
    public static Report report(SearchModel model, String name, List<Iterations.SampleLine> lines, int perProblem) {
        return report(name, lines, measure(model, lines, perProblem));
    }

    /** The report from measures already taken ({@link #measure}) on these lines, with the baselines beside them. */
    public static Report report(String name, List<Iterations.SampleLine> lines, Map<String, Proportion> measured) {
        return new Report(name, lines.size(), Iterations.estimates(measured), Iterations.estimates(baselines(lines)));
    }

    /** The reward model's measures, by name ("pairwise", "critique", "critique_incorrect", "best_of_k", "best_of_k L2", ...). */
    public static Map<String, Proportion> measure(SearchModel model, List<Iterations.SampleLine> lines, int perProblem) {
        TokenLayout layout = model.config().layout();
        Map<String, Proportion> result = new LinkedHashMap<>();
        List<RewardRun.Pair> pairs = RewardData.pairs(layout, lines, perProblem);
        int[][] pairRows = new int[2 * pairs.size()][];
        for (int i = 0; i < pairs.size(); i++) {
            pairRows[i] = pairs.get(i).chosen();
            pairRows[pairs.size() + i] = pairs.get(i).rejected();
        }
        List<RewardModel.Reading> pairReadings = RewardModel.read(model, pairRows);
        long ordered = 0;
        for (int i = 0; i < pairs.size(); i++) ordered += pairReadings.get(i).reward() > pairReadings.get(pairs.size() + i).reward() ? 1 : 0;
        result.put("pairwise", new Proportion(ordered, pairs.size()));

        List<int[]> rows = new ArrayList<>();
        List<Integer> targets = new ArrayList<>();
        List<int[]> problemRange = new ArrayList<>();
        for (Iterations.SampleLine line : lines) {
            int from = rows.size();
            for (PathSample s : line.samples()) {
                rows.add(RewardModel.encode(layout, line.tokens(), s.path()));
                targets.add(RewardModel.critiqueTarget(layout, line.tokens(), s.path()));
            }
            problemRange.add(new int[] {from, rows.size()});
        }
        List<RewardModel.Reading> readings = RewardModel.read(model, rows.toArray(int[][]::new));
        Proportion critique = new Proportion(0, 0);
        Proportion critiqueIncorrect = new Proportion(0, 0);
        Map<String, Proportion> bestOfK = new java.util.TreeMap<>();
        for (int p = 0; p < lines.size(); p++) {
            Iterations.SampleLine line = lines.get(p);
            int[] range = problemRange.get(p);
            List<String> seen = new ArrayList<>();
            int best = range[0];
            for (int r = range[0]; r < range[1]; r++) {
                PathSample s = line.samples().get(r - range[0]);
                if (readings.get(r).reward() > readings.get(best).reward()) best = r;
                if (seen.contains(s.answer())) continue;
                seen.add(s.answer());
                boolean right = readings.get(r).critique() == targets.get(r);
                critique = critique.plus(right);
                if (!s.correct()) critiqueIncorrect = critiqueIncorrect.plus(right);
            }
            boolean chosenCorrect = line.samples().get(best - range[0]).correct();
            bestOfK.merge("all", new Proportion(chosenCorrect ? 1 : 0, 1), Proportion::add);
            bestOfK.merge("L" + line.lookahead(), new Proportion(chosenCorrect ? 1 : 0, 1), Proportion::add);
        }
        result.put("critique", critique);
        result.put("critique_incorrect", critiqueIncorrect);
        bestOfK.forEach((key, value) -> result.put(key.equals("all") ? "best_of_k" : "best_of_k " + key, value));
        return result;
    }

    /** What needs no reward model, overall and per lookahead: the first sample, the most voted answer, any of the k. */
    public static Map<String, Proportion> baselines(List<Iterations.SampleLine> lines) {
        Map<String, Proportion> result = new java.util.TreeMap<>();
        for (Iterations.SampleLine line : lines) {
            boolean first = line.samples().get(0).correct();
            boolean majority = VoteShare.top(line.samples()).correct();
            boolean any = line.samples().stream().anyMatch(PathSample::correct);
            for (String scope : List.of("", " L" + line.lookahead())) {
                result.merge("one_sample" + scope, new Proportion(first ? 1 : 0, 1), Proportion::add);
                result.merge("majority" + scope, new Proportion(majority ? 1 : 0, 1), Proportion::add);
                result.merge("any_of_k" + scope, new Proportion(any ? 1 : 0, 1), Proportion::add);
            }
        }
        return result;
    }
}
