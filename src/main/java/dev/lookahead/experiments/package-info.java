/**
 * Experiments over many models: sweeps (local and SLURM), their results, and the sensitivity grid.
 * May import {@code io}, {@code stats}, {@code search}, {@code model} and {@code train} (RoomsTest keeps it so).
 */
package dev.lookahead.experiments;
