/**
 * Training runs (checkpoints, resume, the lookahead curricula), streaming batches, held-out evaluation sets and accuracy;
 * the training loop ({@link dev.lookahead.train.Trainer}) and its listeners, one concern each (progress, held-out
 * evaluation, checkpoints, the curriculum's log), which another loop can reuse.
 * May import {@code io}, {@code stats}, {@code search} and {@code model} (RoomsTest keeps it so).
 */
package dev.lookahead.train;
