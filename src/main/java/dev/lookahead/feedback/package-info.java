/**
 * Implicit feedback signals from deployment dialogue (BlenderBot 3): conversations, VADER sentiment, joy, signals and their report.
 * May import {@code io} and {@code stats} (RoomsTest keeps it so).
 */
package dev.lookahead.feedback;
