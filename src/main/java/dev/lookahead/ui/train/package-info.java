/**
 * The Train panel: a training run from the window, in the same folders as the train command.
 */
package dev.lookahead.ui.train;
