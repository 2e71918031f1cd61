package dev.lookahead.interp;

import dev.lookahead.interp.CircuitGraph.Cause;
import dev.lookahead.interp.CircuitGraph.Node;
import dev.lookahead.model.EngineWorkers;
import dev.lookahead.model.PatchedRuns;
import dev.lookahead.model.PatchedRuns.Patch;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * One trace under the paper's rules (the paper's section 5, as its tracer decides each step; docs/tracing.md):
 * output patching of every attention entry, score patching for each root, the list-against-list
 * selection per layer, the graph built backwards with each operation explained by directional input
 * perturbations, then propagation, filtering and the path-merge count ({@link CircuitGraph}).
 */
final class PaperTracing {
    static final double LOGIT_DROP = 0.4;
    private static final int BATCH = 128;

    /** An operation kept for a layer: (destination, source) with its sign. */
    record Kept(int destination, int source, int sign) {
    }

    private final PatchedRuns runs;
    private final TokenLayout layout;
    private final int[] tokens;
    private final SearchInput input;
    private final int predicted;
    private final int replacement;
    private final BooleanSupplier cancelled;
    private final DoubleConsumer progress;
    /** Engine threads the patched passes share ({@link EngineWorkers}); 0 or 1 runs them on the calling thread. */
    private final int workers;
    private final int n;
    private final int last;
    private final int layers;
    private final double sqrtWidth;
    private final boolean[] padded;
    private final float clean;
    /** Per layer [row][column]: the predicted coordinate with the entry zeroed / raised to its column's maximum. */
    private final float[][][] zeroLogit;
    private final float[][][] maxLogit;
    /** Per root, per layer [row][column]: the root's score with the source side / destination side perturbed. */
    private final List<float[][][][]> rootScores = new ArrayList<>();
    private final List<Integer> roots = new ArrayList<>();
    private final List<Float> rootClean = new ArrayList<>();
    /** Step 6's perturbed inputs, run when the first operation is explained. */
    private Perturbations perturbations;

    PaperTracing(PatchedRuns runs, TokenLayout layout, int[] tokens, SearchInput input, int predicted, int replacement,
                 BooleanSupplier cancelled, DoubleConsumer progress, int workers) {
        this.runs = runs;
        this.workers = workers;
        this.layout = layout;
        this.tokens = tokens;
        this.input = input;
        this.predicted = predicted;
        this.replacement = replacement;
        this.cancelled = cancelled;
        this.progress = progress;
        this.n = tokens.length;
        this.last = n - 1;
        this.layers = runs.layers();
        this.sqrtWidth = Math.sqrt(runs.width());
        this.padded = new boolean[n];
        for (int r = 0; r < n; r++) padded[r] = tokens[r] == layout.padToken();
        this.clean = runs.finalResidual(last, predicted);
        this.zeroLogit = filled(layers, clean);
        this.maxLogit = filled(layers, clean);
    }

    private float[][][] filled(int count, float value) {
        float[][][] out = new float[count][n][n];
        for (float[][] layer : out) for (float[] row : layer) Arrays.fill(row, value);
        return out;
    }

    Trace trace() {
        patching();
        if (cancelled.getAsBoolean()) return Trace.failed("cancelled", runs.forwardPasses(), predicted, Trace.Rules.PAPER);
        List<List<Kept>> kept = new ArrayList<>();
        for (int l = 0; l < layers; l++) kept.add(select(l));
        for (int s : roots) {
            Kept root = new Kept(last, s, 1);
            if (!kept.get(layers - 1).contains(root)) kept.get(layers - 1).add(root);
        }
        CircuitGraph graph = build(kept);
        if (cancelled.getAsBoolean()) return Trace.failed("cancelled", runs.forwardPasses(), predicted, Trace.Rules.PAPER);
        List<Node> explained = graph.propagate();
        List<Node> remaining = graph.filter(explained);
        CircuitGraph.PathMerges merges = graph.pathMerges(remaining);
        boolean isExplained = remaining.contains(graph.root());
        progress.accept(1.0);
        return new Trace(isExplained, isExplained ? null : reason(graph, explained), runs.forwardPasses(), predicted,
                layerSets(graph, remaining), operations(graph), replacement == 0 ? Trace.Replacement.ID_0 : Trace.Replacement.FREE_ID,
                Trace.Rules.PAPER, merges.operations(), merges.suboptimalRoots(), graph.mergeDistances(remaining));
    }

