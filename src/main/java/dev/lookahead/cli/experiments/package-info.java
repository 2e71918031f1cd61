/**
 * The commands of experiments over many models: sweep, sweep collect, sensitivity. Each parses its options, calls the core rooms and prints; shared options and helpers live in
 * {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.experiments;
