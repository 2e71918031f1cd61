package dev.lookahead.search;

import java.util.Arrays;

/** A token sequence with its left padding removed, for comparing inputs of a reserved test set. */
public record TokenRow(int[] tokens) {

    public static TokenRow of(TokenLayout layout, int[] tokens) {
        int at = 0;
        while (at < tokens.length && tokens[at] == layout.padToken()) at++;
        return new TokenRow(Arrays.copyOfRange(tokens, at, tokens.length));
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof TokenRow row && Arrays.equals(tokens, row.tokens);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(tokens);
    }

    @Override
    public String toString() {
        return Arrays.toString(tokens);
    }
}
