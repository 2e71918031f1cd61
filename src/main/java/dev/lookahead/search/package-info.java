/**
 * The graph-search task of "Transformers Struggle to Learn to Search": token format, the naive, balanced and star distributions and their test-set rules, lookahead, ground truth and graph files. Imports nothing else of the workbench but {@code io}.
 */
package dev.lookahead.search;
