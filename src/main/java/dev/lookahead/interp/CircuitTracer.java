package dev.lookahead.interp;

import dev.lookahead.model.Devices;
import dev.lookahead.model.PatchedRuns;
import dev.lookahead.model.PatchedRuns.Patch;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.MalformedInputException;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Deque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * Extracts, layer by layer, the set of vertices each token holds - the paper's circuit tracing
 * (the paper's section 5; docs/tracing.md). Two sets of rules ({@link Trace.Rules}):
 * <ul>
 *   <li>{@code PAPER}, the default: every decision as the paper's tracer makes it ({@link PaperTracing}
 *       measures, {@link CircuitGraph} reads the graph) - output patching, score patching for the roots,
 *       the list-against-list selection, directional explanations with earlier attention frozen, the
 *       copy direction from the graph, propagation, filtering, and the path-merge count;</li>
 *   <li>{@code LENIENT}, the workbench's first tracer, kept to compare: an operation flagged by either
 *       patching in either direction is kept, explanations read the size of a change rather than its
 *       direction, a copy from the start's or goal's position into the last token is special by position
 *       alone, and the last token is explained when its vertices hold a path from the start to the goal.</li>
 * </ul>
 * The replacement token is the paper's: the first id in 1..V+4 the input lacks; an input that holds all
 * of them, which the paper skips, is traced with the reserved id 0 and its trace says so
 * ({@link Trace.Replacement}). Batches of patched passes run in one engine call each. Single-head models only.
 */
public final class CircuitTracer {
    static final double LOGIT_DROP = 0.4;
    private static final int BATCH = 512;

    private final SearchModel model;
    private final TokenLayout layout;
    private final boolean alwaysIdZero;
    private final Trace.Rules rules;
    /** libtorch intra-op threads while tracing; 0 leaves the engine's setting alone. */
    private final int threads;

    /** A tracer with the paper's rules and replacement token (id 0 only where the input has no free id). */
    public CircuitTracer(SearchModel model) {
        this(model, Trace.Replacement.FREE_ID);
    }

    /** The paper's rules with the paper's replacement ({@code FREE_ID}) or always the reserved id 0 ({@code ID_0}, for comparison). */
    public CircuitTracer(SearchModel model, Trace.Replacement replacement) {
        this(model, replacement, Trace.Rules.PAPER, 0);
    }

    private CircuitTracer(SearchModel model, Trace.Replacement replacement, Trace.Rules rules, int threads) {
        this.model = model;
        this.layout = model.config().layout();
        this.alwaysIdZero = replacement == Trace.Replacement.ID_0;
        this.rules = rules;
        this.threads = threads;
    }

    private Trace.Replacement replacementKind() {
        return alwaysIdZero ? Trace.Replacement.ID_0 : Trace.Replacement.FREE_ID;
    }

    /**
     * The same tracer running its batches of patched passes on {@code threads} engine threads (the
     * command line uses every core; the results do not depend on it - a test compares them).
     */
    public CircuitTracer usingThreads(int threads) {
        return new CircuitTracer(model, replacementKind(), rules, threads);
    }

    /** The same tracer following other selection rules ({@link Trace.Rules}). */
    public CircuitTracer withRules(Trace.Rules rules) {
        return new CircuitTracer(model, replacementKind(), rules, threads);
    }

    /**
     * The token that stands in for a token value: the first id in 1..V+4 that {@code tokens} lacks, or
     * 0 when it holds them all.
     */
    static int replacementToken(int[] tokens, TokenLayout layout) {
        boolean[] used = new boolean[layout.vocabularySize()];
        for (int t : tokens) if (t >= 0 && t < used.length) used[t] = true;
        for (int t = 1; t < layout.vocabularySize(); t++) if (!used[t]) return t;
        return 0;
    }

    /** Traces one input (a first-step token row); never throws for a bad input, it says why instead. */
    public Trace trace(int[] tokens, BooleanSupplier cancelled) {
        return trace(tokens, cancelled, share -> { });
    }

