/** The {@code vlm} commands: vision-language benchmark scorers (POPE, Winoground, caption choice) over the user's model outputs. */
package dev.lookahead.cli.vlm;
