package dev.lookahead.train;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.io.Json;
import java.io.BufferedReader;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A run's {@code log.jsonl}, written and read in one place: one JSON line per {@link Entry}, each a record serialised
 * as it stands (snake_case names, as the user guide documents them).
 */
public final class TrainingLog {
    public static final String FILE = "log.jsonl";

    private TrainingLog() {
    }

    /** One line of the log. */
    public sealed interface Entry permits Progress, HeldOut, Curriculum {
        long examples();
    }

    /**
     * Progress about once a second: loss and training accuracy averaged over the recent steps, and the accuracy of the
     * last batch alone ({@code batchAccuracy}, null in logs written before it was recorded) - the figure the paper's
     * training log prints and its convergence rule reads.
     */
    public record Progress(long step, long examples, double loss, double trainAccuracy, double lr, long examplesPerSecond,
                           long elapsedSeconds,
                           @com.fasterxml.jackson.annotation.JsonInclude(com.fasterxml.jackson.annotation.JsonInclude.Include.NON_NULL)
                           Double batchAccuracy) implements Entry {
        /** Progress without a batch's own accuracy, as older logs hold it. */
        public Progress(long step, long examples, double loss, double trainAccuracy, double lr, long examplesPerSecond, long elapsedSeconds) {
            this(step, examples, loss, trainAccuracy, lr, examplesPerSecond, elapsedSeconds, null);
        }
    }

    /** A held-out evaluation: accuracy per test bucket ("1".."L", "naive"). */
    public record HeldOut(long step, long examples, Map<String, Double> heldOutAccuracy) implements Entry {
    }

    /** The curriculum moved on to batches of lookaheads up to {@code curriculumLookahead}. */
    public record Curriculum(long step, long examples, int curriculumLookahead) implements Entry {
    }

    /** Appends one entry to the log of the run in {@code folder}. */
    public static void append(Path folder, Entry entry) throws IOException {
        Files.writeString(folder.resolve(FILE), Json.line(entry) + "\n", StandardOpenOption.CREATE, StandardOpenOption.APPEND);
    }

    /**
     * Every entry of the log of the run in {@code folder}, in order (none when there is no log); a torn last line, left
     * by a run killed mid-write, is dropped, and so is a kind of line this build does not know.
     *
     * @throws IOException naming the file and line of any other line that is not an entry
     */
    public static List<Entry> read(Path folder) throws IOException {
        Path log = folder.resolve(FILE);
        List<Entry> entries = new ArrayList<>();
        if (!Files.exists(log)) return entries;
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
                    if (reader.ready()) throw new IOException(log + " line " + number + ": not JSON", e);
                    break;
                }
                Class<? extends Entry> type = line.has("loss") ? Progress.class : line.has("held_out_accuracy") ? HeldOut.class
                        : line.has("curriculum_lookahead") ? Curriculum.class : null;
                if (type == null) continue; // a kind of line this build does not know: another version's, kept for it
                try {
                    entries.add(Json.MAPPER.treeToValue(line, type));
                } catch (com.fasterxml.jackson.core.JsonProcessingException e) {
                    throw new IOException(log + " line " + number + ": not a " + type.getSimpleName().toLowerCase(java.util.Locale.ROOT)
                            + " line of a training log (" + e.getOriginalMessage() + ")", e);
                }
            }
        }
        return entries;
    }
}
