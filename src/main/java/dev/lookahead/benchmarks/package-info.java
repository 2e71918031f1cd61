/**
 * The Benchmarks Lab's core: scorers that follow each benchmark's own rules - GPQA's subsets recomputed from its official
 * CSV files, its prompts and answer reading; POPE's yes/no reading and its
 * precision, recall, F1 and yes-ratio; Winoground's text, image and group scores with strict comparisons; caption-choice
 * accuracy with ties reported apart instead of going to the first option - from the model outputs a user brings. No
 * benchmark data ships; see docs/user-guide.md, "Benchmarks".
 * May import {@code io} and {@code stats} (RoomsTest keeps it so); never JavaFX.
 */
package dev.lookahead.benchmarks;