    /** As {@link #trace(int[], BooleanSupplier)}, reporting the share done to {@code progress}. */
    public Trace trace(int[] tokens, BooleanSupplier cancelled, DoubleConsumer progress) {
        return Devices.withIntraOpThreads(threads, () -> traceOnThisThread(tokens, cancelled, progress));
    }

    private Trace traceOnThisThread(int[] tokens, BooleanSupplier cancelled, DoubleConsumer progress) {
        if (model.config().heads() != 1) return Trace.failed("tracing reads single-head models; this one has " + model.config().heads(), 0, -1, rules);
        if (tokens.length != layout.n()) return Trace.failed("the model takes n = " + layout.n() + " tokens, the input has " + tokens.length, 0, -1, rules);
        SearchInput input;
        try {
            input = Tokenizer.decode(layout, tokens);
        } catch (MalformedInputException e) {
            return Trace.failed("not an input of the task: " + e.getMessage(), 0, -1, rules);
        }
        if (input.path().length != 1) return Trace.failed("tracing reads first-step inputs (the path holds only the start)", 0, -1, rules);
        int predicted = SearchModel.argMax(model.probabilities(new int[][] {tokens})[0]);
        try (PatchedRuns runs = new PatchedRuns(model, tokens)) {
            if (rules == Trace.Rules.PAPER) {
                int replacement = alwaysIdZero ? 0 : replacementToken(tokens, layout);
                return new PaperTracing(runs, layout, tokens, input, predicted, replacement, cancelled, progress, threads).trace();
            }
            return new Run(runs, tokens, input, predicted, cancelled, progress).trace();
        }
    }

    /** How one operation's score is explained (step 6 alone), for inspection and tests. */
    Trace.Kind explainOperation(int[] tokens, int layer, int source, int destination) throws MalformedInputException {
        SearchInput input = Tokenizer.decode(layout, tokens);
        try (PatchedRuns runs = new PatchedRuns(model, tokens)) {
            Run run = new Run(runs, tokens, input, -1, () -> false, share -> { });
            return run.explain(layer, List.of(new int[] {source, destination})).get(Run.key(destination, source));
        }
    }

    /** Step 6 under the paper's rules for one operation of the given sign: the causes found, for inspection and tests. */
    List<CircuitGraph.Cause> paperCauses(int[] tokens, int layer, int source, int destination, int sign) throws MalformedInputException {
        SearchInput input = Tokenizer.decode(layout, tokens);
        try (PatchedRuns runs = new PatchedRuns(model, tokens)) {
            // the prediction plays no part in step 6; coordinate 0 stands in for it
            PaperTracing tracing = new PaperTracing(runs, layout, tokens, input, 0, replacementToken(tokens, layout), () -> false, share -> { }, 0);
            return tracing.explain(layer, destination, source, sign);
        }
    }

    /** One trace in progress under the lenient rules. */
    private final class Run {
        private final PatchedRuns runs;
        private final int[] tokens;
        private final SearchInput input;
        private final int predicted;
        private final BooleanSupplier cancelled;
        private final DoubleConsumer progress;
        private final int n;
        private final int last;
        private final int layerCount;
        private final double sqrtWidth;
        private final List<Integer> live = new ArrayList<>();
        /** Per layer, important operations (destination, source) with their weight and flags. */
        private final List<Map<Long, double[]>> important = new ArrayList<>();

        Run(PatchedRuns runs, int[] tokens, SearchInput input, int predicted, BooleanSupplier cancelled, DoubleConsumer progress) {
            this.runs = runs;
            this.tokens = tokens;
            this.input = input;
            this.predicted = predicted;
            this.cancelled = cancelled;
            this.progress = progress;
            this.n = tokens.length;
            this.last = n - 1;
            this.layerCount = runs.layers();
            this.sqrtWidth = Math.sqrt(runs.width());
            for (int r = 0; r < n; r++) if (tokens[r] != layout.padToken()) live.add(r);
            for (int l = 0; l < layerCount; l++) important.add(new HashMap<>());
        }

