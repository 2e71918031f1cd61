/**
 * The commands of feedback signals: signals, signals report, signals sentiment. Each parses its options, calls the core rooms and prints; shared options and helpers live in
 * {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.feedback;
