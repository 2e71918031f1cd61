/** The {@code judges} commands: audit LLM judges' outputs and score reward models as RewardBench does. */
package dev.lookahead.cli.judges;