        private static long key(int destination, int source) {
            return (long) destination << 32 | source;
        }

        /** [weight, positive, negative] of an operation, created on first use. */
        private double[] flags(int layer, int destination, int source) {
            return important.get(layer).computeIfAbsent(key(destination, source), k -> new double[3]);
        }

        Trace trace() {
            outputPatching();
            if (cancelled.getAsBoolean()) return Trace.failed("cancelled", runs.forwardPasses(), predicted, rules);
            scorePatching();
            if (cancelled.getAsBoolean()) return Trace.failed("cancelled", runs.forwardPasses(), predicted, rules);
            List<Trace.Operation> operations = new ArrayList<>();
            List<Set<Integer>> nodes = buildGraph(operations);
            List<Map<Integer, SortedSet<Integer>>> sets = propagate(nodes, operations);
            SortedSet<Integer> root = sets.get(layerCount).getOrDefault(last, new TreeSet<>());
            boolean explained = containsPath(root);
            progress.accept(1.0);
            String reason = explained ? null : "the last token's vertices " + root + " hold no path from " + input.start() + " to " + input.goal();
            return new Trace(explained, reason, runs.forwardPasses(), predicted, sets, operations,
                    replacement() == 0 ? Trace.Replacement.ID_0 : Trace.Replacement.FREE_ID);
        }

        /** Entries (i, j) of a layer worth patching: live rows, live columns, nonzero weight. */
        private List<int[]> entries(int layer) {
            float[][] pattern = runs.pattern(layer);
            List<int[]> out = new ArrayList<>();
            for (int i : live) for (int j : live) if (pattern[i][j] != 0) out.add(new int[] {i, j});
            return out;
        }

        /** Two patches per entry, in entry order: set to zero, and raised to its column's maximum. */
        private List<Patch> patches(int layer, List<int[]> entries) {
            List<Patch> patches = new ArrayList<>();
            for (int[] e : entries) {
                patches.add(new Patch(e[0], e[1], 0f));
                patches.add(new Patch(e[0], e[1], columnMax(layer, e[1])));
            }
            return patches;
        }

        private float columnMax(int layer, int column) {
            float max = 0;
            for (float[] row : runs.pattern(layer)) max = Math.max(max, row[column]);
            return max;
        }

        /** Steps 1 and 2: which entries move the predicted coordinate at the last position. */
        private void outputPatching() {
            float clean = runs.finalResidual(last, predicted);
            for (int l = 0; l < layerCount && !cancelled.getAsBoolean(); l++) {
                List<int[]> entries = entries(l);
                List<Patch> patches = patches(l, entries);
                int layer = l;
                float[] after = inBatches(patches, batch -> runs.residualAfter(layer, batch, last, predicted));
                progress.accept(0.4 * (l + 1) / layerCount);
                for (int k = 0; k < entries.size(); k++) {
                    double zeroDrop = clean - after[2 * k];
                    double raiseDrop = clean - after[2 * k + 1];
                    if (zeroDrop > LOGIT_DROP || raiseDrop > LOGIT_DROP) {
                        double[] f = flags(l, entries.get(k)[0], entries.get(k)[1]);
                        f[0] = Math.max(f[0], Math.max(zeroDrop, raiseDrop));
                        if (zeroDrop > LOGIT_DROP) f[1] = 1;
                        if (raiseDrop > LOGIT_DROP) f[2] = 1;
                    }
                }
            }
        }

