/**
 * The Preference Lab's core: fresh problems whose path fits, whole paths sampled from a search model with their
 * log-probabilities and the verifier's verdict, the pair rules of ScPO (self-consistency: the most voted answer against the
 * least), IRPO (verified correct against incorrect, the gold path among the winners) and DPO, the single-path data of
 * rejection sampling and supervised training, the methods' losses, one iteration's training run and the iterated driver
 * M0 -> M1 -> ...; see docs/preference.md and docs/user-guide.md, "Preference Lab".
 * May import {@code io}, {@code stats}, {@code search}, {@code model}, {@code train} (its loop, listeners and
 * optimiser) and {@code judges} (the shared pair selection); RoomsTest keeps it so; never JavaFX.
 */
package dev.lookahead.prefopt;
