/**
 * The commands of the search task: generate, analyze, stats. Each parses its options, calls the core rooms and prints; shared options and helpers live in
 * {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.search;
