package dev.lookahead.cli.feedback;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.JsonLineMapper;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.feedback.Vader;
import dev.lookahead.io.Json;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sentiment", description = "Adds VADER's compound, pos, neu and neg (the reference VADER's scores) to each line's text.")
public final class SignalsSentimentCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--in", required = true, description = "JSONL with a text field.")
    Path in;

    @picocli.CommandLine.Mixin
    LinesOut output;

    @Override
    public Integer call() throws Exception {
        Vader vader = Vader.reference();
        JsonLineMapper mapper = new JsonLineMapper();
        int errors = mapper.map(in, output.path(), line -> {
            JsonNode text = line.get("text");
            if (text == null || !text.isTextual()) throw new IllegalArgumentException("the field 'text' is missing or not a string");
            Vader.Scores scores = vader.score(text.asText());
            line.setAll(Json.fields(new Sentiment(scores.compound(), scores.positive(), scores.neutral(), scores.negative())));
        });
        System.err.printf("scored %d lines, %d with errors%n", mapper.lines(), errors);
        return errors > 0 ? 2 : 0;
    }

    /** VADER's scores of a line's text, under VADER's own names. */
    record Sentiment(double compound, double pos, double neu, double neg) {
    }
}
