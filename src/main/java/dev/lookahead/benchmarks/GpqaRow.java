package dev.lookahead.benchmarks;

import java.util.List;

/**
 * One question of GPQA's official CSV files (Rein et al. 2023), with the columns the scorer uses.
 *
 * @param line            the CSV record's number in its file (the header is record 0), for messages
 * @param expertCorrect   "Validator Answered Correctly_EV_1" and "_EV_2" (null where the cell is empty)
 * @param expertPostHoc   "Post hoc agreement_EV_1" and "_EV_2": "Agree", "Disagree" or empty
 * @param nonExpertCorrect "Validator Answered Correctly_NEV_1" .. "_NEV_3" (null where empty)
 */
public record GpqaRow(long line, String recordId, String question, String correctAnswer, List<String> incorrectAnswers, String explanation,
                      String domain, String subdomain, List<Boolean> expertCorrect, List<String> expertPostHoc,
                      List<Boolean> nonExpertCorrect) {
    public GpqaRow {
        incorrectAnswers = List.copyOf(incorrectAnswers);
        expertCorrect = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(expertCorrect));
        expertPostHoc = List.copyOf(expertPostHoc);
        nonExpertCorrect = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(nonExpertCorrect));
    }

    /** How many of the three non-expert validators answered correctly (an empty cell counts as not correct). */
    public int nonExpertsCorrect() {
        return (int) nonExpertCorrect.stream().filter(Boolean.TRUE::equals).count();
    }

    /** How many of the two expert validators answered correctly. */
    public int expertsCorrect() {
        return (int) expertCorrect.stream().filter(Boolean.TRUE::equals).count();
    }
}
