/**
 * Training runs (checkpoints, resume, the lookahead curricula), streaming batches, held-out evaluation sets and accuracy.
 */
package dev.lookahead.train;
