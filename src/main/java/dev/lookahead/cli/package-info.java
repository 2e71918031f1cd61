/**
 * The command line: each command parses its options, calls the rooms above and prints; the contract in the user guide.
 */
package dev.lookahead.cli;
