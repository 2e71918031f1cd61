/**
 * The graph-search task of "Transformers Struggle to Learn to Search": token format, the naive, balanced and star distributions and their test-set rules, lookahead, ground truth and graph files.
 * May import {@code io} (RoomsTest keeps it so).
 */
package dev.lookahead.search;
