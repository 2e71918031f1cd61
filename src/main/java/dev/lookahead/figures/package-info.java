/**
 * Every figure the workbench draws, once, through Java2D: graph, attention, tokens, model view, charts; exported as PNG, SVG and PDF by the window and the command line alike.
 * May import every core room ({@code io}, {@code stats}, {@code search}, {@code interp}, {@code inspect}, {@code train}, {@code experiments}, {@code feedback}, {@code proofs}, {@code prefopt}, {@code judges}, {@code benchmarks}); not {@code model} directly (RoomsTest keeps it so).
 */
package dev.lookahead.figures;
