package dev.lookahead.interp;

import dev.lookahead.model.Interventions;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.EvaluationSets;
import dev.lookahead.search.Example;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;

/**
 * One intervention's effect on a graph's next-vertex prediction (docs/interventions.md): the clean and the intervened
 * outputs, and the logit difference between the best-scored correct next vertex and the best-scored other vertex,
 * before and after - above zero when the model prefers a correct step.
 */
public record CausalEffect(int[] tokens, Interventions.Outcome clean, Interventions.Outcome intervened, double cleanLogitDifference,
                           double intervenedLogitDifference, int[] usefulNext) {

    /** Inputs a mean ablation averages over unless given others: the standard balanced test inputs, this many per lookahead. */
    public static final int REFERENCE_PER_LOOKAHEAD = 20;

    /** The effect of {@code plan} on {@code input}'s first step. */
    public static CausalEffect of(Interventions interventions, SearchInput input, Interventions.Plan plan) {
        int[] tokens = Tokenizer.encode(input);
        int[] useful = new GroundTruth(input.edges()).usefulNext(input.current(), input.goal());
        if (useful.length == 0) {
            throw new IllegalArgumentException("the goal " + input.goal() + " is not reachable from " + input.current()
                    + ", so no next vertex is correct and the logit difference is undefined");
        }
        Interventions.Outcome clean = interventions.run(tokens, Interventions.Plan.none());
        Interventions.Outcome intervened = plan.empty() ? clean : interventions.run(tokens, plan);
        return new CausalEffect(tokens, clean, intervened, logitDifference(clean.logits(), useful, input.layout().maxVertex()),
                logitDifference(intervened.logits(), useful, input.layout().maxVertex()), useful);
    }

    public double change() {
        return intervenedLogitDifference - cleanLogitDifference;
    }

    /** The best logit among the correct next vertices minus the best among the other vertex tokens. */
    static double logitDifference(float[] logits, int[] correct, int maxVertex) {
        double best = Double.NEGATIVE_INFINITY;
        double other = Double.NEGATIVE_INFINITY;
        for (int v = 1; v <= maxVertex; v++) {
            boolean right = false;
            for (int c : correct) right |= c == v;
            if (right) best = Math.max(best, logits[v]);
            else other = Math.max(other, logits[v]);
        }
        return best - other;
    }

    /** Reference inputs from a file of JSON lines with {@code tokens} (as generate writes them), each n tokens long. */
    public static List<int[]> referenceFrom(java.nio.file.Path file, int n) throws java.io.IOException {
        List<int[]> inputs = new ArrayList<>();
        List<String> problems = dev.lookahead.io.JsonLines.readRecords(file, share -> { }, () -> false, (number, line) -> {
            com.fasterxml.jackson.databind.JsonNode tokens = line.get("tokens");
            if (tokens == null || !tokens.isArray() || tokens.size() != n) throw new IllegalArgumentException("needs \"tokens\", a list of " + n);
            int[] row = new int[n];
            for (int i = 0; i < n; i++) row[i] = tokens.get(i).asInt();
            inputs.add(row);
        });
        if (!problems.isEmpty()) throw new IllegalArgumentException(problems.get(0) + (problems.size() > 1 ? " (and " + (problems.size() - 1) + " more)" : ""));
        if (inputs.isEmpty()) throw new IllegalArgumentException(file.getFileName() + " holds no reference input");
        return inputs;
    }

    /** The standard balanced test inputs at the model's size, {@value #REFERENCE_PER_LOOKAHEAD} per lookahead. */
    public static List<int[]> standardReference(SearchModel model) {
        TokenLayout layout = model.config().layout();
        List<int[]> inputs = new ArrayList<>();
        EvaluationSets.standard(layout, layout.defaultMaxLookahead(), REFERENCE_PER_LOOKAHEAD, EvaluationSets.STANDARD_SEED).forEach((bucket, examples) -> {
            if (!bucket.equals(EvaluationSets.NAIVE)) for (Example e : examples) inputs.add(e.tokens());
        });
        return inputs;
    }
}
