/**
 * Proportions with Wilson 95% intervals, shared by every report.
 */
package dev.lookahead.stats;
