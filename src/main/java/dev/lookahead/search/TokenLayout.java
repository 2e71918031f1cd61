package dev.lookahead.search;

/**
 * The token format of a model built for sequences of length {@code n}: vertex ids 1..V with
 * V = (n - 5) / 3, then the four special tokens. Id 0 is reserved and never used by an input.
 */
public record TokenLayout(int n) {
    /** Far above the paper's largest input (n = 128): a larger n is a mistake, refused before anything is allocated for it. */
    public static final int MAX_N = 4096;

    public TokenLayout {
        if (n < 8) {
            throw new IllegalArgumentException("n must be at least 8 (got " + n + "): the smallest input is E u v Q s g P s");
        }
        if (n > MAX_N) {
            throw new IllegalArgumentException("n must be at most " + MAX_N + " (got " + n + "); the paper's largest inputs are n = 128");
        }
    }

    /** The largest vertex id, which is also the largest number of edges an input can hold. */
    public int maxVertex() {
        return (n - 5) / 3;
    }

    public int pathToken() {
        return maxVertex() + 1;
    }

    public int edgeToken() {
        return maxVertex() + 2;
    }

    public int padToken() {
        return maxVertex() + 3;
    }

    public int queryToken() {
        return maxVertex() + 4;
    }

    /** Vocabulary size, including the reserved id 0. */
    public int vocabularySize() {
        return maxVertex() + 5;
    }

    public int maxEdges() {
        return maxVertex();
    }

    public boolean isVertex(int token) {
        return token >= 1 && token <= maxVertex();
    }

    /** The contract's default largest lookahead: ((n - 5) / 3 - 1) / 2, i.e. 4 at n = 32. */
    public int defaultMaxLookahead() {
        return (maxVertex() - 1) / 2;
    }

    /** A readable name for a token id, as the GUI and figures print it. */
    public String tokenName(int token) {
        if (isVertex(token)) return Integer.toString(token);
        if (token == pathToken()) return "P";
        if (token == edgeToken()) return "E";
        if (token == padToken()) return "PAD";
        if (token == queryToken()) return "Q";
        return token == 0 ? "<0>" : "?" + token;
    }
}
