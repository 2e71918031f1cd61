/**
 * The command line: each command parses its options, calls the rooms above and prints; the contract in the user guide.
 * The commands live in one sub-package per room they serve ({@code search}, {@code model}, {@code interp}, {@code experiments},
 * {@code proofs}, {@code feedback}, {@code bench}); this package holds the root command and what they share - picocli mixins
 * for repeated options ({@code ModelOptions}, {@code TraceOptions}), JSON-lines mapping and line fields, output and progress.
 * May import every room, {@code ui} only for {@code bench ui} (RoomsTest keeps it so).
 */
package dev.lookahead.cli;
