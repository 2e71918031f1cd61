package dev.lookahead.experiments;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.train.LearningCurve;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * What one finished sweep job measured; written as {@code result.json} in the job's folder, and
 * one line of the sweep's {@code results.jsonl}.
 *
 * @param parameters        trainable parameters
 * @param flops             training compute as the paper counts it: 6 x examples x parameters
 * @param bestTrainAccuracy the highest training accuracy reached (a mean over the last 50 steps)
 * @param converged         the paper's rule: some logged training batch reached 0.995 ({@link LearningCurve#converged}),
 *                          recomputed from the job's log.jsonl whenever the sweep is collected
 * @param convergedMean50   the workbench's first rule: {@code bestTrainAccuracy >= 0.995}
 * @param testLoss          the search task: mean cross-entropy on the balanced held-out sets, lookahead 1..L together; the
 *                          in-context tasks: the paper's binary cross-entropy against the accepted answers
 *                          ({@link dev.lookahead.train.Evaluation#multiHotLoss}) on the bucket its train.py evaluates
 *                          (backtrack 8 for DFS, frontier 4 and branch 4 for SI) when the size has it, else the mean
 *                          of the per-bucket losses
 * @param testLossByBucket  in-context tasks: that loss per test bucket (empty for the search task)
 * @param testLossOver      in-context tasks: what {@code testLoss} is taken over - the paper's bucket, or the mean over
 *                          the buckets where the size has not that bucket (the paper's code defines no loss there); null
 *                          for the search task
 * @param testCrossEntropySampled in-context tasks: the workbench's first test loss, the cross-entropy of one sampled
 *                          accepted answer averaged over every bucket (null for the search task)
 * @param testAccuracy      final held-out accuracy by bucket ("1".."L", "naive")
 */
public record JobResult(String id, int n, int layers, int hidden, String distribution, long seed, int maxLookahead,
                        long examples, long parameters, double flops, double bestTrainAccuracy, boolean converged,
                        boolean convergedMean50, double testLoss, Map<String, Double> testAccuracy, double seconds,
                        Map<String, Double> testLossByBucket, String testLossOver, Double testCrossEntropySampled) {

    /** The paper's threshold for a converged seed. */
    public static final double CONVERGED = LearningCurve.CONVERGED;

    public JobResult {
        Map<String, Double> ordered = new LinkedHashMap<>();
        Map<String, Double> given = testAccuracy;
        given.keySet().stream().sorted(JobResult::bucketOrder).forEach(k -> ordered.put(k, given.get(k)));
        testAccuracy = java.util.Collections.unmodifiableMap(ordered);
        testLossByBucket = testLossByBucket == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(testLossByBucket));
    }

    /** The result as {@code result.json} and each line of {@code results.jsonl} hold it (the record, serialised as it stands). */
    public ObjectNode toJson() {
        return Json.fields(this);
    }

    public static JobResult fromJson(JsonNode json) {
        Map<String, Double> accuracy = new LinkedHashMap<>();
        json.path("test_accuracy").properties().forEach(e -> accuracy.put(e.getKey(), e.getValue().asDouble()));
        return new JobResult(json.get("id").asText(), json.get("n").asInt(), json.get("layers").asInt(), json.get("hidden").asInt(),
                json.get("distribution").asText(), json.get("seed").asLong(), json.path("max_lookahead").asInt(),
                json.get("examples").asLong(), json.get("parameters").asLong(), json.get("flops").asDouble(),
                json.get("best_train_accuracy").asDouble(), json.get("converged").asBoolean(),
                json.has("converged_mean50") ? json.get("converged_mean50").asBoolean() : json.get("best_train_accuracy").asDouble() >= CONVERGED,
                json.get("test_loss").asDouble(), accuracy, json.path("seconds").asDouble(), byBucket(json.path("test_loss_by_bucket")),
                json.hasNonNull("test_loss_over") ? json.get("test_loss_over").asText() : null,
                json.hasNonNull("test_cross_entropy_sampled") ? json.get("test_cross_entropy_sampled").asDouble() : null);
    }

    private static Map<String, Double> byBucket(JsonNode node) {
        Map<String, Double> out = new LinkedHashMap<>();
        node.properties().forEach(e -> out.put(e.getKey(), e.getValue().asDouble()));
        return out;
    }

    /** This result with both convergence rules read from its run's learning curve (when the log has any progress). */
    public JobResult withConvergenceFrom(LearningCurve curve) {
        if (curve.training().isEmpty()) return this;
        return new JobResult(id, n, layers, hidden, distribution, seed, maxLookahead, examples, parameters, flops, curve.bestTrainingAccuracy(),
                curve.converged(), curve.convergedMean50(), testLoss, testAccuracy, seconds, testLossByBucket, testLossOver, testCrossEntropySampled);
    }

    /** Lookahead buckets in numeric order, then "naive". */
    static int bucketOrder(String a, String b) {
        boolean aNumber = a.matches("-?\\d+");
        boolean bNumber = b.matches("-?\\d+");
        if (aNumber && bNumber) return Integer.compare(Integer.parseInt(a), Integer.parseInt(b));
        return aNumber ? -1 : bNumber ? 1 : a.compareTo(b);
    }
}
