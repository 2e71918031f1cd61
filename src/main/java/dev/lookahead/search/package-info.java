/**
 * The graph-search task of "Transformers Struggle to Learn to Search": token format, the naive, balanced and star distributions and their test-set rules, lookahead, ground truth and graph files; the ground truth of the paper's in-context tasks (depth-first search, selection-inference).
 * May import {@code io} (RoomsTest keeps it so).
 */
package dev.lookahead.search;
