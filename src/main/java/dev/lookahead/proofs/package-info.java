/**
 * Deduction problems as the PrOntoQA-OOD study poses them: logic, generator, English, parser, the study's evaluator and its
 * corrected semantics ({@link dev.lookahead.proofs.ProofCheck}), comparison and reports.
 * May import {@code io} and {@code stats} (RoomsTest keeps it so).
 */
package dev.lookahead.proofs;
