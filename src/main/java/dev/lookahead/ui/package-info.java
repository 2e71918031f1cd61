/**
 * The JavaFX window: application, shared widgets (graph view, figure canvas, side panels, background work), sessions and theme,
 * and the window's headless responsiveness benchmark ({@code bench ui}); one sub-package per panel. The only room that may use
 * JavaFX. May import every room but {@code cli} (RoomsTest keeps both so).
 */
package dev.lookahead.ui;
