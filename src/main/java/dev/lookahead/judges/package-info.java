/**
 * The Judges Lab's core: verdicts read from LLM judges' outputs with editable markers, the judge audit (accuracy,
 * position consistency, first-position preference, ties, parse failures, Cohen's kappa between judges, per category)
 * and RewardBench's section scores, all with the definitions of docs/user-guide.md, "Judges". It reads what the
 * user's models wrote; it runs no large model.
 * May import {@code io} and {@code stats} (RoomsTest keeps it so); never JavaFX.
 */
package dev.lookahead.judges;