    private String reason(CircuitGraph graph, List<Node> explained) {
        if (!explained.contains(graph.root())) return "no chain of explained operations reaches the last token";
        return "the last token's set holds no path from " + input.start() + " to " + input.goal();
    }

    /** Rows whose patching can reach the read-out: padded rows are never read by other rows. */
    private boolean rowMatters(int row, boolean padRowsToo) {
        return padRowsToo || !padded[row];
    }

    /**
     * The patches of a layer that change its pattern: zeroing a non-zero entry, raising one below its
     * column's maximum; in rows that can reach the read-out (padded rows too when {@code padRowsToo}).
     */
    private List<Patch> patches(int layer, boolean padRowsToo) {
        float[][] pattern = runs.pattern(layer);
        float[] columnMax = new float[n];
        for (float[] row : pattern) for (int j = 0; j < n; j++) columnMax[j] = Math.max(columnMax[j], row[j]);
        List<Patch> patches = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            if (!rowMatters(i, padRowsToo)) continue;
            for (int j = 0; j < n; j++) {
                if (pattern[i][j] != 0f) patches.add(new Patch(i, j, 0f));
                if (pattern[i][j] != columnMax[j]) patches.add(new Patch(i, j, columnMax[j]));
            }
        }
        return patches;
    }

    /**
     * Steps 1 to 3 in one patched pass per entry: the last layer first (step 1 there, whose entries
     * give the roots, step 2), then each earlier layer's patches read both at the output (step 1) and
     * at every root's score (step 3). A patch of the last layer outside the last row leaves the
     * read-out clean, so only the last row's are run.
     */
    private void patching() {
        int top = layers - 1;
        List<Patch> lastRow = patches(top, false).stream().filter(p -> p.row() == last).toList();
        for (int from = 0; from < lastRow.size(); from += BATCH) read(top, lastRow.subList(from, Math.min(lastRow.size(), from + BATCH)), new int[0]);
        roots.addAll(roots(zeroLogit[top], clean));
        int[] sources = roots.stream().mapToInt(Integer::intValue).toArray();
        boolean padRowsToo = false;
        for (int source : sources) {
            float old = runs.score(top, last, source);
            rootClean.add(old);
            // [zero/max][src side/dst side][layer][row][column]
            float[][][][] scores = new float[4][][][];
            for (int s = 0; s < 4; s++) scores[s] = filled(layers, old);
            rootScores.add(scores);
            padRowsToo |= padded[source];
        }
        progress.accept(0.1);
        List<Runnable> pieces = new ArrayList<>();
        for (int l = 0; l < top; l++) {
            int layer = l;
            List<Patch> patches = patches(l, padRowsToo);
            for (int from = 0; from < patches.size(); from += BATCH) {
                List<Patch> batch = patches.subList(from, Math.min(patches.size(), from + BATCH));
                pieces.add(() -> {
                    if (!cancelled.getAsBoolean()) read(layer, batch, sources);
                });
            }
        }
        // the earliest layers cost the most (every later block runs): they go first
        EngineWorkers.runAll(workers, pieces, share -> progress.accept(0.1 + 0.8 * share));
    }

    /**
     * A batch of one layer's patches: the predicted coordinate for rows that reach the read-out, and
     * each root's score both sides - for padded rows only where the root's source is padded itself.
     * Batches write disjoint entries, so they may run at once.
     */
    private void read(int layer, List<Patch> batch, int[] sources) {
        PatchedRuns.Reading reading = runs.read(layer, batch, last, predicted, sources);
        for (int b = 0; b < batch.size(); b++) {
            Patch p = batch.get(b);
            int variant = p.value() == 0f ? 0 : 2;
            if (!padded[p.row()]) (variant == 0 ? zeroLogit : maxLogit)[layer][p.row()][p.column()] = reading.output()[b];
            for (int k = 0; k < sources.length; k++) {
                if (padded[p.row()] && !padded[sources[k]]) continue;
                float[][][][] scores = rootScores.get(k);
                scores[variant][layer][p.row()][p.column()] = reading.scores()[k][b][1];     // source side perturbed
                scores[variant + 1][layer][p.row()][p.column()] = reading.scores()[k][b][0]; // destination side perturbed
            }
        }
    }

    /**
     * The roots from the last layer's zeroed-entry logits {@code zeroed[row][column]}: the columns of the
     * last row whose zeroing drops the logit by more than {@link #LOGIT_DROP} - or, when no entry of the
     * layer does (in any row), the last row's entries within 1e-6 of the layer's lowest value. Positive
     * copies into other rows only, and no fallback: no roots.
     */
    static List<Integer> roots(float[][] zeroed, float clean) {
        boolean any = false;
        float min = Float.POSITIVE_INFINITY;
        for (float[] row : zeroed) {
            for (float v : row) {
                if (v < clean - LOGIT_DROP) any = true;
                min = Math.min(min, v);
            }
        }
        float[] last = zeroed[zeroed.length - 1];
        List<Integer> out = new ArrayList<>();
        for (int j = 0; j < last.length; j++) if (any ? last[j] < clean - LOGIT_DROP : last[j] < min + 1e-6) out.add(j);
        return out;
    }

    /** Entries (row-major) whose value is below {@code threshold}. */
    private List<int[]> below(float[][] values, double threshold) {
        List<int[]> out = new ArrayList<>();
        for (int i = 0; i < n; i++) for (int j = 0; j < n; j++) if (values[i][j] < threshold) out.add(new int[] {i, j});
        return out;
    }

    /** Step 4 for one layer: the entries flagged by each patching, chosen list against list ({@link Selection}). */
    private List<Kept> select(int layer) {
        Selection selection = new Selection();
        selection.fromOutput(below(zeroLogit[layer], clean - LOGIT_DROP), below(maxLogit[layer], clean - LOGIT_DROP));
        double threshold = sqrtWidth / 20;
        for (int k = 0; k < roots.size(); k++) {
            float[][][][] scores = rootScores.get(k);
            double old = rootClean.get(k);
            for (int side = 0; side < 2; side++) {
                selection.fromScores(below(scores[side][layer], old - threshold), below(scores[2 + side][layer], old - threshold));
            }
        }
        return selection.kept();
    }

    /**
     * The paper's selection of one layer's operations, list against list rather than entry by entry:
     * from output patching, the negative list when the positives outnumber the negatives or there are
     * none, the positive list when they do not or there are no negatives; from each root's source side
     * and destination side, the negative list when the positives outnumber it, else the positive list.
     * An entry kept both ways gets sign 0.
     */
    static final class Selection {
        private final List<Long> positive = new ArrayList<>();
        private final List<Long> negative = new ArrayList<>();

        /** {@code zeroed}: entries whose zeroing drops the logit; {@code raised}: whose raising does. */
        void fromOutput(List<int[]> zeroed, List<int[]> raised) {
            if (zeroed.size() > raised.size() || zeroed.isEmpty()) addAll(negative, raised);
            if (zeroed.size() <= raised.size() || raised.isEmpty()) addAll(positive, zeroed);
        }

        /** The same for one side of one root's score. */
        void fromScores(List<int[]> zeroed, List<int[]> raised) {
            if (zeroed.size() > raised.size()) addAll(negative, raised);
            else addAll(positive, zeroed);
        }

        /** Positive copies first (sign +1), then negative ones (-1), then those kept both ways (0). */
        List<Kept> kept() {
            List<Kept> kept = new ArrayList<>();
            for (long e : positive) if (!negative.contains(e)) kept.add(kept(e, 1));
            for (long e : negative) if (!positive.contains(e)) kept.add(kept(e, -1));
            for (long e : positive) if (negative.contains(e)) kept.add(kept(e, 0));
            return kept;
        }

        private static void addAll(List<Long> list, List<int[]> entries) {
            for (int[] e : entries) {
                long key = (long) e[0] << 32 | e[1];
                if (!list.contains(key)) list.add(key);
            }
        }

        private static Kept kept(long key, int sign) {
            return new Kept((int) (key >>> 32), (int) key, sign);
        }
    }

    /** Step 5 with step 6: the graph backwards from the root, each operation weighed and explained. */
    private CircuitGraph build(List<List<Kept>> kept) {
        CircuitGraph graph = new CircuitGraph(layout, tokens, input.edges(), layers);
        List<Node> above = List.of(graph.root());
        for (int l = layers - 1; l >= 0 && !cancelled.getAsBoolean(); l--) {
            List<Node> below = graph.residualLayer(l, above);
            Explanations explanations = null;
            for (Kept op : kept.get(l)) {
                for (Node node : above) {
                    if (node.row != op.destination()) continue;
                    Node source = graph.operationSource(below, l, op.source());
                    graph.connect(source, node, op.sign(), weight(l, op));
                    if (explanations == null) explanations = new Explanations(l);
                    graph.explain(source, node, explanations.causes(op.destination(), op.source(), op.sign()));
                }
            }
            above = below;
            progress.accept(0.9 + 0.1 * (layers - l) / layers);
        }
        return graph;
    }

    /** Step 6 alone, for one operation of one layer (for inspection and tests). */
    List<Cause> explain(int layer, int destination, int source, int sign) {
        return new Explanations(layer).causes(destination, source, sign);
    }

    /** max(logit drop, each root's score drop / sqrt(d)) under zeroing for a positive copy; the raise's for the others. */
    private double weight(int layer, Kept op) {
        int i = op.destination();
        int j = op.source();
        boolean positive = op.sign() == 1;
        double weight = clean - (positive ? zeroLogit : maxLogit)[layer][i][j];
        for (int k = 0; k < roots.size(); k++) {
            float[][][][] scores = rootScores.get(k);
            double old = rootClean.get(k);
            for (int side = 0; side < 2; side++) {
                double change = old - scores[(positive ? 0 : 2) + side][layer][i][j];
                weight = Math.max(weight, (positive ? change : -change) / sqrtWidth);
            }
        }
        return weight;
    }

    /**
     * The inputs step 6 perturbs - every token value present replaced by the replacement token, every
     * position's bit zeroed - run once with the attention frozen, read at every layer up to the first
     * one asked for (the graph is built from the last layer down, so the first asked is the highest).
     */
    private final class Perturbations {
        private final List<Integer> index = new ArrayList<>();
        private final float[][][][] queriesAndKeys;

        Perturbations(int highestLayer) {
            int base = layout.vocabularySize();
            int width = runs.width();
            List<float[]> embeddings = new ArrayList<>();
            float[] embedding = runs.embedding();
            boolean[] present = new boolean[base];
            for (int t : tokens) present[t] = true;
            for (int t = 0; t < base; t++) {
                if (t == replacement || !present[t]) continue; // replacing it changes nothing
                float[] e = embedding.clone();
                for (int r = 0; r < n; r++) {
                    if (tokens[r] != t) continue;
                    e[r * width + t] -= 1f;
                    e[r * width + replacement] += 1f;
                }
                embeddings.add(e);
                index.add(t);
            }
            for (int q = 0; q < n; q++) {
                float[] e = embedding.clone();
                e[q * width + width - n + q] = 0f;
                embeddings.add(e);
                index.add(base + q);
            }
            queriesAndKeys = runs.frozenQueriesAndKeysUpTo(highestLayer, embeddings);
        }
    }

    /**
     * Step 6 for one layer: the layer's queries and keys with every token value present replaced by the
     * replacement token, and with every position's bit zeroed, the earlier layers' attention frozen.
     * Dependency indices follow the paper's numbering: token value t is t, position q is V+5+q.
     */
    private final class Explanations {
        private final int base = layout.vocabularySize();
        private final List<Integer> index;
        private final float[][][] perturbed;
        private final float[] cleanQ;
        private final float[] cleanK;
        private final int width = runs.width();

        Explanations(int layer) {
            if (perturbations == null) perturbations = new Perturbations(layer);
            index = perturbations.index;
            perturbed = perturbations.queriesAndKeys[layer];
            cleanQ = runs.queries(layer);
            cleanK = runs.keys(layer);
        }

        List<Cause> causes(int destination, int source, int sign) {
            double old = dot(cleanQ, destination, cleanK, source);
            double threshold = sqrtWidth / 10;
            java.util.Set<Integer> sourceDeps = new TreeSet<>();
            java.util.Set<Integer> destinationDeps = new TreeSet<>();
            for (int p = 0; p < index.size(); p++) {
                double sourceSide = dot(cleanQ, destination, perturbed[1][p], source);
                double destinationSide = dot(perturbed[0][p], destination, cleanK, source);
                if (sign == -1 ? sourceSide > old + threshold : sourceSide < old - threshold) sourceDeps.add(index.get(p));
                if (sign == -1 ? destinationSide > old + threshold : destinationSide < old - threshold) destinationDeps.add(index.get(p));
            }
            return classify(sourceDeps, destinationDeps);
        }

        /** The paper's reading of the dependencies: position steps, token matches, the special copies. */
        private List<Cause> classify(java.util.Set<Integer> sourceDeps, java.util.Set<Integer> destinationDeps) {
            List<Cause> causes = new ArrayList<>();
            for (int s : sourceDeps) {
                Cause cause = null;
                if (s >= base && destinationDeps.contains(s + 1)) cause = new Cause.PositionStep(s + 1, s);
                else if (s >= base && destinationDeps.contains(s - 1)) cause = new Cause.PositionStep(s - 1, s);
                else if (s <= layout.maxVertex() && destinationDeps.contains(s)) cause = new Cause.TokenMatch(s);
                if (cause != null && !causes.contains(cause)) causes.add(cause);
            }
            if (sourceDeps.contains(base + n - 4) && sourceDeps.contains(base + n - 3) && destinationDeps.contains(base + n - 1)) {
                causes.add(new Cause.StartGoalCopy());
            }
            if (sourceDeps.contains(base + n - 3)) causes.add(new Cause.GoalCopy());
            return causes;
        }

        private double dot(float[] q, int row, float[] k, int column) {
            double sum = 0;
            for (int c = 0; c < width; c++) sum += q[row * width + c] * k[column * width + c];
            return sum;
        }
    }

    /** Per layer, the kept nodes' vertex ids by position. */
    private List<Map<Integer, SortedSet<Integer>>> layerSets(CircuitGraph graph, List<Node> remaining) {
        List<Map<Integer, SortedSet<Integer>>> sets = new ArrayList<>();
        for (int l = 0; l <= layers; l++) sets.add(new TreeMap<>());
        for (Node node : remaining) sets.get(node.layer).put(node.row, graph.vertexIds(node));
        return sets;
    }

    /** Every operation edge of the graph, with its causes and copy direction. */
    private List<Trace.Operation> operations(CircuitGraph graph) {
        List<Trace.Operation> out = new ArrayList<>();
        int base = layout.vocabularySize();
        for (Node node : graph.nodes()) {
            for (CircuitGraph.Edge edge : node.successors) {
                if (edge.residual) continue;
                List<Cause> causes = edge.causes == null ? List.of() : edge.causes;
                out.add(new Trace.Operation(node.layer, node.row, edge.to.row, kind(causes), edge.sign, edge.weight,
                        causes.stream().map(c -> describe(c, base)).toList(), edge.direction == null ? null : edge.direction.toString()));
            }
        }
        out.sort(java.util.Comparator.comparingInt(Trace.Operation::layer).thenComparingInt(Trace.Operation::destination)
                .thenComparingInt(Trace.Operation::source));
        return out;
    }

    /** One kind for display, the first that applies: special copy, token match, position step, other. */
    private static Trace.Kind kind(List<Cause> causes) {
        if (causes.stream().anyMatch(c -> c instanceof Cause.StartGoalCopy || c instanceof Cause.GoalCopy)) return Trace.Kind.SPECIAL_COPY;
        if (causes.stream().anyMatch(c -> c instanceof Cause.TokenMatch)) return Trace.Kind.TOKEN_MATCH;
        for (Cause c : causes) {
            if (c instanceof Cause.PositionStep step) {
                return step.destinationAfterSource() ? Trace.Kind.POSITION_FORWARD : Trace.Kind.POSITION_BACKWARD;
            }
        }
        return Trace.Kind.OTHER;
    }

    private static String describe(Cause cause, int base) {
        return switch (cause) {
            case Cause.TokenMatch m -> "token:" + m.token();
            case Cause.PositionStep s -> "step:" + (s.destinationCode() - base) + "<-" + (s.sourceCode() - base);
            case Cause.StartGoalCopy c -> "start-goal-copy";
            case Cause.GoalCopy c -> "goal-copy";
        };
    }
}
