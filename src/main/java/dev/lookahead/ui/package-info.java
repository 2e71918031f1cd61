/**
 * The JavaFX window: application, shared widgets (graph view, figure canvas, side panels, background work), sessions and theme,
 * and the window's headless responsiveness benchmark ({@code bench ui}); one sub-package per panel. The only room that may use
 * JavaFX (RoomsTest keeps it so).
 */
package dev.lookahead.ui;
