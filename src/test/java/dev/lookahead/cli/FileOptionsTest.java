package dev.lookahead.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.lang.reflect.Field;
import java.lang.reflect.ParameterizedType;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import picocli.CommandLine;
import picocli.CommandLine.Model.ArgSpec;

/** Every option that names a file says whether the command reads or writes it, so no output can be an input. */
class FileOptionsTest {

    @Test
    void everyFileOptionOfEveryCommandIsMarkedAsAnInputOrAnOutput() {
        List<String> unmarked = new ArrayList<>();
        List<String> fileOptions = new ArrayList<>();
        walk(new CommandLine(new LookaheadCommand()), unmarked, fileOptions);
        assertThat(fileOptions).as("the walk finds the file options").hasSizeGreaterThan(60);
        assertThat(unmarked).as("file options marked neither @InputFile nor @OutputFile").isEmpty();
    }

    private static void walk(CommandLine command, List<String> unmarked, List<String> fileOptions) {
        for (ArgSpec arg : command.getCommandSpec().args()) {
            if (!(arg.userObject() instanceof Field field) || !namesAFile(field)) continue;
            String name = command.getCommandSpec().qualifiedName() + " " + field.getName();
            fileOptions.add(name);
            boolean input = field.isAnnotationPresent(InputFile.class);
            boolean output = field.isAnnotationPresent(OutputFile.class);
            if (input == output) unmarked.add(name);
        }
        command.getSubcommands().values().forEach(sub -> walk(sub, unmarked, fileOptions));
    }

    private static boolean namesAFile(Field field) {
        if (field.getType() == Path.class || field.getType() == java.io.File.class) return true;
        return field.getGenericType() instanceof ParameterizedType list && list.getActualTypeArguments()[0] == Path.class;
    }

    @Test
    void eachOutputThatIsAnInputOfAnotherNameIsRefusedAndTheInputStaysAsItWas(@TempDir Path dir) throws Exception {
        Path file = dir.resolve("precious.txt");
        List<String[]> commands = List.of(
                new String[] {"vlm", "chair", "--in", "samples/benchmarks/chair-captions-synthetic.jsonl", "--synonyms", "F", "--json", "F"},
                new String[] {"gpqa", "score", "--in", "samples/benchmarks/gpqa_main-synthetic.csv", "--key", "samples/benchmarks/gpqa_main-synthetic.csv",
                    "--csv", "F", "--json", "F"},
                new String[] {"prefopt", "reward", "eval", "--model", "n32-paths", "--samples", "F", "--json", "F"},
                new String[] {"gpqa", "prompts", "--in", "samples/benchmarks/gpqa_main-synthetic.csv", "--shots", "F", "--out", "F"},
                new String[] {"judges", "prompts", "--in", "samples/judges/pairwise-synthetic.jsonl", "--template", "F", "--out", "F"},
                new String[] {"proofs", "check", "--in", "samples/proofs/checked-sample.jsonl", "--unreadable-patterns", "F", "--out", "F"});
        for (String[] command : commands) {
            Files.writeString(file, "what the user already had\n");
            String[] args = command.clone();
            for (int i = 0; i < args.length; i++) if (args[i].equals("F")) args[i] = file.toString();
            assertThat(LookaheadCommand.execute(args)).as(String.join(" ", command)).isEqualTo(2);
            assertThat(Files.readString(file)).as(String.join(" ", command)).isEqualTo("what the user already had\n");
        }
    }

    @Test
    void aBadOptionValueIsRefusedBeforeAnExistingOutputIsTouched(@TempDir Path dir) throws Exception {
        Path out = dir.resolve("pairs.jsonl");
        List<String[]> commands = List.of(
                new String[] {"prefopt", "pairs", "--method", "irpo", "--pairs-per-problem", "0", "--in", "samples/judges/llm-samples-synthetic.jsonl",
                    "--out", "OUT"},
                new String[] {"judges", "pairs", "--method", "scpo", "--tau", "5", "--in", "samples/judges/llm-samples-synthetic.jsonl", "--out", "OUT"});
        for (String[] command : commands) {
            Files.writeString(out, "pairs made yesterday\n");
            String[] args = command.clone();
            for (int i = 0; i < args.length; i++) if (args[i].equals("OUT")) args[i] = out.toString();
            assertThat(LookaheadCommand.execute(args)).as(String.join(" ", command)).isNotZero();
            assertThat(Files.readString(out)).as(String.join(" ", command)).isEqualTo("pairs made yesterday\n");
        }
    }
}
