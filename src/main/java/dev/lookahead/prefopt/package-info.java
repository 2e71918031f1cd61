/**
 * The Preference Lab's core: whole paths sampled from a search model with their log-probabilities and the verifier's
 * verdict, and the pair rules of ScPO (self-consistency: the most voted answer against the least), IRPO (verified
 * correct against incorrect, the gold path among the winners) and DPO (IRPO's pairs without its NLL term); see
 * docs/user-guide.md, "Preference Lab".
 * May import {@code io}, {@code stats}, {@code search} and {@code model} (RoomsTest keeps it so); never JavaFX.
 */
package dev.lookahead.prefopt;
