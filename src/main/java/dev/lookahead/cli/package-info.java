/**
 * The command line: each command parses its options, calls the rooms above and prints; the contract in the user guide.
 * May import every room, {@code ui} only for {@code bench ui} (RoomsTest keeps it so).
 */
package dev.lookahead.cli;
