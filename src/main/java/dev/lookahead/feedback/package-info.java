/**
 * Implicit feedback signals from deployment dialogue (BlenderBot 3): conversations, VADER sentiment, joy, signals and their report.
 */
package dev.lookahead.feedback;
