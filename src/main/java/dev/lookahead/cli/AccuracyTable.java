package dev.lookahead.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import dev.lookahead.stats.Proportion;
import java.io.PrintStream;
import java.util.Map;

/** Accuracy per bucket with Wilson 95% intervals, as a table for people and as JSON. */
public final class AccuracyTable {
    private AccuracyTable() {
    }

    public static void print(PrintStream out, String title, Map<String, Proportion> accuracy) {
        out.println(title);
        out.println("  bucket      accuracy   95% interval        correct/total");
        accuracy.forEach((bucket, p) -> out.printf("  %-10s  %8.4f   [%.4f, %.4f]   %6d/%d%n",
                bucket.equals("naive") ? "naive" : "lookahead " + bucket, p.value(), p.lower(), p.upper(), p.successes(), p.trials()));
    }

    public static ObjectNode json(Map<String, Proportion> accuracy) {
        ObjectNode node = Json.MAPPER.createObjectNode();
        accuracy.forEach((bucket, p) -> put(node.putObject(bucket), p));
        return node;
    }

    /** A proportion as JSON: its value, Wilson 95% interval and counts. */
    public static ObjectNode put(ObjectNode cell, Proportion p) {
        cell.setAll(Json.fields(Cell.of(p)));
        return cell;
    }

    /** A proportion as it is written: its value, Wilson 95% interval and counts. */
    public record Cell(double value, double lower, double upper, long successes, long trials) {
        public static Cell of(Proportion p) {
            return new Cell(p.value(), p.lower(), p.upper(), p.successes(), p.trials());
        }
    }
}
