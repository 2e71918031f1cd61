/**
 * The Proofs panel: deduction problems and checked proofs, compared step by step.
 */
package dev.lookahead.ui.proofs;
