package dev.lookahead.interp;

import static org.assertj.core.api.Assertions.assertThat;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.nio.FloatBuffer;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/** Tracing models with hand-set weights whose circuit is known. */
class CircuitTracerTest {
    /** n = 17: vertices 1..4, vocabulary 9, 4 hidden coordinates, width 30; positions start at coordinate 13. */
    private static final int N = 17;
    private static final int WIDTH = 30;
    private static final int POSITIONS = 13;
    private static final int HIDDEN = 9;

    private static SearchModel blank() {
        SearchModel model = SearchModel.create(new ModelConfig(N, 1, 4, 1, false, false), Device.cpu(), 1);
        for (var p : model.network().getParameters()) {
            String name = p.getKey();
            NDArray array = p.getValue().getArray();
            if (name.contains("block0") && !name.contains("gamma")) array.set(FloatBuffer.wrap(new float[(int) array.size()]));
        }
        return model;
    }

    /** qkv weight [3d, d]: rows 0..d-1 make queries, d..2d-1 keys, 2d..3d-1 values (y = W x + b). */
    private static void setAttention(SearchModel model, float[][] query, float[][] key, float[][] value) {
        float[] qkv = new float[3 * WIDTH * WIDTH];
        for (int r = 0; r < WIDTH; r++) {
            for (int c = 0; c < WIDTH; c++) {
                qkv[r * WIDTH + c] = query[r][c];
                qkv[(WIDTH + r) * WIDTH + c] = key[r][c];
                qkv[(2 * WIDTH + r) * WIDTH + c] = value[r][c];
            }
        }
        float[] identity = new float[WIDTH * WIDTH];
        for (int i = 0; i < WIDTH; i++) identity[i * WIDTH + i] = 1;
        for (var p : model.network().getParameters()) {
            if (p.getKey().endsWith("qkv_weight")) p.getValue().getArray().set(FloatBuffer.wrap(qkv));
            if (p.getKey().endsWith("out_weight") && p.getKey().contains("attn")) p.getValue().getArray().set(FloatBuffer.wrap(identity));
        }
    }

    private static int[] tokens() {
        // start 1 with children 2 and 3; the goal 3 is a child of the start
        return Tokenizer.encode(SearchInput.firstStep(new TokenLayout(N), List.of(new Edge(1, 2), new Edge(1, 3), new Edge(2, 4)), 1, 3));
    }

    @Test
    void aLayerThatCopiesTheGoalIntoTheLastTokenIsTracedToExactlyThatOperation() {
        try (SearchModel model = blank()) {
            float[][] query = new float[WIDTH][WIDTH];
            float[][] key = new float[WIDTH][WIDTH];
            float[][] value = new float[WIDTH][WIDTH];
            query[HIDDEN][POSITIONS + N - 1] = 10;   // the last position asks
            key[HIDDEN][POSITIONS + N - 3] = 10;     // the goal's position in the query answers
            for (int t = 0; t < 9; t++) value[t][t] = 2; // and its token is copied
            setAttention(model, query, key, value);
            int[] tokens = tokens();
            Trace trace = new CircuitTracer(model).trace(tokens, () -> false);

            assertThat(trace.predicted()).isEqualTo(3);
            assertThat(trace.operations()).hasSize(1);
            Trace.Operation op = trace.operations().get(0);
            assertThat(op.layer()).isZero();
            assertThat(op.source()).isEqualTo(N - 3);
            assertThat(op.destination()).isEqualTo(N - 1);
            assertThat(op.kind()).isEqualTo(Trace.Kind.SPECIAL_COPY);
            assertThat(op.causes()).as("its score rests on the goal's position in the query").contains("goal-copy");
            assertThat(op.sign()).isEqualTo(1);
            assertThat(trace.layers()).hasSize(2);
            assertThat(trace.layers().get(0).keySet()).as("the embedding of the last token explains nothing by itself").containsExactly(N - 3);
            assertThat(trace.layers().get(1)).containsOnlyKeys(N - 1);
            assertThat(trace.layers().get(1).get(N - 1)).containsExactly(1, 3);
            assertThat(trace.explained()).as("start 1 and goal 3 joined by an edge").isTrue();
            assertThat(trace.forwardPasses()).isPositive();
            assertThat(trace.pathMergeOperations()).as("one block: no path merges between the first and the last").isZero();
        }
    }

