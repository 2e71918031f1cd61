/**
 * The commands of looking inside a model: trace, trace-stats, export. Each parses its options, calls the core rooms and prints; shared options and helpers live in
 * {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.interp;
