package dev.lookahead.figures;

import dev.lookahead.inspect.Inspection;
import dev.lookahead.inspect.SetComparison;
import dev.lookahead.interp.SetScores;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Every search view of one inspected graph as figures, keyed by {@link ViewKey} and named by it as {@code export}
 * writes them: {@code graph-layerN} (the last token's traced vertices after block N, N = 0 the embedding, against
 * those truly reachable within 2^N hops), {@code attention-layerN} (the first head; {@code attention-layerN-headH}
 * for more) and {@code tokens-layerN} for block N + 1, the block that reads layer N (blocks count from 1, as in
 * "after block N"), {@code model-view} (every block and head), {@code prediction}, and for a traced graph {@code set-sizes} and
 * {@code circuit} (the traced operations between the layers). The window
 * and the command line draw the same figures.
 */
public final class SearchViews {
    private SearchViews() {
    }

    /**
     * @param inspection the model's run on the graph (traced or not: untraced, the graph is drawn without sets)
     * @param layers     the states to draw (0..L); attention and tokens for those below L
     */
    public static Map<ViewKey, Figure> all(Inspection inspection, List<Integer> layers) {
        SearchInput input = inspection.input();
        TokenLayout layout = input.layout();
        int[] tokens = inspection.tokens();
        float[][][][] patterns = inspection.attention();
        String[] labels = new String[tokens.length];
        for (int i = 0; i < tokens.length; i++) labels[i] = layout.tokenName(tokens[i]);
        SearchGraph graph = SearchGraph.of(input.edges(), input.start(), input.goal());
        int last = tokens.length - 1;
        boolean traced = inspection.traced();
        Map<ViewKey, Figure> figures = new LinkedHashMap<>();
        for (int l : layers) {
            String when = l == 0 ? "embedding" : "after block " + l;
            boolean outside = traced && !inspection.trace().layers().get(l).containsKey(last);
            figures.put(ViewKey.at(ViewKey.Kind.GRAPH, l), new GraphFigure(graph, lastTokenAgainstTruth(inspection, l, last), outside
                    ? when + ": the last token is not a node of the traced circuit"
                    : String.format("%s: the last token's vertices vs. within %d hop%s of %d", when, 1 << l, l == 0 ? "" : "s", input.start())));
            if (l < patterns.length) {
                for (int h = 0; h < patterns[l].length; h++) {
                    figures.put(new ViewKey(ViewKey.Kind.ATTENTION, l, h), new AttentionFigure(patterns[l][h], labels,
                            "attention of block " + (l + 1) + (patterns[l].length == 1 ? "" : ", head " + h) + ", reading layer " + l));
                }
                figures.put(ViewKey.at(ViewKey.Kind.TOKENS, l), new TokensFigure(labels, patterns[l][0][last], last,
                        "what the last token reads in block " + (l + 1) + (patterns[l].length == 1 ? "" : ", head 0")));
            }
        }
        figures.put(ViewKey.of(ViewKey.Kind.MODEL_VIEW), new ModelViewFigure(patterns));
        float[] byVertex = new float[layout.maxVertex() + 1];
        for (int v = 1; v <= layout.maxVertex(); v++) byVertex[v] = inspection.probabilities()[v];
        List<Integer> useful = new ArrayList<>();
        for (int v : inspection.facts().usefulNext()) useful.add(v);
        figures.put(ViewKey.of(ViewKey.Kind.PREDICTION), SearchCharts.prediction(byVertex, useful,
                "next vertex from " + input.start() + " towards " + input.goal()));
        if (traced) {
            List<double[]> sizes = new ArrayList<>();
            for (SetScores s : SetScores.of(inspection.trace(), input, tokens)) sizes.add(new double[] {s.meanSize(), s.meanTrueSize()});
            figures.put(ViewKey.of(ViewKey.Kind.SET_SIZES), SearchCharts.setSizes(sizes, "mean set size of the vertex tokens"));
            figures.put(ViewKey.of(ViewKey.Kind.CIRCUIT), new CircuitFigure(labels, inspection.trace().layers(), inspection.trace().operations(),
                    java.util.Set.of(), "the traced circuit: " + inspection.trace().operations().size() + " attention operations"));
        }
        return figures;
    }

    /** The same figures under their file names, as {@code export} writes them. */
    public static Map<String, Figure> byFileName(Map<ViewKey, Figure> figures) {
        Map<String, Figure> named = new LinkedHashMap<>();
        figures.forEach((key, figure) -> named.put(key.fileName(), figure));
        return named;
    }

    /**
     * The last token's traced set at layer l against the vertices within 2^l hops of the start; no rings where the
     * last token is not a node of the circuit (the paper's rules keep only nodes that explain the prediction), or untraced.
     */
    private static SetComparison lastTokenAgainstTruth(Inspection inspection, int l, int last) {
        if (!inspection.traced() || !inspection.trace().layers().get(l).containsKey(last)) return SetComparison.NONE;
        return SetComparison.of(inspection.trace().layers().get(l).get(last),
                inspection.facts().reachableAfterLayer(inspection.input().start(), l));
    }
}
