/**
 * The Preference panel: iterated preference optimisation (ScPO, IRPO, DPO, rejection sampling, supervised) run on the
 * workbench's own models in the background, its charts, the reward models' comparison, and a pair browser drawing both
 * paths on the graph; see docs/preference.md.
 */
package dev.lookahead.ui.preference;
