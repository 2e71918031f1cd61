/**
 * The commands of deduction proofs: proofs generate, check, report. Each parses its options, calls the core rooms and prints; shared options and helpers live in
 * {@code cli} itself. May import every room.
 */
package dev.lookahead.cli.proofs;