        /** Step 3: for each important last-layer copy into the last token, what its score rests on. */
        private void scorePatching() {
            int top = layerCount - 1;
            List<Integer> sources = new ArrayList<>();
            for (long k : important.get(top).keySet()) if ((int) (k >>> 32) == last) sources.add((int) k);
            Collections.sort(sources);
            double threshold = sqrtWidth / 20;
            for (int source : sources) {
                float clean = runs.score(top, last, source);
                for (int l = 0; l < top && !cancelled.getAsBoolean(); l++) {
                    progress.accept(0.4 + 0.5 * (sources.indexOf(source) * top + l) / Math.max(1, sources.size() * top));
                    List<int[]> entries = entries(l);
                    List<Patch> patches = patches(l, entries);
                    int layer = l;
                    float[][] scores = new float[patches.size()][];
                    for (int from = 0; from < patches.size(); from += BATCH) {
                        List<Patch> batch = patches.subList(from, Math.min(patches.size(), from + BATCH));
                        float[][] part = runs.scoreAfter(layer, batch, top, last, source);
                        System.arraycopy(part, 0, scores, from, part.length);
                    }
                    for (int k = 0; k < entries.size(); k++) {
                        double drop = 0;
                        boolean zeroed = false;
                        boolean raised = false;
                        for (int variant = 0; variant < 2; variant++) {
                            for (int side = 0; side < 2; side++) {
                                double d = clean - scores[2 * k + variant][side];
                                if (d > threshold) {
                                    drop = Math.max(drop, d);
                                    if (variant == 0) zeroed = true;
                                    else raised = true;
                                }
                            }
                        }
                        if (drop > 0) {
                            double[] f = flags(l, entries.get(k)[0], entries.get(k)[1]);
                            f[0] = Math.max(f[0], drop / sqrtWidth);
                            if (zeroed) f[1] = 1;
                            if (raised) f[2] = 1;
                        }
                    }
                }
            }
        }

        /** Runs patches in batches of {@link #BATCH}, concatenating the results. */
        private float[] inBatches(List<Patch> patches, java.util.function.Function<List<Patch>, float[]> run) {
            float[] out = new float[patches.size()];
            for (int from = 0; from < patches.size(); from += BATCH) {
                float[] part = run.apply(patches.subList(from, Math.min(patches.size(), from + BATCH)));
                System.arraycopy(part, 0, out, from, part.length);
            }
            return out;
        }

        /**
         * Steps 4 and 5: signs, then the graph backwards from (L, last). Returns the nodes per layer
         * (positions); fills {@code operations} with the graph's operations.
         */
        private List<Set<Integer>> buildGraph(List<Trace.Operation> operations) {
            int positives = 0;
            int negatives = 0;
            for (Map<Long, double[]> layer : important) {
                for (double[] f : layer.values()) {
                    if (f[1] == 1) positives++;
                    if (f[2] == 1) negatives++;
                }
            }
            boolean keepPositive = positives <= negatives;
            List<Set<Integer>> nodes = new ArrayList<>();
            for (int l = 0; l <= layerCount; l++) nodes.add(new TreeSet<>());
            nodes.get(layerCount).add(last);
            for (int l = layerCount - 1; l >= 0; l--) {
                Set<Integer> above = nodes.get(l + 1);
                Set<Integer> here = nodes.get(l);
                List<int[]> edges = new ArrayList<>();
                // every node keeps its residual predecessor; every important operation into it adds its source
                here.addAll(above);
                for (long k : important.get(l).keySet()) {
                    int destination = (int) (k >>> 32);
                    int source = (int) k;
                    if (!above.contains(destination)) continue;
                    here.add(source);
                    edges.add(new int[] {source, destination});
                }
                Map<Long, Trace.Kind> explained = explain(l, edges);
                for (int[] edge : edges) {
                    double[] f = important.get(l).get(key(edge[1], edge[0]));
                    int sign = f[1] == 1 && f[2] == 1 ? (keepPositive ? 1 : -1) : f[1] == 1 ? 1 : f[2] == 1 ? -1 : 0;
                    operations.add(new Trace.Operation(l, edge[0], edge[1], explained.get(key(edge[1], edge[0])), sign, f[0]));
                }
            }
            operations.sort(java.util.Comparator.comparingInt(Trace.Operation::layer).thenComparingInt(Trace.Operation::destination)
                    .thenComparingInt(Trace.Operation::source));
            return nodes;
        }

