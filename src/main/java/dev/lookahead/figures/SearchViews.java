package dev.lookahead.figures;

import dev.lookahead.interp.SetScores;
import dev.lookahead.interp.Trace;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Every search view of one graph as figures, named as {@code export} writes them: {@code graph-layerN}
 * (the last token's traced vertices after block N, N = 0 the embedding, against those truly reachable
 * within 2^N hops), {@code attention-layerN} (the first head; {@code attention-layerN-headH} for more)
 * and {@code tokens-layerN} for block N + 1, the block that reads layer N (blocks count from 1, as in
 * "after block N"), {@code model-view} (every block and head), {@code prediction} and {@code set-sizes}. The window and the command line draw the same figures.
 */
public final class SearchViews {
    private SearchViews() {
    }

    /**
     * @param patterns      each block's attention patterns [layer][head][query][key]
     * @param probabilities the model's next-token distribution
     * @param trace         the circuit trace, or null (then the graph is drawn without sets)
     * @param layers        the states to draw (0..L); attention and tokens for those below L
     */
    public static Map<String, Figure> all(SearchInput input, float[][][][] patterns, float[] probabilities, Trace trace, List<Integer> layers) {
        TokenLayout layout = input.layout();
        int[] tokens = Tokenizer.encode(input);
        String[] labels = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) labels[i] = layout.tokenName(tokens[i]);
        SearchGraph graph = SearchGraph.of(input.edges(), input.start(), input.goal());
        GroundTruth truth = new GroundTruth(input.edges());
        int last = tokens.length - 1;
        Map<String, Figure> figures = new LinkedHashMap<>();
        for (int l : layers) {
            String when = l == 0 ? "embedding" : "after block " + l;
            boolean outside = trace != null && !trace.layers().isEmpty() && !trace.layers().get(l).containsKey(last);
            figures.put("graph-layer" + l, new GraphFigure(graph, marks(trace, l, last, input.start(), truth), outside
                    ? when + ": the last token is not a node of the traced circuit"
                    : String.format("%s: the last token's vertices vs. within %d hop%s of %d", when, 1 << l, l == 0 ? "" : "s", input.start())));
            if (l < patterns.length) {
                for (int h = 0; h < patterns[l].length; h++) {
                    figures.put("attention-layer" + l + (h == 0 ? "" : "-head" + h), new AttentionFigure(patterns[l][h], labels,
                            "attention of block " + (l + 1) + (patterns[l].length == 1 ? "" : ", head " + h) + ", reading layer " + l));
                }
                figures.put("tokens-layer" + l, new TokensFigure(labels, patterns[l][0][last], last, "what the last token reads in block " + (l + 1)
                        + (patterns[l].length == 1 ? "" : ", head 0")));
            }
        }
        figures.put("model-view", new ModelViewFigure(patterns));
        float[] byVertex = new float[layout.maxVertex() + 1];
        for (int v = 1; v <= layout.maxVertex(); v++) byVertex[v] = probabilities[v];
        List<Integer> useful = new ArrayList<>();
        for (int v : truth.usefulNext(input.start(), input.goal())) useful.add(v);
        figures.put("prediction", SearchCharts.prediction(byVertex, useful, "next vertex from " + input.start() + " towards " + input.goal()));
        if (trace != null && !trace.layers().isEmpty()) {
            List<double[]> sizes = new ArrayList<>();
            for (SetScores s : SetScores.of(trace, input, tokens)) sizes.add(new double[] {s.meanSize(), s.meanTrueSize()});
            figures.put("set-sizes", SearchCharts.setSizes(sizes, "mean set size of the vertex tokens"));
        }
        return figures;
    }

    /** The last token's traced set at layer l against the vertices within 2^l hops of the start. */
    private static Map<Integer, String> marks(Trace trace, int l, int last, int start, GroundTruth truth) {
        // no rings where the last token is not a node of the circuit (the paper's rules keep only nodes that explain the prediction)
        if (trace == null || trace.layers().isEmpty() || !trace.layers().get(l).containsKey(last)) return Map.of();
        SortedSet<Integer> held = trace.layers().get(l).get(last);
        Set<Integer> within = truth.reachableWithin(start, 1 << l);
        Map<Integer, String> marks = new HashMap<>();
        for (int v : held) marks.put(v, within.contains(v) ? GraphFigure.AGREE : GraphFigure.EXTRA);
        for (int v : within) marks.putIfAbsent(v, GraphFigure.MISSED);
        return marks;
    }
}
