package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The in-context generators against a plain re-reading of each input written here (lists and maps, none of the
 * production code): every example is a depth-first search paused where its label says, or a selection-inference state
 * whose frontier and branch are the sizes asked for. (The generators' distributions agree with the paper's generator's
 * run side by side: docs/experiments/in-context-reference/.)
 */
class InContextGeneratorsTest {

    /** An input re-read: its edges (in order), start, goal and the tokens after {@code Q s g P}. */
    private record Read(Map<Integer, List<Integer>> children, int edges, int start, int goal, List<Integer> rest, int vocabularyPath) {
        static Read of(int n, int[] tokens) {
            int v = (n - 5) / 3;
            int i = 0;
            while (tokens[i] == v + 3) i++;
            Map<Integer, List<Integer>> children = new HashMap<>();
            int edges = 0;
            while (tokens[i] == v + 2) {
                children.computeIfAbsent(tokens[i + 1], k -> new ArrayList<>()).add(tokens[i + 2]);
                edges++;
                i += 3;
            }
            assertThat(tokens[i]).as("Q after the edges").isEqualTo(v + 4);
            assertThat(tokens[i + 3]).as("P after the query").isEqualTo(v + 1);
            List<Integer> rest = new ArrayList<>();
            for (int k = i + 4; k < n; k++) rest.add(tokens[k]);
            return new Read(children, edges, tokens[i + 1], tokens[i + 2], rest, v + 1);
        }

        List<Integer> childrenOf(int vertex) {
            return children.getOrDefault(vertex, List.of());
        }

