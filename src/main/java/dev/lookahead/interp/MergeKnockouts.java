package dev.lookahead.interp;

import dev.lookahead.model.Interventions;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Example;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Does the traced circuit compute the answer? (docs/interventions.md) For each example, trace it under the paper's
 * rules, knock out at once every merge operation the trace found - an attention operation between two positions that
 * the tracer explains by a token match or a position step, the operations of the paper's merge heatmap - and, as the
 * control, as many other attention operations drawn at random in the same blocks (several draws). Per lookahead: the
 * accuracy and the mean logit difference clean, with the merges knocked out, and with the random operations knocked out.
 */
public final class MergeKnockouts {
    /** One lookahead's figures. */
    public record Bucket(int lookahead, int examples, double mergesPerExample, Estimate cleanAccuracy, Estimate mergesOutAccuracy,
                         Estimate randomOutAccuracy, double cleanLogitDifference, double mergesOutLogitDifference,
                         double randomOutLogitDifference, double[] mergesOutInterval, double[] randomOutInterval) {
    }

    private MergeKnockouts() {
    }

    /** The operations of a trace this experiment knocks out. */
    static List<Interventions.Knockout> merges(Trace trace) {
        List<Interventions.Knockout> out = new ArrayList<>();
        for (Trace.Operation op : trace.operations()) {
            boolean merge = op.kind() == Trace.Kind.TOKEN_MATCH || op.kind() == Trace.Kind.POSITION_FORWARD || op.kind() == Trace.Kind.POSITION_BACKWARD;
            if (merge && op.source() != op.destination()) out.add(new Interventions.Knockout(op.layer(), op.source(), op.destination()));
        }
        return out;
    }

    /** As many random operations in the same blocks: keys that are not padding, other than the query, none of the merges. */
    static List<Interventions.Knockout> randomLike(List<Interventions.Knockout> merges, int[] tokens, TokenLayout layout, SplittableRandom random) {
        Set<Interventions.Knockout> taken = new HashSet<>(merges);
        List<Interventions.Knockout> out = new ArrayList<>();
        int n = tokens.length;
        for (Interventions.Knockout m : merges) {
            for (int attempt = 0; attempt < 10_000; attempt++) {
                int from = random.nextInt(n);
                int to = random.nextInt(n);
                Interventions.Knockout k = new Interventions.Knockout(m.layer(), from, to);
                if (from == to || tokens[from] == layout.padToken() || tokens[to] == layout.padToken() || !taken.add(k)) continue;
                out.add(k);
                break;
            }
        }
        return out;
    }

    public static List<Bucket> run(SearchModel model, Map<Integer, List<Example>> byLookahead, int draws, long seed, DoubleConsumer progress,
                                   BooleanSupplier cancelled) {
        CircuitTracer tracer = new CircuitTracer(model).withRules(Trace.Rules.PAPER);
        Interventions interventions = new Interventions(model, List.of());
        TokenLayout layout = model.config().layout();
        SplittableRandom random = new SplittableRandom(seed);
        int total = byLookahead.values().stream().mapToInt(List::size).sum();
        int done = 0;
        List<Bucket> buckets = new ArrayList<>();
        for (var entry : byLookahead.entrySet()) {
            long[] right = new long[3];
            List<Double> clean = new ArrayList<>();
            List<Double> mergesOut = new ArrayList<>();
            List<Double> randomOut = new ArrayList<>();
            long randomRight = 0;
            long randomTrials = 0;
            long mergeCount = 0;
            for (Example e : entry.getValue()) {
                if (cancelled.getAsBoolean()) return buckets;
                int[] tokens = e.tokens();
                int[] correct = e.usefulNext();
                Trace trace = tracer.trace(tokens, cancelled);
                List<Interventions.Knockout> merges = merges(trace);
                mergeCount += merges.size();
                Interventions.Outcome base = interventions.run(tokens, Interventions.Plan.none());
                Interventions.Outcome knocked = interventions.run(tokens, new Interventions.Plan(merges, List.of(), null));
                clean.add(CausalEffect.logitDifference(base.logits(), correct, layout.maxVertex()));
                mergesOut.add(CausalEffect.logitDifference(knocked.logits(), correct, layout.maxVertex()));
                if (isCorrect(base, correct)) right[0]++;
                if (isCorrect(knocked, correct)) right[1]++;
                double randomSum = 0;
                for (int d = 0; d < draws; d++) {
                    Interventions.Outcome other = interventions.run(tokens, new Interventions.Plan(randomLike(merges, tokens, layout, random), List.of(), null));
                    randomSum += CausalEffect.logitDifference(other.logits(), correct, layout.maxVertex());
                    if (isCorrect(other, correct)) randomRight++;
                    randomTrials++;
                }
                randomOut.add(randomSum / draws);
                progress.accept(++done / (double) total);
            }
            int count = entry.getValue().size();
            buckets.add(new Bucket(entry.getKey(), count, count == 0 ? Double.NaN : (double) mergeCount / count, Estimate.of(new Proportion(right[0], count)),
                    Estimate.of(new Proportion(right[1], count)), Estimate.of(new Proportion(randomRight, randomTrials)), mean(clean), mean(mergesOut), mean(randomOut),
                    interval(mergesOut), interval(randomOut)));
        }
        return buckets;
    }

    private static boolean isCorrect(Interventions.Outcome outcome, int[] correct) {
        int predicted = outcome.predicted();
        for (int c : correct) if (c == predicted) return true;
        return false;
    }

    private static double mean(List<Double> values) {
        return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
    }

    /** A normal-approximation 95% interval of the mean. */
    private static double[] interval(List<Double> values) {
        int n = values.size();
        if (n < 2) return null;
        double m = mean(values);
        double var = 0;
        for (double v : values) var += (v - m) * (v - m);
        double half = 1.96 * Math.sqrt(var / (n - 1) / n);
        return new double[] {m - half, m + half};
    }

    /** The standard balanced test examples, {@code perLookahead} of each lookahead the model's size allows. */
    public static Map<Integer, List<Example>> standardExamples(SearchModel model, int perLookahead) {
        TokenLayout layout = model.config().layout();
        Map<Integer, List<Example>> out = new java.util.TreeMap<>();
        dev.lookahead.search.EvaluationSets.standard(layout, layout.defaultMaxLookahead(), perLookahead, dev.lookahead.search.EvaluationSets.STANDARD_SEED)
                .forEach((bucket, examples) -> {
                    if (!bucket.equals(dev.lookahead.search.EvaluationSets.NAIVE) && !examples.isEmpty()) out.put(Integer.parseInt(bucket), examples);
                });
        return out;
    }

    /** The figures as a map for writing, per lookahead. */
    public static Map<String, Bucket> byName(List<Bucket> buckets) {
        Map<String, Bucket> out = new LinkedHashMap<>();
        for (Bucket b : buckets) out.put(Integer.toString(b.lookahead()), b);
        return out;
    }
}
