/**
 * The Explorer panel: generate, open or draw a graph, run a model on it and step through its layers; or play a dfs or
 * si model's search written out in context on it, step by step.
 */
package dev.lookahead.ui.explorer;
