package dev.lookahead.experiments;

import dev.lookahead.train.TrainingConfig;

/**
 * One training run of a sweep.
 *
 * @param index        its place in the sweep (the SLURM array task id)
 * @param id           a readable name, also its folder's name, e.g. {@code n20-l6-h16-balanced-s1}
 * @param distribution the training mix as the spec named it
 */
public record SweepJob(int index, String id, String distribution, TrainingConfig config) {
}
