package dev.lookahead.cli;

import dev.lookahead.proofs.ProofSemantics;
import picocli.CommandLine.Option;

/** The option of every command that checks proofs: which semantics decides each step. */
final class SemanticsOption {
    @Option(names = "--semantics", defaultValue = "paper", paramLabel = "paper|corrected",
            description = "paper: the PrOntoQA-OOD evaluator's decisions, step by step, its known defects kept (its per-step lists and"
                    + " flags under its own names); corrected: the same evaluator with each known defect fixed, each fix that changes a"
                    + " proof named under deviations (docs/user-guide.md). Both need gold_proof. Default: ${DEFAULT-VALUE}.")
    String semantics;

    /** The chosen semantics; an unknown name is refused with the names to choose from. */
    ProofSemantics value() {
        return ProofSemantics.parse(semantics);
    }
}
