/**
 * The Feedback panel: conversation logs turned into implicit feedback signals.
 */
package dev.lookahead.ui.feedback;
