package dev.lookahead.prefopt;

import java.util.List;

/**
 * One preference pair of a problem, as {@code prefopt pairs} writes it.
 *
 * @param weight         ScPO: (V(chosen) - V(rejected)) / k; 1 for IRPO and DPO
 * @param votesChosen    how many of the k samples gave the chosen answer (0 for the gold path when no sample did)
 * @param chosenCorrect  the verifier's verdict on the chosen path (ScPO does not use it; it is written for evaluation)
 */
public record PreferencePair(List<Integer> chosen, List<Integer> rejected, double weight, int votesChosen, int votesRejected, int k,
                             boolean chosenCorrect, boolean rejectedCorrect) {
    public PreferencePair {
        chosen = List.copyOf(chosen);
        rejected = List.copyOf(rejected);
    }
}
