/**
 * The commands of models: train, eval, predict, rollout, activations, probe. Each parses its options, calls the core rooms and prints; shared options and helpers live in
 * {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.model;
