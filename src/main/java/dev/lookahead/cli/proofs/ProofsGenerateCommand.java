package dev.lookahead.cli.proofs;

import dev.lookahead.cli.Output;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.io.Json;
import dev.lookahead.proofs.DeductionProblem;
import dev.lookahead.proofs.DeductionRule;
import dev.lookahead.proofs.ProblemGenerator;
import dev.lookahead.proofs.ProofFiles;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "generate", description = "Generate deduction problems with gold proofs and in-context demonstrations.")
public final class ProofsGenerateCommand implements Callable<Integer> {
    @Option(names = "--rule", defaultValue = "ModusPonens", description = "ModusPonens, AndIntro, AndElim, OrIntro, OrElim, ProofByContra or Composed (default ${DEFAULT-VALUE}).")
    String rule;

    @Option(names = "--hops", defaultValue = "2", description = "Applications of the rule in the gold proof (default ${DEFAULT-VALUE}; OrElim and ProofByContra are 1 hop).")
    int hops;

    @Option(names = "--width", defaultValue = "2", description = "Conjuncts, disjuncts, cases or subproofs (default ${DEFAULT-VALUE}).")
    int width;

    @Option(names = "--distractors", defaultValue = "relevant", description = "relevant, irrelevant or none (default ${DEFAULT-VALUE}).")
    String distractors;

    @Option(names = "--ordering", defaultValue = "random", description = "Order of the context sentences: random, preorder or postorder (default ${DEFAULT-VALUE}).")
    String ordering;

    @Option(names = "--rule-types", defaultValue = "3", description = "Composed: distinct rule types in a proof, at least (default ${DEFAULT-VALUE}).")
    int ruleTypes;

    @Option(names = "--demos", defaultValue = "0", description = "In-context demonstrations per problem (default ${DEFAULT-VALUE}).")
    int demos;

    @Option(names = "--ood", description = "Demonstrations use the other rules, never the tested one (the paper's out-of-distribution setting).")
    boolean ood;

    @Option(names = "--demo-hops", description = "Hops of the demonstrations, for a depth shift (default: as the problem).")
    Integer demoHops;

    @Option(names = "--demo-width", description = "Width of the demonstrations, for a width shift (default: as the problem).")
    Integer demoWidth;

    @Option(names = "--count", defaultValue = "100", description = "Problems (default ${DEFAULT-VALUE}).")
    int count;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of every random choice (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--format", defaultValue = "jsonl", description = "jsonl, or prontoqa (the study's original JSON shape) (default ${DEFAULT-VALUE}).")
    String format;

    @OutputFile
    @Option(names = "--out", description = "Write here (atomically) instead of standard output.")
    Path out;

    @Override
    public Integer call() throws Exception {
        if (count < 1) throw new IllegalArgumentException("--count must be positive (got " + count + ")");
        if (!format.equals("jsonl") && !format.equals("prontoqa")) throw new IllegalArgumentException("--format is jsonl or prontoqa (got '" + format + "')");
        ProblemGenerator.Options options = new ProblemGenerator.Options(DeductionRule.parse(rule), hops, width,
                ProblemGenerator.Distractors.parse(distractors), ProblemGenerator.Ordering.parse(ordering), ruleTypes, demos, ood,
                demoHops, demoWidth);
        List<DeductionProblem> problems = ProblemGenerator.generate(options, count, seed);
        Output.write(out, writer -> {
            if (format.equals("prontoqa")) {
                writer.write(Json.pretty(ProofFiles.prontoqa(problems)));
                writer.write('\n');
            } else {
                for (DeductionProblem p : problems) {
                    writer.write(ProofFiles.line(p).toString());
                    writer.write('\n');
                }
            }
        });
        int hopsDone = problems.get(0).hops();
        System.err.printf("generated %d %s problems (%d %s, width %d, %s distractors)%n", count, options.rule().id(),
                hopsDone, hopsDone == 1 ? "hop" : "hops", width, distractors);
        return 0;
    }
}
