package dev.lookahead.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A run's learning curve as its {@code log.jsonl} records it. A run resumed from a checkpoint logs
 * again the steps after that checkpoint; the later lines win, so the curve is the run that the
 * weights actually went through.
 *
 * @param training  one point per progress line: loss and accuracy averaged over the last steps
 * @param heldOut   one point per held-out evaluation
 */
public record LearningCurve(List<TrainingPoint> training, List<HeldOutPoint> heldOut) {

    public record TrainingPoint(long examples, double loss, double accuracy) {
    }

    /** @param accuracy by bucket: "1".."L", "naive" */
    public record HeldOutPoint(long examples, Map<String, Double> accuracy) {
    }

    public LearningCurve {
        training = List.copyOf(training);
        heldOut = List.copyOf(heldOut);
    }

    public static LearningCurve read(Path runFolder) throws IOException {
        Path log = runFolder.resolve(TrainingRun.LOG);
        List<TrainingPoint> training = new ArrayList<>();
        List<HeldOutPoint> heldOut = new ArrayList<>();
        if (!Files.exists(log)) return new LearningCurve(training, heldOut);
        try (BufferedReader reader = Files.newBufferedReader(log)) {
            String text;
            int number = 0;
            while ((text = reader.readLine()) != null) {
                number++;
                if (text.isBlank()) continue;
                JsonNode line;
                try {
                    line = Json.MAPPER.readTree(text);
                } catch (IOException e) {
                    // a run killed mid-write leaves a torn last line; anything else is damage worth naming
                    if (reader.ready()) throw new IOException(log + " line " + number + ": not JSON", e);
                    break;
                }
                long examples = line.path("examples").asLong();
                training.removeIf(p -> p.examples() > examples);
                heldOut.removeIf(p -> p.examples() > examples);
                if (line.has("loss")) {
                    training.add(new TrainingPoint(examples, line.get("loss").asDouble(), line.path("train_accuracy").asDouble()));
                } else if (line.has("held_out_accuracy")) {
                    Map<String, Double> accuracy = new LinkedHashMap<>();
                    line.get("held_out_accuracy").properties().forEach(e -> accuracy.put(e.getKey(), e.getValue().asDouble()));
                    heldOut.add(new HeldOutPoint(examples, accuracy));
                }
            }
        }
        return new LearningCurve(training, heldOut);
    }

    /** The highest training accuracy the run reached (each point already averages many steps); 0 for an empty log. */
    public double bestTrainingAccuracy() {
        return training.stream().mapToDouble(TrainingPoint::accuracy).max().orElse(0);
    }

    /** The lowest training loss reached; NaN for an empty log. */
    public double lowestTrainingLoss() {
        return training.stream().mapToDouble(TrainingPoint::loss).min().orElse(Double.NaN);
    }
}