        /** Step 6: classifies each operation of a layer by what its score depends on in the input. */
        private Map<Long, Trace.Kind> explain(int layer, List<int[]> edges) {
            Map<Long, Trace.Kind> kinds = new HashMap<>();
            if (edges.isEmpty()) return kinds;
            // every vocabulary token the input uses but padding (the mask keeps padding where it is)
            List<Integer> vertexTokens = new ArrayList<>();
            for (int t : tokens) if (t != layout.padToken() && !vertexTokens.contains(t)) vertexTokens.add(t);
            Collections.sort(vertexTokens);
            int replacement = replacement();
            List<float[]> perturbed = new ArrayList<>();
            float[] clean = runs.embedding();
            int width = runs.width();
            for (int t : vertexTokens) {
                float[] e = clean.clone();
                for (int r = 0; r < n; r++) {
                    if (tokens[r] != t) continue;
                    e[r * width + t] -= 1f;
                    e[r * width + replacement] += 1f;
                }
                perturbed.add(e);
            }
            int positionOffset = layout.vocabularySize() + model.config().hidden();
            for (int q : live) {
                float[] e = clean.clone();
                e[q * width + positionOffset + q] = 0f;
                perturbed.add(e);
            }
            float[][][] qk = runs.frozenQueriesAndKeys(layer, perturbed);
            float[] cleanQ = runs.queries(layer);
            float[] cleanK = runs.keys(layer);
            double threshold = sqrtWidth / 10;
            for (int[] edge : edges) {
                int source = edge[0];
                int destination = edge[1];
                double score = dot(cleanQ, destination, cleanK, source, width);
                Set<Integer> destinationTokens = new HashSet<>();
                Set<Integer> sourceTokens = new HashSet<>();
                Set<Integer> destinationPositions = new HashSet<>();
                Set<Integer> sourcePositions = new HashSet<>();
                for (int p = 0; p < perturbed.size(); p++) {
                    boolean destinationMoves = Math.abs(score - dot(qk[0][p], destination, cleanK, source, width)) > threshold;
                    boolean sourceMoves = Math.abs(score - dot(cleanQ, destination, qk[1][p], source, width)) > threshold;
                    if (p < vertexTokens.size()) {
                        if (destinationMoves) destinationTokens.add(vertexTokens.get(p));
                        if (sourceMoves) sourceTokens.add(vertexTokens.get(p));
                    } else {
                        int q = live.get(p - vertexTokens.size());
                        if (destinationMoves) destinationPositions.add(q);
                        if (sourceMoves) sourcePositions.add(q);
                    }
                }
                kinds.put(key(destination, source), classify(source, destination, sourceTokens, destinationTokens, sourcePositions, destinationPositions));
            }
            return kinds;
        }

        private Trace.Kind classify(int source, int destination, Set<Integer> sourceTokens, Set<Integer> destinationTokens,
                                    Set<Integer> sourcePositions, Set<Integer> destinationPositions) {
            if (destination == last && (source == n - 4 || source == n - 3)) return Trace.Kind.SPECIAL_COPY;
            for (int t : sourceTokens) if (layout.isVertex(t) && destinationTokens.contains(t)) return Trace.Kind.TOKEN_MATCH;
            for (int q : sourcePositions) {
                if (destinationPositions.contains(q + 1)) return Trace.Kind.POSITION_FORWARD;
                if (destinationPositions.contains(q - 1)) return Trace.Kind.POSITION_BACKWARD;
            }
            return Trace.Kind.OTHER;
        }

        private int replacement() {
            return alwaysIdZero ? 0 : replacementToken(tokens, layout);
        }