        boolean reaches(int from, int to) {
            Set<Integer> seen = new HashSet<>();
            ArrayDeque<Integer> todo = new ArrayDeque<>(List.of(from));
            while (!todo.isEmpty()) {
                int v = todo.pop();
                if (v == to) return true;
                if (seen.add(v)) todo.addAll(childrenOf(v));
            }
            return false;
        }
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 48})
    void everyDepthFirstSearchExampleIsASearchPausedWhereItsLabelSays(int n) {
        TokenLayout layout = new TokenLayout(n);
        int slots = (n - 4) / 4;
        for (boolean scattered : new boolean[] {false, true}) {
            DfsGenerator generator = new DfsGenerator(DfsGenerator.Spec.training(layout, slots - 1).withRandomPadding(scattered), n);
            // scattered padding rejects most drafts (the backtrack counts the padding after the vertex): fewer of them
            for (int e = 0; e < (scattered ? (n == 32 ? 300 : 20) : 1500); e++) {
                InContextExample example = generator.next();
                Read read = Read.of(n, example.tokens());
                assertThat(read.edges()).as("at most T edges").isLessThanOrEqualTo(slots);
                assertThat(read.rest()).as("the trace fills T slots").hasSize(slots);
                List<Integer> trace = read.rest().stream().filter(t -> t != read.vocabularyPath()).toList();
                assertThat(trace.get(0)).as("the search starts at the start").isEqualTo(read.start());
                assertThat(trace).as("the goal ends the search, so it is never in a paused trace").doesNotContain(read.goal());
                assertThat(read.reaches(read.start(), read.goal())).isTrue();
                for (int k = 1; k < trace.size(); k++) assertThat(nextOfSearch(read, trace.subList(0, k))).contains(trace.get(k));

                Set<Integer> accepted = nextOfSearch(read, trace);
                assertThat(java.util.Arrays.stream(example.accepted()).boxed().toList()).containsExactlyElementsOf(accepted);
                assertThat(accepted).contains(example.label());
                assertThat(example.backtrack()).isEqualTo(tokensAfterBacktrackVertex(read, trace));
            }
        }
    }

    /** The vertices a depth-first search may visit next: the unvisited children of the latest trace vertex that has one. */
    private static TreeSet<Integer> nextOfSearch(Read read, List<Integer> trace) {
        for (int k = trace.size() - 1; k >= 0; k--) {
            TreeSet<Integer> unvisited = new TreeSet<>(read.childrenOf(trace.get(k)));
            unvisited.removeAll(trace);
            if (!unvisited.isEmpty()) return unvisited;
        }
        return new TreeSet<>();
    }

    private static int tokensAfterBacktrackVertex(Read read, List<Integer> trace) {
        for (int k = trace.size() - 1; k >= 0; k--) {
            TreeSet<Integer> unvisited = new TreeSet<>(read.childrenOf(trace.get(k)));
            unvisited.removeAll(trace);
            if (!unvisited.isEmpty()) return read.rest().size() - 1 - read.rest().lastIndexOf(trace.get(k));
        }
        return -1;
    }

    @ParameterizedTest
    @ValueSource(ints = {32, 48})
    void everySelectionInferenceExampleHasTheFrontierAndBranchItWasDrawnFor(int n) {
        TokenLayout layout = new TokenLayout(n);
        int maxEdges = (n - 2) / 6;
        SiGenerator generator = new SiGenerator(SiGenerator.Spec.training(layout), n);
        Set<String> kinds = new HashSet<>();
        for (int e = 0; e < 3000; e++) {
            InContextExample example = generator.next();
            Read read = Read.of(n, example.tokens());
            assertThat(read.edges()).as("at most E edges").isLessThanOrEqualTo(maxEdges);
            assertThat(read.rest()).as("the visited part fills 3(E-1)+1 slots").hasSize(3 * (maxEdges - 1) + 1);
            List<Integer> rest = read.rest();
            int p = read.vocabularyPath();
            boolean selection = rest.get(rest.size() - 1) == p;
            int expand = selection ? -1 : rest.get(rest.size() - 1);
            List<Integer> visitedPart = rest.subList(0, rest.size() - (selection ? 1 : 2));
            List<int[]> visited = new ArrayList<>();
            for (int k = visitedPart.size() - 1; k >= 2 && visitedPart.get(k - 2) == p && visitedPart.get(k) != p; k -= 3) {
                visited.add(0, new int[] {visitedPart.get(k - 1), visitedPart.get(k)});
            }
            Set<Integer> seen = new HashSet<>();
            List<Integer> order = new ArrayList<>();
            for (int[] edge : visited) {
                assertThat(read.childrenOf(edge[0])).as("a visited edge is an edge of the graph").contains(edge[1]);
                order.add(edge[0]);
                order.add(edge[1]);
                seen.add(edge[0]);
                seen.add(edge[1]);
            }
            assertThat(seen).as("the goal is never visited before the search ends").doesNotContain(read.goal());
            assertThat(read.reaches(read.start(), read.goal())).isTrue();
            List<Integer> frontier = new ArrayList<>();
            for (int v : order) {
                if (!frontier.contains(v) && read.childrenOf(v).stream().anyMatch(c -> !seen.contains(c))) frontier.add(v);
            }
            if (frontier.isEmpty()) frontier.add(read.start());
            TreeSet<Integer> accepted = new TreeSet<>(selection ? frontier : read.childrenOf(expand).stream().filter(c -> !seen.contains(c)).toList());
            assertThat(java.util.Arrays.stream(example.accepted()).boxed().toList()).containsExactlyElementsOf(accepted);
            assertThat(accepted).contains(example.label());
            assertThat(example.frontierSize()).isEqualTo(frontier.size());
            assertThat(example.bucket()).startsWith(frontier.size() + ",");
            if (!selection) assertThat(example.bucket()).isEqualTo(frontier.size() + "," + read.childrenOf(expand).size());
            assertThat(example.branchSize()).isEqualTo(selection ? null : read.childrenOf(expand).size());
            kinds.add(example.step());
        }
        assertThat(kinds).containsExactlyInAnyOrder("selection", "inference");
    }

    @Test
    void testBucketsHoldWhatTheyAreNamedForAndNeverShareAnInput() {
        TokenLayout layout = new TokenLayout(32);
        for (Task task : List.of(Task.DFS, Task.SI)) {
            Map<String, List<InContextExample>> sets = InContextSets.testSet(layout, task, null, 150, 5, Set.of());
            assertThat(sets.keySet()).containsExactlyElementsOf(InContextSets.bucketNames(layout, task));
            Map<TokenRow, String> owner = new HashMap<>();
            sets.forEach((bucket, examples) -> {
                assertThat(examples).hasSize(150).allSatisfy(e -> assertThat(e.bucket()).isEqualTo(bucket));
                for (InContextExample e : examples) {
                    String first = owner.putIfAbsent(TokenRow.of(layout, e.tokens()), bucket);
                    assertThat(first == null || first.equals(bucket)).as("an input of bucket " + first + " drawn again for " + bucket).isTrue();
                }
            });
        }
        assertThat(InContextSets.bucketNames(layout, Task.DFS)).containsExactly("-1", "0", "1", "2", "3", "4", "5", "6");
        assertThat(InContextSets.bucketNames(layout, Task.SI)).as("f <= 3, b <= 5, f + b <= 6")
                .containsExactly("1,1", "1,2", "1,3", "1,4", "1,5", "2,1", "2,2", "2,3", "2,4", "3,1", "3,2", "3,3");
    }

    @Test
    void reservedInputsAreNeverDrawnAndTheSameSeedDrawsTheSameExamples() {
        TokenLayout layout = new TokenLayout(32);
        for (Task task : List.of(Task.DFS, Task.SI)) {
            Set<TokenRow> reserved = new HashSet<>();
            List<InContextExample> first = new ArrayList<>();
            InContextSets.generate(layout, InContextSets.Choice.training(task), 400, 9, Set.of(), first::add);
            first.forEach(e -> reserved.add(TokenRow.of(layout, e.tokens())));
            List<InContextExample> again = new ArrayList<>();
            InContextSets.generate(layout, InContextSets.Choice.training(task), 400, 9, Set.of(), again::add);
            assertThat(again).extracting(e -> TokenRow.of(layout, e.tokens())).containsExactlyElementsOf(first.stream().map(e -> TokenRow.of(layout, e.tokens())).toList());

            InContextSets.Source source = InContextSets.source(layout, InContextSets.Choice.training(task), reserved, 9);
            for (int i = 0; i < 400; i++) assertThat(reserved).doesNotContain(TokenRow.of(layout, source.next().tokens()));
            assertThat(source.collisions()).as("the same seed meets its reserved inputs and rejects them").isPositive();
        }
    }

    @Test
    void aBucketThatHasNearlyExhaustedItsKindIsNotHeldOutSoTrainingStillDrawsIt() {
        TokenLayout small = new TokenLayout(20);
        Set<TokenRow> reserved = InContextSets.reservedRows(small, Task.SI);
        List<InContextExample> oneOne = InContextSets.standard(small, Task.SI, 1000).get("1,1");
        assertThat(oneOne.stream().map(e -> TokenRow.of(small, e.tokens())).distinct().count()).as("the whole (1, 1) kind at n = 20").isLessThan(20);
        assertThat(reserved).doesNotContainAnyElementsOf(oneOne.stream().map(e -> TokenRow.of(small, e.tokens())).toList());
        InContextSets.Source training = InContextSets.source(small, InContextSets.Choice.training(Task.SI), reserved, 3);
        for (int i = 0; i < 300; i++) training.next(); // would give up after a million rejected drafts if (1, 1) were all reserved
        TokenLayout layout = new TokenLayout(32);
        assertThat(InContextSets.reservedRows(layout, Task.DFS)).as("at n = 32 every dfs bucket is held out").hasSizeGreaterThan(5000);
    }

    @Test
    void askingForMoreThanTheInputHoldsIsRefusedWithTheLimit() {
        TokenLayout layout = new TokenLayout(32);
        assertThatThrownBy(() -> DfsGenerator.Spec.bucket(layout, 7)).hasMessageContaining("-1..6");
        assertThatThrownBy(() -> SiGenerator.Spec.bucket(layout, 3, 4)).hasMessageContaining("frontier + branch <= 6");
        assertThatThrownBy(() -> InContextSets.source(layout, new InContextSets.Choice(Task.SI, null, null, false, 2, null), Set.of(), 1))
                .hasMessageContaining("--frontier and --branch together");
    }
}
