package dev.lookahead.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Turns inputs into the paper's left-padded token sequences and back:
 * {@code PAD ... (E u v)* Q start goal P v0 ... vj}, last token at position n-1.
 */
public final class Tokenizer {
    private Tokenizer() {
    }

    public static int[] encode(SearchInput input) {
        TokenLayout layout = input.layout();
        int n = layout.n();
        int length = input.unpaddedLength();
        if (length > n) {
            throw new IllegalArgumentException("the input needs " + length + " tokens (" + input.edges().size()
                    + " edges and a path of " + input.path().length + ") but the model takes n = " + n);
        }
        int[] tokens = new int[n];
        int at = n - length;
        java.util.Arrays.fill(tokens, 0, at, layout.padToken());
        for (Edge edge : input.edges()) {
            tokens[at++] = layout.edgeToken();
            tokens[at++] = edge.from();
            tokens[at++] = edge.to();
        }
        tokens[at++] = layout.queryToken();
        tokens[at++] = input.start();
        tokens[at++] = input.goal();
        tokens[at++] = layout.pathToken();
        for (int v : input.path()) tokens[at++] = v;
        return tokens;
    }

    /**
     * Reads a token sequence back, rejecting anything the generator could not have written.
     *
     * @throws MalformedInputException naming the first position that is wrong
     */
    public static SearchInput decode(TokenLayout layout, int[] tokens) {
        int n = layout.n();
        if (tokens.length != n) {
            throw new MalformedInputException(-1, "the sequence has " + tokens.length + " tokens but n = " + n
                    + " needs exactly " + n);
        }
        int at = 0;
        while (at < n && tokens[at] == layout.padToken()) at++;
        List<Edge> edges = new ArrayList<>();
        Set<Long> seen = new HashSet<>();
        while (at < n && tokens[at] == layout.edgeToken()) {
            int u = vertexAt(layout, tokens, at + 1, "an edge's source after E");
            int v = vertexAt(layout, tokens, at + 2, "an edge's target after E " + u);
            if (u == v) throw new MalformedInputException(at, "the edge " + u + " -> " + v + " is a self-loop");
            if (!seen.add(((long) u << 32) | v)) {
                throw new MalformedInputException(at, "the edge " + u + " -> " + v + " appears twice");
            }
            edges.add(new Edge(u, v));
            at += 3;
        }
        expect(layout, tokens, at, layout.queryToken(), "Q (the query) after the edges");
        int start = vertexAt(layout, tokens, at + 1, "the start vertex after Q");
        int goal = vertexAt(layout, tokens, at + 2, "the goal vertex after Q " + start);
        expect(layout, tokens, at + 3, layout.pathToken(), "P (the path) after Q " + start + " " + goal);
        int pathStart = at + 4;
        if (pathStart >= n) throw new MalformedInputException(n - 1, "the path after P is empty; it must begin with the start");
        int[] path = new int[n - pathStart];
        for (int i = 0; i < path.length; i++) {
            path[i] = vertexAt(layout, tokens, pathStart + i, "a vertex of the path");
        }
        if (path[0] != start) {
            throw new MalformedInputException(pathStart, "the path must begin with the start " + start + ", found " + path[0]);
        }
        for (int i = 1; i < path.length; i++) {
            if (!seen.contains(((long) path[i - 1] << 32) | path[i])) {
                throw new MalformedInputException(pathStart + i, "the path steps " + path[i - 1] + " -> " + path[i]
                        + " but there is no such edge");
            }
        }
        return new SearchInput(layout, edges, start, goal, path);
    }

    private static int vertexAt(TokenLayout layout, int[] tokens, int at, String what) {
        if (at >= tokens.length) {
            throw new MalformedInputException(tokens.length - 1, "the sequence ends where " + what + " should be");
        }
        int token = tokens[at];
        if (!layout.isVertex(token)) {
            throw new MalformedInputException(at, "expected " + what + " (a vertex id 1.." + layout.maxVertex()
                    + "), found " + token + " (" + layout.tokenName(token) + ")");
        }
        return token;
    }

    private static void expect(TokenLayout layout, int[] tokens, int at, int token, String what) {
        if (at >= tokens.length) {
            throw new MalformedInputException(tokens.length - 1, "the sequence ends where " + what + " should be");
        }
        if (tokens[at] != token) {
            throw new MalformedInputException(at, "expected " + what + ", found " + tokens[at]
                    + " (" + layout.tokenName(tokens[at]) + ")");
        }
    }
}
