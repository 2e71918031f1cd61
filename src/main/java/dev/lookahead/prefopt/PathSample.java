package dev.lookahead.prefopt;

import java.util.List;

/**
 * One sampled path.
 *
 * @param path    the vertices after the start, in order (the last may be a token that is not a vertex, which ends the path)
 * @param logprob the sum over its steps of the model's log-probability of each token, at temperature 1
 * @param answer  the path as one string ("4 7 9"): what ScPO votes on
 * @param correct the verifier's verdict: every step an edge of the graph, ending at the goal
 */
public record PathSample(List<Integer> path, double logprob, String answer, boolean correct) {
    public PathSample {
        path = List.copyOf(path);
    }

    public static String answerOf(List<Integer> path) {
        return String.join(" ", path.stream().map(String::valueOf).toList());
    }
}
