/**
 * The commands of the Preference Lab: prefopt sample, prefopt pairs. Each parses its options, calls the core rooms and
 * prints; shared options and helpers live in {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.prefopt;
