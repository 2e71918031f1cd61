/**
 * Every figure the workbench draws, once, through Java2D: graph, attention, tokens, model view, charts; exported as PNG, SVG and PDF by the window and the command line alike.
 */
package dev.lookahead.figures;