    @Test
    void aCopyIntoTheLastTokenThatRestsOnTheGoalsTokenNotItsPositionIsNoSpecialCopyUnderThePapersRules() {
        try (SearchModel model = blank()) {
            float[][] query = new float[WIDTH][WIDTH];
            float[][] key = new float[WIDTH][WIDTH];
            float[][] value = new float[WIDTH][WIDTH];
            query[HIDDEN][POSITIONS + N - 1] = 10; // the last position asks
            key[HIDDEN][3] = 10;                   // every token of vertex 3 answers, wherever it stands
            for (int t = 0; t < 9; t++) value[t][t] = 2;
            setAttention(model, query, key, value);
            int[] tokens = tokens();

            Trace lenient = new CircuitTracer(model).withRules(Trace.Rules.LENIENT).trace(tokens, () -> false);
            assertThat(lenient.operations()).as("the lenient rules call a copy from the goal's position special by its position alone")
                    .anyMatch(op -> op.source() == N - 3 && op.kind() == Trace.Kind.SPECIAL_COPY);
            assertThat(lenient.explained()).isTrue();

            Trace paper = new CircuitTracer(model).trace(tokens, () -> false);
            assertThat(paper.predicted()).isEqualTo(3);
            assertThat(paper.operations()).as("the source side depends on token 3, the destination side on its own position: no cause")
                    .isNotEmpty().allMatch(op -> op.kind() == Trace.Kind.OTHER);
            assertThat(paper.explained()).isFalse();
            assertThat(paper.reason()).contains("no chain of explained operations");
        }
    }

    @Test
    void tokenMatchingAndPositionStepsAreToldApart() throws Exception {
        int[] tokens = tokens();
        int positionOfEdgeTarget = -1;
        int repeated = -1;
        // an edge "E 1 2" is followed by "E 1 3": vertex 1 appears at two positions
        Set<Integer> seen = new TreeSet<>();
        for (int r = 0; r < N; r++) {
            if (tokens[r] == 1) {
                if (repeated < 0 && !seen.isEmpty()) repeated = r;
                seen.add(r);
            }
        }
        int firstOne = seen.iterator().next();
        try (SearchModel model = blank()) {
            float[][] query = new float[WIDTH][WIDTH];
            float[][] key = new float[WIDTH][WIDTH];
            for (int t = 1; t <= 4; t++) {
                query[t][t] = 10;   // a token looks for its own vertex
                key[t][t] = 10;
            }
            setAttention(model, query, key, new float[WIDTH][WIDTH]);
            Trace.Kind kind = new CircuitTracer(model).explainOperation(tokens, 0, firstOne, repeated);
            assertThat(kind).isEqualTo(Trace.Kind.TOKEN_MATCH);
        }
        try (SearchModel model = blank()) {
            float[][] query = new float[WIDTH][WIDTH];
            float[][] key = new float[WIDTH][WIDTH];
            for (int q = 1; q < N; q++) {
                query[POSITIONS + q - 1][POSITIONS + q] = 10;  // position q looks one step back
                key[POSITIONS + q - 1][POSITIONS + q - 1] = 10;
            }
            setAttention(model, query, key, new float[WIDTH][WIDTH]);
            positionOfEdgeTarget = repeated + 1;
            Trace.Kind kind = new CircuitTracer(model).explainOperation(tokens, 0, positionOfEdgeTarget - 1, positionOfEdgeTarget);
            assertThat(kind).isEqualTo(Trace.Kind.POSITION_FORWARD);
        }
    }

    @Test
    void underThePapersRulesAPositiveCopyIsExplainedByADropAndANegativeCopyOnlyByARise() throws Exception {
        int[] tokens = tokens();
        int first = -1;
        int second = -1;
        for (int r = 0; r < N; r++) {
            if (tokens[r] != 1) continue;
            if (first < 0) first = r;
            else if (second < 0) second = r;
        }
        try (SearchModel model = blank()) {
            float[][] query = new float[WIDTH][WIDTH];
            float[][] key = new float[WIDTH][WIDTH];
            for (int t = 1; t <= 4; t++) {
                query[t][t] = 10;   // a token looks for its own vertex
                key[t][t] = 10;
            }
            setAttention(model, query, key, new float[WIDTH][WIDTH]);
            CircuitTracer tracer = new CircuitTracer(model);
            // replacing vertex 1 everywhere lowers the score between two of its tokens, on both sides
            assertThat(tracer.paperCauses(tokens, 0, first, second, 1)).as("a drop explains a positive copy")
                    .contains(new CircuitGraph.Cause.TokenMatch(1));
            assertThat(tracer.paperCauses(tokens, 0, first, second, 0)).as("sign 0 is read as positive")
                    .contains(new CircuitGraph.Cause.TokenMatch(1));
            assertThat(tracer.paperCauses(tokens, 0, first, second, -1)).as("a drop does not explain a negative copy").isEmpty();
            assertThat(tracer.withRules(Trace.Rules.LENIENT).explainOperation(tokens, 0, first, second))
                    .as("the lenient rules read the size of a change, not its direction").isEqualTo(Trace.Kind.TOKEN_MATCH);
        }
    }

