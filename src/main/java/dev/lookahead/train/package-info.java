/**
 * Training runs (checkpoints, resume, the lookahead curricula), streaming batches, held-out evaluation sets and accuracy.
 * May import {@code io}, {@code stats}, {@code search} and {@code model} (RoomsTest keeps it so).
 */
package dev.lookahead.train;
