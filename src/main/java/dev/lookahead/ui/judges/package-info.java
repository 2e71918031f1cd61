/**
 * The Judges panel: a judgments file opened off the UI thread, its audit (per category, the position-consistency
 * matrix, kappa; pointwise files against people's ranks) as tables and exportable charts, and an item browser showing
 * both responses and each judgment with why it was read so; see docs/user-guide.md, "Judges".
 */
package dev.lookahead.ui.judges;
