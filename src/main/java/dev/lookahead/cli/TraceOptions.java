package dev.lookahead.cli;

import dev.lookahead.interp.CircuitTracer;
import dev.lookahead.interp.Trace;
import dev.lookahead.model.SearchModel;
import picocli.CommandLine.Option;

/** The options of every command that traces circuits: the selection rules and the replacement token. */
public final class TraceOptions {
    @Option(names = "--rules", defaultValue = "paper", paramLabel = "paper|lenient",
            description = "paper (each selection decision as the paper's tracer makes it) or lenient (the workbench's first, looser tracer,"
                    + " kept to compare; see docs/tracing.md). Default: ${DEFAULT-VALUE}.")
    public String rules;

    @Option(names = "--replacement", defaultValue = "free-id", paramLabel = "free-id|id-0",
            description = "The token standing in for a token value when operations are explained: free-id (the paper's: "
                    + "the first id in 1..V+4 the input lacks, id 0 only where there is none) or id-0 (always the reserved id 0, "
                    + "to compare). Default: ${DEFAULT-VALUE}.")
    public String replacement;

    /** A tracer for {@code model} with these options, using every core. */
    public CircuitTracer tracer(SearchModel model) {
        return new CircuitTracer(model, Trace.Replacement.parse(replacement)).withRules(Trace.Rules.parse(rules))
                .usingThreads(Runtime.getRuntime().availableProcessors());
    }
}
