package dev.lookahead.cli.proofs;

import dev.lookahead.cli.InputFile;
import dev.lookahead.proofs.ProofSemantics;
import dev.lookahead.proofs.UnreadableSentences;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import picocli.CommandLine.Option;

/** The option of every command that checks proofs: which semantics decides each step. */
public final class SemanticsOption {
    @Option(names = "--semantics", defaultValue = "paper", paramLabel = "paper|corrected",
            description = "paper: the PrOntoQA-OOD evaluator's decisions, step by step, its known defects kept (its per-step lists and"
                    + " flags under its own names); corrected: the same evaluator with each known defect fixed, each fix that changes a"
                    + " proof named under deviations (docs/user-guide.md). Both need gold_proof. Default: ${DEFAULT-VALUE}.")
    String semantics;

    @InputFile
    @Option(names = "--unreadable-patterns", paramLabel = "FILE",
            description = "Which sentences the evaluator cannot read stay in a proof as incorrect steps: those matching a pattern of"
                    + " FILE (the study's bad_patterns.txt, from a copy of asaparov/prontoqa), as the study's evaluator decides."
                    + " Without it, the workbench's own rule (docs/user-guide.md, \"Unreadable sentences\").")
    Path unreadablePatterns;

    /** Which unreadable sentences stay in a proof: the study's list when given, else the workbench's rule. */
    public UnreadableSentences unreadable() throws IOException {
        if (unreadablePatterns == null) return UnreadableSentences.WORKBENCH;
        if (!Files.isRegularFile(unreadablePatterns)) throw new NoSuchFileException(unreadablePatterns.toString(), null, "no such pattern file");
        return UnreadableSentences.patterns(unreadablePatterns);
    }

    /** The chosen semantics; an unknown name is refused with the names to choose from. */
    public ProofSemantics value() {
        return ProofSemantics.parse(semantics);
    }
}
