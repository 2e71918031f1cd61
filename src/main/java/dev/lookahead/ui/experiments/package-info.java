/**
 * The Experiments panel: the sensitivity heatmap and sweeps.
 */
package dev.lookahead.ui.experiments;
