package dev.lookahead.cli.judges;

import com.fasterxml.jackson.databind.JsonNode;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.LinesOut;
import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.Json;
import dev.lookahead.io.JsonLines;
import dev.lookahead.judges.JudgePrompts;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

@Command(name = "prompts", description = "Judge prompts ready for any model: the additive rubric for each sample of LLM samples ({id, prompt,"
        + " samples: [{text}]}), or the pairwise template for each pairwise item ({id, prompt, response_a, response_b}) in both orders.")
public final class JudgesPromptsCommand implements Callable<Integer> {
    @InputFile
    @Option(names = "--template", defaultValue = "rubric", description = "rubric, pairwise (the shipped templates) or a file of your own (default"
            + " ${DEFAULT-VALUE}); placeholders {prompt}, {response} / {first}, {second}.")
    String template;

    @InputFile
    @Option(names = "--in", required = true, description = "LLM samples (rubric) or pairwise items (pairwise).")
    Path in;

    @Mixin
    LinesOut output;

    @OutputFile
    @Option(names = "--json", description = "Also write a summary here: the template and how many prompts were written.")
    Path json;

    /** What --json holds. */
    record Summary(String template, long prompts) {
    }

    /** One prompt for a judge; the answer comes back as a judgment with the same id (and order). */
    record JudgePrompt(String id, Integer sample, String order, String judgePrompt) {
    }

    @Override
    public Integer call() throws Exception {
        String text = template(template);
        boolean pairwise = text.contains("{first}");
        List<JudgePrompt> prompts = new ArrayList<>();
        List<String> problems = JsonLines.read(in, s -> { }, () -> false, (n, line) -> {
            String id = line.path("id").asText("");
            String prompt = JudgesPairsCommand.text(line, "prompt");
            if (pairwise) {
                String a = JudgesPairsCommand.text(line, "response_a");
                String b = JudgesPairsCommand.text(line, "response_b");
                prompts.add(new JudgePrompt(id, null, "ab", JudgePrompts.fill(text, Map.of("prompt", prompt, "first", a, "second", b))));
                prompts.add(new JudgePrompt(id, null, "ba", JudgePrompts.fill(text, Map.of("prompt", prompt, "first", b, "second", a))));
            } else {
                int i = 0;
                for (JsonNode sample : line.path("samples")) {
                    prompts.add(new JudgePrompt(id, i++, null, JudgePrompts.fill(text, Map.of("prompt", prompt, "response",
                            JudgesPairsCommand.text(sample, "text")))));
                }
                if (line.has("response")) {
                    prompts.add(new JudgePrompt(id, null, null, JudgePrompts.fill(text, Map.of("prompt", prompt, "response",
                            JudgesPairsCommand.text(line, "response")))));
                }
            }
        });
        Output.write(output.path(), writer -> {
            for (JudgePrompt p : prompts) {
                writer.write(Json.line(p));
                writer.write('\n');
            }
        });
        System.err.printf("%d judge prompts%n", prompts.size());
        if (json != null) dev.lookahead.io.AtomicFiles.writeString(json, Json.pretty(new Summary(template, prompts.size())));
        problems.stream().limit(20).forEach(System.err::println);
        return problems.isEmpty() ? 0 : 2;
    }

    private static String template(String name) throws IOException {
        if (name.equals("rubric") || name.equals("pairwise")) {
            try (InputStream in = JudgesPromptsCommand.class.getResourceAsStream("/templates/judge-" + name + ".txt")) {
                if (in == null) throw new IOException("the shipped template " + name + " is missing from the jar");
                return new String(in.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        Path file = Path.of(name);
        if (!Files.isRegularFile(file)) throw new IOException("--template " + name + ": no such file (or choose rubric or pairwise)");
        return dev.lookahead.io.TextLines.readWhole(file);
    }
}
