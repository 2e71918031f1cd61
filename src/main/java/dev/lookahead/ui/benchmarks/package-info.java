/**
 * The Benchmarks panel: GPQA (subsets recomputed from the official files, accuracy by domain beside the validators, the
 * model's answers beside the key) and the vision-language scorers (POPE, Winoground, caption choice) with their
 * yes-bias and tie diagnostics; see docs/user-guide.md, "Benchmarks".
 */
package dev.lookahead.ui.benchmarks;
