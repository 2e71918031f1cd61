/**
 * The Explorer panel: generate, open or draw a graph, run a model on it and step through its layers.
 */
package dev.lookahead.ui.explorer;
