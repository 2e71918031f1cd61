/**
 * Experiments over many models: sweeps (local and SLURM) of the search task or the in-context tasks, their results, and
 * the sensitivity grid.
 * May import {@code io}, {@code stats}, {@code search}, {@code model}, {@code train} and {@code inspect} (for rollouts; RoomsTest
 * keeps it so).
 */
package dev.lookahead.experiments;
