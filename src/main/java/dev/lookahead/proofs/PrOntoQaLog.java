package dev.lookahead.proofs;

import com.fasterxml.jackson.annotation.JsonInclude;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.Json;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/**
 * Reads the result logs the PrOntoQA-OOD experiment script writes for a model (the format its
 * {@code analyze_log} parses): for each example the last "Q: " line (the context, then "Prove: ..." or
 * "True or false: ..."), the model's "Predicted answer:", the "Expected answer:" (the gold chain of
 * thought, followed by its True/False label unless the run was proofs-only) and an "n: " summary line
 * numbering the trials. Each example becomes a line {@code proofs check} checks: id (the trial), question,
 * query, gold_proof, candidate_proof, and the predicted and expected labels when there are any. An example
 * the script marked CONTEXT_TOO_LONG_ERROR has no answer and is left out, as the script leaves it out.
 */
public final class PrOntoQaLog {
    private static final Set<String> TRUE = Set.of("true", "t", "yes", "y", "correct", "right");
    private static final Set<String> FALSE = Set.of("false", "f", "no", "n", "incorrect", "wrong");

    private PrOntoQaLog() {
    }

    /** The examples of a log, in order; a malformed log is refused naming the file and line. */
    public static List<ObjectNode> read(Path file) throws IOException {
        List<String> lines = dev.lookahead.io.TextLines.readWhole(file).lines().toList();
        List<ObjectNode> examples = new ArrayList<>();
        String question = null;
        int trial = 0;
        int k = 0;
        while (k < lines.size()) {
            String line = lines.get(k);
            if (line.startsWith("Q: ")) {
                question = line.substring(3);
                k++;
                continue;
            }
            if (!line.startsWith("Predicted answer:")) {
                k++;
                continue;
            }
            int startLine = k + 1;
            StringBuilder predicted = new StringBuilder(line.substring("Predicted answer:".length()));
            k++;
            while (k < lines.size() && !lines.get(k).startsWith("Expected answer: ")) predicted.append('\n').append(lines.get(k++));
            if (k >= lines.size()) throw malformed(file, startLine, "a predicted answer with no 'Expected answer:' after it");
            StringBuilder expected = new StringBuilder(lines.get(k).substring("Expected answer: ".length()));
            k++;
            while (k < lines.size() && !lines.get(k).startsWith("n: ")) expected.append('\n').append(lines.get(k++));
            if (k >= lines.size()) throw malformed(file, startLine, "an example with no 'n: ' summary line after its expected answer");
            int number = trialNumber(file, k + 1, lines.get(k));
            if (number != trial + 1) throw malformed(file, k + 1, "trial " + number + " follows trial " + trial + " (the numbers must count up by one)");
            trial = number;
            if (question == null) throw malformed(file, startLine, "a predicted answer before any 'Q: ' line");
            // the script's own marker for a prompt the model could not take: no answer to check
            if (!predicted.toString().contains("CONTEXT_TOO_LONG_ERROR")) {
                examples.add(example(file, startLine, trial, question, predicted.toString().strip(), expected.toString().strip()));
            }
            k++;
        }
        return examples;
    }

    private static int trialNumber(Path file, int lineNumber, String line) {
        int comma = line.indexOf(',');
        try {
            return Integer.parseInt(line.substring(3, comma < 0 ? line.length() : comma).strip());
        } catch (NumberFormatException e) {
            throw malformed(file, lineNumber, "'" + line + "' does not start with 'n: <trial number>,'");
        }
    }

    private static ObjectNode example(Path file, int lineNumber, int trial, String question, String predicted, String expected) {
        int prove = question.indexOf("Prove:");
        int trueOrFalse = question.indexOf("True or false:");
        int split = trueOrFalse >= 0 ? trueOrFalse : prove;
        if (split < 0) throw malformed(file, lineNumber, "the question of trial " + trial + " has neither 'Prove:' nor 'True or false:'");
        boolean proofsOnly = trueOrFalse < 0;
        String goldText = expected;
        String expectedLabel = null;
        if (!proofsOnly) {
            int space = expected.lastIndexOf(' ');
            goldText = space < 0 ? "" : expected.substring(0, space);
            expectedLabel = expected.substring(space + 1).strip();
        }
        String answer = predicted;
        int cut = answer.indexOf("Q:");
        if (cut >= 0) answer = answer.substring(0, cut);
        answer = answer.stripTrailing();
        int labelAt = answer.lastIndexOf(' ');
        int period = answer.lastIndexOf('.');
        if (period > labelAt) {
            String possible = answer.substring(Math.max(0, labelAt), period).strip().toLowerCase(Locale.ROOT);
            if (!TRUE.contains(possible) && !FALSE.contains(possible)) labelAt = period + 1;
        }
        String predictedLabel = labelAt + 1 < answer.length() ? answer.substring(labelAt + 1).strip().toLowerCase(Locale.ROOT) : null;
        return Json.fields(new Example(Integer.toString(trial), question.substring(0, split).strip(), question.substring(split).strip(),
                expectedLabel, SentenceParser.sentences(goldText),
                SentenceParser.sentences(answer.substring(0, Math.max(0, Math.min(labelAt, answer.length())))), predictedLabel, lineNumber));
    }

    /** One trial of the log as a line to check; the labels only when the run asked for them. */
    private record Example(String id, String question, String query, @JsonInclude(JsonInclude.Include.NON_NULL) String expectedLabel,
                           List<String> goldProof, List<String> candidateProof, @JsonInclude(JsonInclude.Include.NON_NULL) String predictedLabel,
                           int logLine) {
    }

    private static IllegalArgumentException malformed(Path file, int line, String problem) {
        return new IllegalArgumentException(file + ", line " + line + ": " + problem + " - not a result log of the PrOntoQA-OOD script");
    }
}
