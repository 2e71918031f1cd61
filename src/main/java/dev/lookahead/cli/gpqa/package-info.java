/** The {@code gpqa} commands: subsets recomputed from the official CSV files, prompts, and scores of a model's answers. */
package dev.lookahead.cli.gpqa;
