/**
 * Proportions with Wilson 95% intervals, shared by every report.
 * May import nothing else of the workbench (RoomsTest keeps it so).
 */
package dev.lookahead.stats;
