/**
 * The JavaFX window: application, shared widgets (graph view, figure canvas, side panels, background work), sessions and theme; one sub-package per panel.
 */
package dev.lookahead.ui;
