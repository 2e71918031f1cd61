package dev.lookahead.cli.bench;

import dev.lookahead.cli.proofs.SemanticsOption;
import dev.lookahead.proofs.DeductionProblem;
import dev.lookahead.proofs.DeductionRule;
import dev.lookahead.proofs.ProblemGenerator;
import dev.lookahead.proofs.ProofCheck;
import dev.lookahead.proofs.ProofSemantics;
import dev.lookahead.proofs.SentenceParser;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "proofs", description = "Proofs checked per second (parsing context, gold and candidate included), on generated problems of every rule.")
public final class BenchProofsCommand implements Callable<Integer> {
    @picocli.CommandLine.Mixin
    BenchJson json;

    @Option(names = "--proofs", defaultValue = "10000", description = "Proofs per repeat (default ${DEFAULT-VALUE}).")
    int proofs;

    @Option(names = "--repeats", defaultValue = "5", description = "Measured repeats; the median is reported (default ${DEFAULT-VALUE}).")
    int repeats;

    @picocli.CommandLine.Mixin
    SemanticsOption semantics;

    @Override
    public Integer call() throws Exception {
        ProofSemantics mode = semantics.value();
        dev.lookahead.proofs.UnreadableSentences unreadable = semantics.unreadable();
        List<DeductionProblem> problems = new ArrayList<>();
        DeductionRule[] rules = DeductionRule.values();
        int each = (proofs + rules.length - 1) / rules.length;
        for (DeductionRule rule : rules) {
            int hops = rule.oneHop() ? 1 : rule == DeductionRule.COMPOSED ? 4 : 3;
            problems.addAll(ProblemGenerator.generate(new ProblemGenerator.Options(rule, hops, rule == DeductionRule.MODUS_PONENS ? 1 : 2,
                    ProblemGenerator.Distractors.RELEVANT, ProblemGenerator.Ordering.RANDOM, 3, 0, false, null, null), each, 1));
        }
        List<DeductionProblem> measured = problems.subList(0, proofs);
        // half the candidates are the gold proof, half drop its second step: both paths of the checker run
        long[] strictProofs = new long[1];
        double rate = Repeats.medianRate(1, repeats, () -> {
            long strict = 0;
            for (int k = 0; k < measured.size(); k++) {
                DeductionProblem p = measured.get(k);
                List<String> candidate = new ArrayList<>(p.goldProof());
                if (k % 2 == 1 && candidate.size() > 2) candidate.remove(1);
                try {
                    if (ProofCheck.check(p.context(), p.goldProof(), candidate, mode, unreadable).strict()) strict++;
                } catch (SentenceParser.Unreadable e) {
                    throw new IllegalStateException(e);
                }
            }
            strictProofs[0] = strict;
            return measured.size();
        });
        double seconds = proofs / rate;
        System.out.printf("checked %,d proofs under the %s semantics (every rule, relevant distractors, gold and mutated): median of %d repeats%n",
                proofs, mode.id(), repeats);
        System.out.printf("  %,.0f proofs/s, %.2f s for %,d proofs (%,d of them strict)%n", rate, seconds, proofs, strictProofs[0]);
        json.write(new Summary("proofs", proofs, mode.id(), repeats, Math.round(rate), seconds, strictProofs[0]));
        return 0;
    }

    /** What {@code --json} holds. */
    record Summary(String benchmark, int proofs, String semantics, int repeats, long proofsPerSecond, double secondsForAll, long strict) {
    }
}