    @Test
    void theSelectionKeepsTheShorterListNotEveryFlaggedEntry() {
        List<int[]> three = List.of(new int[] {5, 1}, new int[] {5, 2}, new int[] {5, 3});
        List<int[]> one = List.of(new int[] {6, 1});
        PaperTracing.Selection outputOnly = new PaperTracing.Selection();
        outputOnly.fromOutput(three, one);
        assertThat(outputOnly.kept()).as("more positives than negatives: only the negatives stay")
                .containsExactly(new PaperTracing.Kept(6, 1, -1));

        PaperTracing.Selection fewerPositives = new PaperTracing.Selection();
        fewerPositives.fromOutput(one, three);
        assertThat(fewerPositives.kept()).containsExactly(new PaperTracing.Kept(6, 1, 1));

        PaperTracing.Selection noNegatives = new PaperTracing.Selection();
        noNegatives.fromOutput(three, List.of());
        assertThat(noNegatives.kept()).as("no negatives: the positives stay").hasSize(3).allMatch(k -> k.sign() == 1);

        PaperTracing.Selection scores = new PaperTracing.Selection();
        scores.fromScores(List.of(), List.of(new int[] {6, 1}));
        assertThat(scores.kept()).as("score patching keeps the negatives only when the positives outnumber them").isEmpty();
        scores.fromScores(List.of(new int[] {6, 1}, new int[] {7, 7}), List.of(new int[] {6, 1}));
        scores.fromOutput(List.of(new int[] {6, 1}, new int[] {8, 2}), List.of());
        assertThat(scores.kept()).as("negative by a root's score, positive by the output: sign 0, after the one-sided ones")
                .containsExactly(new PaperTracing.Kept(8, 2, 1), new PaperTracing.Kept(6, 1, 0));
    }

    @Test
    void rootsAreTheLastLayersPositiveCopiesIntoTheLastTokenWithTheFallbackOnlyWhenThereAreNone() {
        float clean = 5f;
        float[][] intoLast = {{5f, 5f, 5f}, {5f, 5f, 5f}, {5f, 4.5f, 3f}};
        assertThat(PaperTracing.roots(intoLast, clean)).as("only drops above 0.4").containsExactly(1, 2);
        float[][] elsewhere = {{3f, 5f, 5f}, {5f, 5f, 5f}, {5f, 4.9f, 5f}};
        assertThat(PaperTracing.roots(elsewhere, clean)).as("a positive copy into another token: no fallback, no roots").isEmpty();
        float[][] none = {{5f, 5f, 5f}, {5f, 4.8f, 5f}, {4.8f, 4.9f, 4.8f}};
        assertThat(PaperTracing.roots(none, clean)).as("no positive copy at all: the last row's entries at the minimum")
                .containsExactly(0, 2);
    }

    @Test
    void theReplacementTokenIsThePapersFirstIdTheInputLacksAndIdZeroOnlyWhenItLacksNone() {
        TokenLayout layout = new TokenLayout(N); // vertices 1..4, P 5, E 6, PAD 7, Q 8
        int[] freeVertex = Tokenizer.encode(SearchInput.firstStep(layout, List.of(new Edge(1, 2), new Edge(1, 4)), 1, 2));
        assertThat(CircuitTracer.replacementToken(freeVertex, layout)).as("3 is the first id missing").isEqualTo(3);
        // four edges fill n = 17 exactly: no padding, every vertex used, so the padding token is the first free id
        int[] unpadded = Tokenizer.encode(SearchInput.firstStep(layout, List.of(new Edge(1, 2), new Edge(2, 3),
                new Edge(1, 4), new Edge(4, 3)), 1, 3));
        assertThat(unpadded).doesNotContain(layout.padToken());
        assertThat(CircuitTracer.replacementToken(unpadded, layout)).isEqualTo(layout.padToken());
        // three edges over all four vertices leave one padding token: every id 1..8 occurs, only id 0 is left
        int[] full = Tokenizer.encode(SearchInput.firstStep(layout, List.of(new Edge(1, 2), new Edge(2, 3), new Edge(1, 4)), 1, 3));
        assertThat(CircuitTracer.replacementToken(full, layout)).isZero();
    }
}
