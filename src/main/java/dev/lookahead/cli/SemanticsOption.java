package dev.lookahead.cli;

import dev.lookahead.proofs.PaperEvaluator;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import picocli.CommandLine.Option;

/** The option of every command that checks proofs: which semantics decides each step. */
final class SemanticsOption {
    @Option(names = "--semantics", defaultValue = "workbench", paramLabel = "paper|corrected|workbench",
            description = "paper: the PrOntoQA-OOD evaluator's decisions, step by step (its per-step lists and flags under its own names;"
                    + " needs gold_proof); corrected: the same with the evaluator's known defects fixed, each fix that matters named under"
                    + " deviations; workbench: the workbench's own checker (docs/user-guide.md). Default: ${DEFAULT-VALUE}.")
    String semantics;

    /** Refuses an unknown name before any work is done. */
    void refuseUnknown() {
        if (!List.of("paper", "corrected", "workbench").contains(semantics)) {
            throw new IllegalArgumentException("unknown --semantics '" + semantics + "'; choose paper, corrected or workbench");
        }
    }

    /** The workbench's own checker rather than the evaluator. */
    boolean workbench() {
        refuseUnknown();
        return semantics.equals("workbench");
    }

    /** The evaluator's defects to fix: none for the paper's semantics, all for the corrected one. */
    Set<PaperEvaluator.Fix> fixes() {
        return semantics.equals("corrected") ? EnumSet.allOf(PaperEvaluator.Fix.class) : Set.of();
    }
}
