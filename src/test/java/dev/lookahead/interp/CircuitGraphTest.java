package dev.lookahead.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.interp.CircuitGraph.Cause;
import dev.lookahead.interp.CircuitGraph.Node;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The paper's reading of a traced graph, on graphs built by hand: how sets flow, when the last token
 * counts as explained, and how path-merge operations are counted (the paper's section 5; docs/tracing.md).
 */
class CircuitGraphTest {
    /** n = 20: vertices 1..5, position q has code 10 + q. */
    private static final TokenLayout LAYOUT = new TokenLayout(20);
    private static final int N = 20;

    private static int[] tokens(List<Edge> edges, int start, int goal) {
        return Tokenizer.encode(SearchInput.firstStep(LAYOUT, edges, start, goal));
    }

    /** The position of the first edge (u, v)'s u token. */
    private static int sourceOfEdge(int[] tokens, int u, int v) {
        for (int r = 0; r + 1 < tokens.length; r++) if (tokens[r] == u && tokens[r + 1] == v && tokens[r - 1] == LAYOUT.edgeToken()) return r;
        throw new AssertionError("no edge " + u + " -> " + v);
    }

    private static CircuitGraph graph(int[] tokens, List<Edge> edges, int layers) {
        return new CircuitGraph(LAYOUT, tokens, edges, layers);
    }

    @Test
    void aGoalCopyIntoTheLastTokenExplainsItOnlyWhenTheStartReachesTheGoalThroughItsSet() {
        for (boolean adjacent : new boolean[] {true, false}) {
            List<Edge> edges = adjacent ? List.of(new Edge(1, 3), new Edge(3, 4)) : List.of(new Edge(1, 2), new Edge(2, 3));
            int[] tokens = tokens(edges, 1, 3);
            CircuitGraph graph = graph(tokens, edges, 1);
            List<Node> below = graph.residualLayer(0, List.of(graph.root()));
            Node goal = graph.operationSource(below, 0, N - 3);
            graph.connect(goal, graph.root(), 1, 1.0);
            graph.explain(goal, graph.root(), List.of(new Cause.GoalCopy()));

            List<Node> explained = graph.propagate();
            assertThat(explained).as("the goal's copy reaches the last token").contains(graph.root());
            assertThat(graph.filter(explained).contains(graph.root()))
                    .as(adjacent ? "start 1 and goal 3 joined by an edge" : "1 reaches 3 only through 2, which the set lacks")
                    .isEqualTo(adjacent);
        }
    }

    @Test
    void aGoalCopyIntoAnyOtherTokenCountsAsTemporaryStorageButOnlyFromATokenHoldingTheGoalsPosition() {
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3));
        int[] tokens = tokens(edges, 1, 3);
        int elsewhere = sourceOfEdge(tokens, 2, 3);
        for (int from : new int[] {N - 3, elsewhere + 1}) {
            CircuitGraph graph = graph(tokens, edges, 2);
            List<Node> one = graph.residualLayer(1, List.of(graph.root()));
            Node store = graph.operationSource(one, 1, elsewhere);
            graph.connect(store, graph.root(), 1, 1.0);
            List<Node> zero = graph.residualLayer(0, one);
            Node source = graph.operationSource(zero, 0, from);
            graph.connect(source, store, 1, 1.0);
            graph.explain(source, store, List.of(new Cause.GoalCopy()));
            graph.propagate();
            assertThat(store.reachable.contains(3) && store.reachable.contains(graph.positionCode(from)))
                    .as("copied from position %d", from).isEqualTo(from == N - 3);
        }
    }

    @Test
    void aStartAndGoalCopyNeedsBothPositionsInTheSourcesSet() {
        List<Edge> edges = List.of(new Edge(1, 3));
        int[] tokens = tokens(edges, 1, 3);
        for (boolean both : new boolean[] {true, false}) {
            CircuitGraph graph = graph(tokens, edges, 2);
            List<Node> one = graph.residualLayer(1, List.of(graph.root()));
            Node goal = graph.operationSource(one, 1, N - 3);
            graph.connect(goal, graph.root(), 1, 1.0);
            graph.explain(goal, graph.root(), List.of(new Cause.StartGoalCopy()));
            List<Node> zero = graph.residualLayer(0, one);
            if (both) {
                Node start = graph.operationSource(zero, 0, N - 4);
                graph.connect(start, goal, 1, 1.0);
                graph.explain(start, goal, List.of(new Cause.TokenMatch(1)));
            }
            assertThat(graph.propagate().contains(graph.root())).isEqualTo(both);
        }
    }

    @Test
    void aPositionStepPassesASetOnlyInTheCopyDirectionTheGraphGives() {
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(3, 5));
        int[] tokens = tokens(edges, 1, 5);
        int u = sourceOfEdge(tokens, 2, 3);
        for (boolean fromTheTarget : new boolean[] {true, false}) {
            CircuitGraph graph = graph(tokens, edges, 2);
            List<Node> one = graph.residualLayer(1, List.of(graph.root()));
            // the token of 2 in "E 2 3" reads the token of 3 beside it (or 3's token reads 2's)
            int destination = fromTheTarget ? u : u + 1;
            int source = fromTheTarget ? u + 1 : u;
            Node into = graph.operationSource(one, 1, destination);
            graph.connect(into, graph.root(), 1, 1.0);
            List<Node> zero = graph.residualLayer(0, one);
            Node from = graph.operationSource(zero, 0, source);
            graph.connect(from, into, 1, 1.0);
            graph.explain(from, into, List.of(new Cause.PositionStep(graph.positionCode(destination), graph.positionCode(source))));

            assertThat(graph.direction(source, destination)).isEqualTo(fromTheTarget ? 'f' : 'b');
            graph.propagate();
            // the step's sense (destination one before or after the source) always matches here; what decides is the set's content
            assertThat(into.reachable).as("the destination takes the source's set").contains(tokens[source]);
        }
    }

    @Test
    void aPositionStepAgainstTheCopyDirectionPassesNothing() {
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(3, 5));
        int[] tokens = tokens(edges, 1, 5);
        int u = sourceOfEdge(tokens, 2, 3);
        CircuitGraph graph = graph(tokens, edges, 2);
        List<Node> one = graph.residualLayer(1, List.of(graph.root()));
        Node into = graph.operationSource(one, 1, u);
        graph.connect(into, graph.root(), 1, 1.0);
        List<Node> zero = graph.residualLayer(0, one);
        Node from = graph.operationSource(zero, 0, u + 1);
        graph.connect(from, into, 1, 1.0);
        // copy direction 'f' (3's token into 2's), but a step whose destination lies after its source
        graph.explain(from, into, List.of(new Cause.PositionStep(graph.positionCode(u + 2), graph.positionCode(u + 1))));
        graph.propagate();
        assertThat(into.reachable).as("only its own residual set").doesNotContain(3);
    }

    @Test
    void aTokenMatchPassesASetWhenItsTokenSitsAtAPositionOfTheSourcesSet() {
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(3, 5));
        int[] tokens = tokens(edges, 1, 5);
        int a = sourceOfEdge(tokens, 2, 3);
        int b = sourceOfEdge(tokens, 1, 2) + 1; // the other token of vertex 2
        for (int matched : new int[] {2, 3}) {
            CircuitGraph graph = graph(tokens, edges, 1);
            List<Node> zero = graph.residualLayer(0, List.of(graph.root()));
            Node from = graph.operationSource(zero, 0, a);
            graph.connect(from, graph.root(), 1, 1.0);
            graph.explain(from, graph.root(), List.of(new Cause.TokenMatch(matched)));
            assertThat(graph.propagate().contains(graph.root())).as("token %d at a position of {%d}", matched, a).isEqualTo(matched == 2);
            assertThat(b).isNotEqualTo(a);
        }
    }

    @Test
    void pathMergesAreNodesAndSuboptimalityIsInheritedButOnlyItsRootsCount() {
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(1, 4), new Edge(3, 5));
        int[] tokens = tokens(edges, 1, 5);
        int x = sourceOfEdge(tokens, 2, 3);     // vertex 2, beside vertex 3
        int z = sourceOfEdge(tokens, 1, 4) + 1; // vertex 4
        CircuitGraph graph = graph(tokens, edges, 3);
        List<Node> two = graph.residualLayer(2, List.of(graph.root()));
        Node x2 = graph.operationSource(two, 2, x);
        Node z2 = graph.operationSource(two, 2, z);
        for (Node node : List.of(x2, z2)) {
            graph.connect(node, graph.root(), 1, 1.0);
            graph.explain(node, graph.root(), List.of(new Cause.TokenMatch(tokens[node.row])));
        }
        List<Node> one = graph.residualLayer(1, two);
        Node x1 = one.stream().filter(n -> n.row == x).findFirst().orElseThrow();
        // block 0: 2's token reads 3's beside it - a merge of two one-vertex sets, both of path length 0: optimal
        List<Node> zero = graph.residualLayer(0, one);
        Node beside = graph.operationSource(zero, 0, x + 1);
        graph.connect(beside, x1, 1, 1.0);
        graph.explain(beside, x1, List.of(new Cause.PositionStep(graph.positionCode(x), graph.positionCode(x + 1))));

        List<Node> kept = graph.filter(graph.propagate());
        CircuitGraph.PathMerges merges = graph.pathMerges(kept);
        // after block 0: x optimal, z only copies itself (a suboptimal root); after block 1: x's node merges nothing
        // more (a suboptimal root), z's inherits its predecessor's suboptimality
        assertThat(merges.operations()).isEqualTo(4);
        assertThat(merges.suboptimalRoots()).isEqualTo(2);
        assertThat(x1.reachable).contains(2, 3);
    }

    @Test
    void nodesWhoseSetsHoldTheStartOrGoalAreNoPathMerges() {
        List<Edge> edges = List.of(new Edge(1, 2), new Edge(2, 5));
        int[] tokens = tokens(edges, 1, 5);
        int startToken = sourceOfEdge(tokens, 1, 2);
        CircuitGraph graph = graph(tokens, edges, 2);
        List<Node> one = graph.residualLayer(1, List.of(graph.root()));
        Node s1 = graph.operationSource(one, 1, startToken);
        graph.connect(s1, graph.root(), 1, 1.0);
        graph.explain(s1, graph.root(), List.of(new Cause.TokenMatch(1)));
        graph.residualLayer(0, one);
        List<Node> kept = graph.filter(graph.propagate());
        assertThat(kept).contains(s1);
        assertThat(graph.pathMerges(kept).operations()).isZero();
    }

    @Test
    void theLastPositionOfTheEmbeddingIsNeverExplainedByItself() {
        List<Edge> edges = new ArrayList<>(List.of(new Edge(1, 2)));
        int[] tokens = tokens(edges, 1, 2);
        CircuitGraph graph = graph(tokens, edges, 1);
        graph.residualLayer(0, List.of(graph.root()));
        assertThat(graph.propagate()).as("only the residual copy of the last token: nothing to explain it").isEmpty();
    }
}
