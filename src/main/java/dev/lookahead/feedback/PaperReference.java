package dev.lookahead.feedback;

import java.util.List;

/**
 * The BlenderBot 3 study's reranking results (the BlenderBot 3 paper; docs/user-guide.md, "Feedback signals"): for each implicit
 * signal used to rerank 20 sampled replies, the human-judged win rate against the baseline and the
 * share of replies tagged controversial, unfriendly and information-seeking. Shown beside a user's
 * own numbers as a reference card, never mixed with them.
 *
 * @param winRate win rate against the baseline in percentage points, null for the baseline itself
 */
public record PaperReference(String signal, Double winRate, double controversial, double unfriendly, double seeksInfo) {

    public static final List<PaperReference> RERANKING = List.of(
            new PaperReference("baseline", null, 17.0, 9.0, 32.5),
            new PaperReference("ranked by probability", 3.0, 16.0, 7.0, 43.0),
            new PaperReference("replied", -1.0, 24.5, 12.5, 47.5),
            new PaperReference("length k=20", 12.0, 17.0, 12.5, 46.0),
            new PaperReference("length k=5", 5.0, 19.0, 9.5, 56.0),
            new PaperReference("non-neg. sentiment & length", 8.5, 13.0, 6.0, 60.0),
            new PaperReference("positive sentiment & length", 6.5, 9.5, 6.0, 41.0),
            new PaperReference("joy & length", 9.5, 8.5, 6.0, 49.0));

    /** The paper's lesson, in one line. */
    public static final String LESSON = "Optimising for length or replies raised controversial and unfriendly replies;"
            + " sentiment or joy lowered them.";
}
