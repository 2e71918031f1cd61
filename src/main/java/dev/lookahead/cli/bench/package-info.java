/**
 * The commands of the bench commands, each measuring one speed in one run. Each parses its options, calls the core rooms and prints; shared options and helpers live in
 * {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.bench;
