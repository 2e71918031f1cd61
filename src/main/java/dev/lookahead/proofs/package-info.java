/**
 * Deduction problems as the PrOntoQA-OOD study poses them: logic, generator, English, parser, proof checker, comparison and reports.
 */
package dev.lookahead.proofs;