        /**
         * Step 7: each node starts with its own vertex and position; a residual edge, or an operation
         * consistent with the sets (its token is in both, or its position step links them), passes the
         * source's sets on. Step 8 keeps only the traced nodes.
         */
        private List<Map<Integer, SortedSet<Integer>>> propagate(List<Set<Integer>> nodes, List<Trace.Operation> operations) {
            List<Map<Integer, SortedSet<Integer>>> vertices = new ArrayList<>();
            List<Map<Integer, Set<Integer>>> positions = new ArrayList<>();
            Map<Integer, SortedSet<Integer>> first = new java.util.TreeMap<>();
            Map<Integer, Set<Integer>> firstPositions = new HashMap<>();
            for (int r : nodes.get(0)) {
                SortedSet<Integer> own = new TreeSet<>();
                if (layout.isVertex(tokens[r])) own.add(tokens[r]);
                first.put(r, own);
                firstPositions.put(r, new HashSet<>(Set.of(r)));
            }
            vertices.add(first);
            positions.add(firstPositions);
            for (int l = 0; l < layerCount; l++) {
                Map<Integer, SortedSet<Integer>> next = new java.util.TreeMap<>();
                Map<Integer, Set<Integer>> nextPositions = new HashMap<>();
                Map<Integer, SortedSet<Integer>> here = vertices.get(l);
                Map<Integer, Set<Integer>> herePositions = positions.get(l);
                for (int r : nodes.get(l + 1)) {
                    SortedSet<Integer> set = new TreeSet<>(here.getOrDefault(r, new TreeSet<>()));
                    Set<Integer> at = new HashSet<>(herePositions.getOrDefault(r, Set.of(r)));
                    for (Trace.Operation op : operations) {
                        if (op.layer() != l || op.destination() != r) continue;
                        SortedSet<Integer> from = here.getOrDefault(op.source(), new TreeSet<>());
                        Set<Integer> fromPositions = herePositions.getOrDefault(op.source(), Set.of(op.source()));
                        if (consistent(op, from, here.getOrDefault(r, new TreeSet<>()), fromPositions, herePositions.getOrDefault(r, Set.of(r)))) {
                            set.addAll(from);
                            at.addAll(fromPositions);
                        }
                    }
                    next.put(r, set);
                    nextPositions.put(r, at);
                }
                vertices.add(next);
                positions.add(nextPositions);
            }
            return vertices;
        }

        private boolean consistent(Trace.Operation op, Set<Integer> source, Set<Integer> destination, Set<Integer> sourcePositions,
                                   Set<Integer> destinationPositions) {
            return switch (op.kind()) {
                case TOKEN_MATCH -> {
                    for (int v : source) if (destination.contains(v)) yield true;
                    yield false;
                }
                case POSITION_FORWARD -> sourcePositions.stream().anyMatch(q -> destinationPositions.contains(q + 1));
                case POSITION_BACKWARD -> sourcePositions.stream().anyMatch(q -> destinationPositions.contains(q - 1));
                case SPECIAL_COPY -> true;
                case OTHER -> false;
            };
        }

        /** Whether the vertices include a path from the start to the goal over the input's edges. */
        private boolean containsPath(Set<Integer> vertices) {
            if (!vertices.contains(input.start()) || !vertices.contains(input.goal())) return false;
            Deque<Integer> queue = new ArrayDeque<>(List.of(input.start()));
            Set<Integer> seen = new HashSet<>(queue);
            while (!queue.isEmpty()) {
                int v = queue.poll();
                if (v == input.goal()) return true;
                for (Edge e : input.edges()) {
                    if (e.from() == v && vertices.contains(e.to()) && seen.add(e.to())) queue.add(e.to());
                }
            }
            return false;
        }
    }

    private static double dot(float[] q, int row, float[] k, int column, int width) {
        double sum = 0;
        for (int c = 0; c < width; c++) sum += q[row * width + c] * k[column * width + c];
        return sum;
    }
}
