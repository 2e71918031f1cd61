package dev.lookahead.cli.proofs;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.io.Json;
import dev.lookahead.io.TextLines;
import dev.lookahead.proofs.CheckedProof;
import dev.lookahead.proofs.ProofFiles;
import dev.lookahead.proofs.ProofSemantics;
import dev.lookahead.proofs.UnreadableSentences;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "check", description = "Check candidate proofs step by step against their context and gold proof.")
public final class ProofsCheckCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--in", required = true, description = "JSONL lines with question, query, candidate_proof (list or string) and optional gold_proof;"
            + " or a file in the original PrOntoQA JSON shape, whose gold proofs are then checked.")
    Path in;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Option(names = "--format", defaultValue = "auto", paramLabel = "auto|prontoqa-log",
            description = "auto: JSONL lines, or a file in the original PrOntoQA JSON shape; prontoqa-log: a result log written by the"
                    + " PrOntoQA-OOD experiment script (Q:, Predicted answer:, Expected answer:, n: per example), to re-score a model's"
                    + " published outputs. Default: ${DEFAULT-VALUE}.")
    String format;

    @picocli.CommandLine.Mixin
    SemanticsOption semantics;

    @Override
    public Integer call() throws Exception {
        ProofSemantics mode = semantics.value();
        UnreadableSentences unreadable = semantics.unreadable();
        if (!Files.isRegularFile(in)) throw new NoSuchFileException(in.toString(), null, "no such input file");
        if (!format.equals("auto") && !format.equals("prontoqa-log")) {
            throw new IllegalArgumentException("unknown --format '" + format + "'; choose auto or prontoqa-log");
        }
        JsonNode document = format.equals("auto") ? wholeDocument(in) : null;
        int[] counts = new int[2];
        int errors;
        if (format.equals("prontoqa-log") || (document != null && ProofFiles.isPrOntoQa(document))) {
            List<ObjectNode> lines = format.equals("prontoqa-log") ? dev.lookahead.proofs.PrOntoQaLog.read(in) : ProofFiles.checkLines(document);
            int[] failed = new int[1];
            Output.write(output.path(), writer -> {
                for (ObjectNode line : lines) {
                    try {
                        tally(line, mode, unreadable, counts);
                    } catch (Exception e) {
                        failed[0]++;
                        line.put("error", line.path("id").asText() + ": " + JsonLineMapper.firstLine(e.getMessage()));
                    }
                    writer.write(line.toString());
                    writer.write('\n');
                }
            });
            errors = failed[0];
        } else {
            errors = new JsonLineMapper().map(in, output.path(), line -> tally(line, mode, unreadable, counts));
        }
        System.err.printf("checked proofs: %d strict, %d valid (strict, skip or non-atomic), %d lines with errors%n",
                counts[0], counts[1], errors);
        return errors > 0 ? 2 : 0;
    }

    /** Checks one line under the chosen semantics and counts its verdict. */
    private static void tally(ObjectNode line, ProofSemantics mode, UnreadableSentences unreadable, int[] counts) throws Exception {
        CheckedProof checked = ProofFiles.check(line, mode, unreadable);
        if (checked.strict()) counts[0]++;
        if (checked.validProof()) counts[1]++;
    }

    /** The file as one JSON document when it is not JSONL (a pretty-printed PrOntoQA file), else null. */
    private static JsonNode wholeDocument(Path file) throws java.io.IOException {
        try (TextLines reader = TextLines.open(file)) {
            TextLines.Line first = reader.next();
            while (first != null && first.isBlank()) first = reader.next();
            if (first == null) return null;
            try {
                JsonNode line = first.json();
                if (!ProofFiles.isPrOntoQa(line)) return null;
            } catch (Exception notOneLine) {
                // not a complete object on one line: read the whole file below
            }
        }
        try {
            return Json.MAPPER.readTree(file.toFile());
        } catch (Exception e) {
            return null;
        }
    }
}
