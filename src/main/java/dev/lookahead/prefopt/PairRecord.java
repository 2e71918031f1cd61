package dev.lookahead.prefopt;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One line of a pairs file, as {@code prefopt pairs} and {@code prefopt train} write it: a DPO trainer elsewhere reads
 * {@code prompt}, {@code chosen}, {@code rejected} and {@code weight}. For the single-path methods (rft, sft)
 * {@code rejected} is empty and only {@code chosen} is trained on.
 *
 * @param prompt             the problem's first-step input tokens (the graph, the query and the start)
 * @param refLogprobChosen   log pi_ref(chosen | prompt) under the frozen reference (the iteration's starting policy);
 *                           null until computed
 * @param refLogprobRejected the same for the rejected path (0 when there is none)
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record PairRecord(int problemId, String method, int[] prompt, List<Integer> chosen, List<Integer> rejected, double weight,
                         int votesChosen, int votesRejected, int k, boolean chosenCorrect, boolean rejectedCorrect,
                         Double refLogprobChosen, Double refLogprobRejected) {
    public PairRecord {
        chosen = List.copyOf(chosen);
        rejected = List.copyOf(rejected);
        if (chosen.isEmpty()) throw new IllegalArgumentException("problem " + problemId + ": the chosen path is empty");
    }

    static PairRecord of(int problemId, Method method, int[] prompt, PreferencePair pair) {
        return new PairRecord(problemId, method.id(), prompt, pair.chosen(), pair.rejected(), pair.weight(), pair.votesChosen(),
                pair.votesRejected(), pair.k(), pair.chosenCorrect(), pair.rejectedCorrect(), null, null);
    }

    /** The same line with the reference model's log-probabilities of its paths. */
    public PairRecord withReference(double chosenLogprob, double rejectedLogprob) {
        return new PairRecord(problemId, method, prompt, chosen, rejected, weight, votesChosen, votesRejected, k, chosenCorrect,
                rejectedCorrect, chosenLogprob, rejectedLogprob);
    }
}
