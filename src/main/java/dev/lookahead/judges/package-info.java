/**
 * The Judges Lab's core: the judgments files (pairwise items, pointwise responses with people's ranks), verdicts read
 * by editable markers and explained, rubric scores and final answers read from free text, the judge audit (accuracy,
 * position consistency, first-position preference, ties, parse failures, Cohen's kappa, per category, with bootstrap
 * intervals), agreement with people's ranks, RewardBench's section scores, judge prompts from templates, and the pair
 * selection of ScPO, IRPO and Self-Rewarding that the Preference Lab shares; see docs/user-guide.md, "Judges". It reads
 * what the user's models wrote; it runs no large model.
 * May import {@code io} and {@code stats} (RoomsTest keeps it so); never JavaFX.
 */
package dev.lookahead.judges;
