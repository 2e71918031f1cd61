/**
 * Experiments over many models: sweeps (local and SLURM), their results, and the sensitivity grid.
 */
package dev.lookahead.experiments;
