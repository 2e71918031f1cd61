package dev.lookahead.interp;

import dev.lookahead.search.TokenLayout;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The computation graph the paper's tracer builds for one input, and what its main loop reads from it
 * (the paper's section 5; docs/tracing.md): nodes are (layer, position) pairs, built backwards
 * from the last position after the last block; every node has a residual predecessor at its own
 * position and one predecessor per kept attention operation into it. Once the operations are
 * explained, sets flow forward ({@link #propagate()}), the nodes off the root's explained ancestry are
 * dropped and the root kept only when its set holds a path from the start to the goal ({@link
 * #filter(List)}), and path-merge operations are counted on what remains ({@link #pathMerges(List)}).
 *
 * <p>Sets are kept as the reference keeps them, in one code space: a token value t (0..V+4) stands for
 * itself, position q for V+5+q. A node starts with its own token and position; merging joins whole sets,
 * so the tokens of a set are always the tokens at its positions. Pure data: no model, no engine.
 */
final class CircuitGraph {
    /** Why an attention operation's score is what it is, found by perturbing the input (step 6). */
    sealed interface Cause {
        /** Both ends' scores depend on the same vertex token. */
        record TokenMatch(int token) implements Cause {
        }

        /**
         * The source depends on position code {@code sourceCode}, the destination on {@code destinationCode},
         * one position before or after it.
         */
        record PositionStep(int destinationCode, int sourceCode) implements Cause {
            /** The destination's position is one before the source's (read with copy direction 'f'). */
            boolean destinationBeforeSource() {
                return destinationCode + 1 == sourceCode;
            }

            /** The destination's position is one after the source's (read with copy direction 'b'). */
            boolean destinationAfterSource() {
                return destinationCode - 1 == sourceCode;
            }
        }

        /** Into the last position, depending on both the start's and the goal's positions in the query. */
        record StartGoalCopy() implements Cause {
        }

        /** Depending on the goal's position in the query (into the last token, or as temporary storage). */
        record GoalCopy() implements Cause {
        }
    }

    /** One (layer, position) of the graph; layer l is the residual stream entering block l (L: after the last). */
    static final class Node {
        final int layer;
        final int row;
        final List<Node> predecessors = new ArrayList<>();
        final List<Edge> successors = new ArrayList<>();
        final Set<Integer> reachable = new LinkedHashSet<>();

        Node(int layer, int row) {
            this.layer = layer;
            this.row = row;
        }

        @Override
        public String toString() {
            return "(" + layer + ", " + row + ")";
        }
    }

    /**
     * An edge from a node to a successor one layer up: the residual copy (no causes, no direction) or an
     * attention operation with its sign and weight. {@code causes} is null until explained; a residual
     * edge stays null.
     */
    static final class Edge {
        final Node to;
        final boolean residual;
        final int sign;
        final double weight;
        List<Cause> causes;
        Character direction;

        Edge(Node to, boolean residual, int sign, double weight) {
            this.to = to;
            this.residual = residual;
            this.sign = sign;
            this.weight = weight;
        }
    }

    private final int[] tokens;
    private final int n;
    private final int maxVertex;
    private final int base;
    private final Map<Integer, List<Integer>> children = new HashMap<>();
    private final Node root;
    /** Every node in creation order: the root, then layer L-1's, down to layer 0's. */
    private final List<Node> nodes = new ArrayList<>();

    /**
     * An empty graph for one input: only its root, the last position after the last of {@code layers}
     * blocks; {@code edges} are the input's directed edges.
     */
    CircuitGraph(TokenLayout layout, int[] tokens, List<dev.lookahead.search.Edge> edges, int layers) {
        this.tokens = tokens.clone();
        this.n = tokens.length;
        this.maxVertex = layout.maxVertex();
        this.base = layout.vocabularySize();
        for (dev.lookahead.search.Edge e : edges) children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        this.root = new Node(layers, n - 1);
        nodes.add(root);
    }

    Node root() {
        return root;
    }

    List<Node> nodes() {
        return nodes;
    }

    /** The code of position q in a set. */
    int positionCode(int position) {
        return base + position;
    }

    /**
     * Adds the nodes of {@code layer}, one below {@code above}: a residual predecessor for every node
     * above, in order. Returns the new layer's nodes, to which {@link #operationSource} may add more.
     */
    List<Node> residualLayer(int layer, List<Node> above) {
        List<Node> below = new ArrayList<>();
        for (Node node : above) {
            Node copy = new Node(layer, node.row);
            Edge edge = new Edge(node, true, 0, Double.NaN);
            node.predecessors.add(copy);
            copy.successors.add(edge);
            below.add(copy);
        }
        nodes.addAll(below);
        return below;
    }

    /** The node of {@code below} at {@code row}, created (and added to {@code below}) when there is none. */
    Node operationSource(List<Node> below, int layer, int row) {
        for (Node node : below) if (node.row == row) return node;
        Node created = new Node(layer, row);
        below.add(created);
        nodes.add(created);
        return created;
    }

    /** Adds an operation's edge from {@code from} to {@code to}; parallel edges are kept, as the reference keeps them. */
    Edge connect(Node from, Node to, int sign, double weight) {
        Edge edge = new Edge(to, false, sign, weight);
        to.predecessors.add(from);
        from.successors.add(edge);
        return edge;
    }

    /**
     * Records an operation's explanation on the first edge from {@code from} to {@code to} - as the
     * reference stores it by looking the successor up, so an operation of a token onto itself explains
     * the residual edge and leaves its own edge unexplained.
     */
    void explain(Node from, Node to, List<Cause> causes) {
        for (Edge edge : from.successors) {
            if (edge.to == to) {
                edge.causes = List.copyOf(causes);
                edge.direction = direction(from.row, to.row);
                return;
            }
        }
        throw new IllegalArgumentException("no edge from " + from + " to " + to);
    }

    /**
     * The copy direction of an operation from the token at {@code source} into the token at {@code
     * destination}: 'b' when a directed path runs from the source's vertex to the destination's, 'f'
     * when one runs the other way, '*' when both do, null at the same position or when neither does.
     */
    Character direction(int source, int destination) {
        if (source == destination) return null;
        boolean forward = pathExists(source, destination);
        boolean backward = pathExists(destination, source);
        if (forward) return backward ? '*' : 'b';
        return backward ? 'f' : null;
    }

    private boolean pathExists(int fromRow, int toRow) {
        int from = tokens[fromRow];
        int to = tokens[toRow];
        if (from > maxVertex || to > maxVertex) return false;
        return distances(from, null).containsKey(to);
    }

    /** Shortest distances from vertex {@code from}, following edges whose target is in {@code within} (all when null). */
    private Map<Integer, Integer> distances(int from, Set<Integer> within) {
        Map<Integer, Integer> distance = new HashMap<>();
        distance.put(from, 0);
        ArrayDeque<Integer> queue = new ArrayDeque<>(List.of(from));
        while (!queue.isEmpty()) {
            int v = queue.poll();
            for (int child : children.getOrDefault(v, List.of())) {
                if (within != null && !within.contains(child)) continue;
                if (distance.putIfAbsent(child, distance.get(v) + 1) == null) queue.add(child);
            }
        }
        return distance;
    }

    /**
     * Step 7: every node starts with its own token and position; sets flow forward over the nodes in
     * the reverse of their creation order (lower layers first). Layer-0 nodes other than the last position
     * are explained; an explained node passes its set to a successor that is already explained, along a
     * residual edge, along a position step consistent with the copy direction and both sets, along a
     * token match whose token sits at a position of the node's set, or along a special copy whose start
     * or goal positions the node holds. Returns the explained nodes in the order they became explained.
     */
    List<Node> propagate() {
        for (Node node : nodes) {
            node.reachable.clear();
            node.reachable.add(tokens[node.row]);
            node.reachable.add(positionCode(node.row));
        }
        List<Node> explained = new ArrayList<>();
        Set<Node> isExplained = new HashSet<>();
        int startCode = positionCode(n - 4);
        int goalCode = positionCode(n - 3);
        for (int i = nodes.size() - 1; i >= 0; i--) {
            Node node = nodes.get(i);
            if (node.layer == 0 && node.row != n - 1) {
                explained.add(node);
                isExplained.add(node);
            } else if (!isExplained.contains(node)) {
                continue;
            }
            for (Edge edge : node.successors) {
                Node successor = edge.to;
                if (isExplained.contains(successor)) {
                    successor.reachable.addAll(node.reachable);
                    continue;
                }
                if (edge.causes == null) {
                    if (node.row == successor.row) join(node, successor, explained, isExplained);
                    continue;
                }
                if (stepAgrees(edge, node, successor)) {
                    join(node, successor, explained, isExplained);
                    continue;
                }
                if (tokenMatchAgrees(edge, node)) join(node, successor, explained, isExplained);
                if (edge.causes.contains(new Cause.StartGoalCopy()) && successor.row == n - 1
                        && node.reachable.contains(goalCode) && node.reachable.contains(startCode)) {
                    join(node, successor, explained, isExplained);
                }
                // a goal-dependent copy counts into the last token and, as temporary storage, into any other
                if (edge.causes.contains(new Cause.GoalCopy()) && node.reachable.contains(goalCode)) {
                    join(node, successor, explained, isExplained);
                }
            }
        }
        return explained;
    }

    private static void join(Node node, Node successor, List<Node> explained, Set<Node> isExplained) {
        if (isExplained.add(successor)) explained.add(successor);
        successor.reachable.addAll(node.reachable);
    }

    /** A position step in the copy's direction whose destination position the successor holds and whose source the node holds. */
    private static boolean stepAgrees(Edge edge, Node node, Node successor) {
        if (edge.direction == null || (edge.direction != 'f' && edge.direction != 'b')) return false;
        for (Cause cause : edge.causes) {
            if (!(cause instanceof Cause.PositionStep step)) continue;
            boolean inDirection = edge.direction == 'f' ? step.destinationBeforeSource() : step.destinationAfterSource();
            if (inDirection && successor.reachable.contains(step.destinationCode()) && node.reachable.contains(step.sourceCode())) return true;
        }
        return false;
    }

    /** A token-matching cause whose token is the token at one of the node's positions. */
    private boolean tokenMatchAgrees(Edge edge, Node node) {
        for (Cause cause : edge.causes) {
            if (!(cause instanceof Cause.TokenMatch match)) continue;
            for (int code : node.reachable) if (code >= base && tokens[code - base] == match.token()) return true;
        }
        return false;
    }

    /**
     * The explained nodes on the root's explained ancestry (walking predecessors from the root, stopping
     * at unexplained nodes); the root stays only when the vertices at its set's positions hold a directed
     * path from the start to the goal (the start itself need not be among them). The root is explained
     * exactly when it is in the result.
     */
    List<Node> filter(List<Node> explained) {
        Set<Node> isExplained = new HashSet<>(explained);
        List<Node> kept = new ArrayList<>();
        Set<Node> seen = new HashSet<>();
        ArrayDeque<Node> stack = new ArrayDeque<>(List.of(root));
        while (!stack.isEmpty()) {
            Node node = stack.pop();
            if (!isExplained.contains(node) || !seen.add(node)) continue;
            kept.add(node);
            for (Node p : node.predecessors) stack.push(p);
        }
        if (kept.contains(root) && !holdsPath(root)) kept.remove(root);
        return kept;
    }

    private boolean holdsPath(Node node) {
        int start = tokens[n - 4];
        int goal = tokens[n - 3];
        if (start > maxVertex || goal > maxVertex) return false;
        return distances(start, verticesOf(node)).containsKey(goal);
    }

    /** The tokens at the positions of a node's set. */
    private Set<Integer> verticesOf(Node node) {
        Set<Integer> vertices = new HashSet<>();
        for (int code : node.reachable) if (code >= base) vertices.add(tokens[code - base]);
        return vertices;
    }

    /** Path-merge operations and their suboptimal roots, as the reference's main loop counts them. */
    record PathMerges(int operations, int suboptimalRoots) {
    }

    /**
     * Step 8: among the kept nodes of layers 1..L-1 whose sets hold neither the start nor the goal
     * vertex, a node is an optimal path merge when some predecessor at another position (whose set
     * holds neither) reaches as far as its own-position predecessor - the longest shortest path within
     * the vertices of the set - and suboptimal otherwise or when a predecessor is suboptimal; the
     * suboptimal roots are the suboptimal nodes with no suboptimal predecessor.
     */
    PathMerges pathMerges(List<Node> kept) {
        int start = tokens[n - 4];
        int goal = tokens[n - 3];
        Set<Node> suboptimal = new LinkedHashSet<>();
        int optimal = 0;
        for (int layer = 1; layer < root.layer; layer++) {
            for (Node node : kept) {
                if (node.layer != layer) continue;
                Node own = node.predecessors.stream().filter(p -> p.row == node.row).findFirst().orElse(null);
                if (own == null) continue;
                if (node.reachable.contains(goal) || node.reachable.contains(start)) continue;
                if (suboptimal.contains(node) || node.predecessors.stream().anyMatch(suboptimal::contains)) {
                    suboptimal.add(node);
                    continue;
                }
                int ownLength = pathLength(own);
                boolean isOptimal = false;
                for (Node p : node.predecessors) {
                    if (p.row == node.row || p.reachable.contains(goal) || p.reachable.contains(start)) continue;
                    if (pathLength(p) == ownLength) isOptimal = true;
                }
                if (isOptimal) optimal++;
                else suboptimal.add(node);
            }
        }
        int roots = 0;
        for (Node node : suboptimal) if (node.predecessors.stream().noneMatch(suboptimal::contains)) roots++;
        return new PathMerges(suboptimal.size() + optimal, roots);
    }

    /** The longest of the shortest distances within a set's vertices, from each of its positions' tokens. */
    int pathLength(Node node) {
        Set<Integer> within = verticesOf(node);
        int longest = 0;
        for (int code : node.reachable) {
            if (code < base) continue;
            int token = tokens[code - base];
            if (token > maxVertex) continue;
            for (int d : distances(token, within).values()) longest = Math.max(longest, d);
        }
        return longest;
    }

    /**
     * For the paper's heatmap: every operation between two kept nodes at different positions explained
     * by a position step (past position 0) or a token match, as (block, distance of the source's vertex
     * from the start, distance of the destination's), -1 for a token the start does not reach.
     */
    List<Trace.MergeDistance> mergeDistances(List<Node> kept) {
        Set<Node> isKept = new HashSet<>(kept);
        Map<Integer, Integer> fromStart = tokens[n - 4] > maxVertex ? Map.of() : distances(tokens[n - 4], null);
        List<Trace.MergeDistance> out = new ArrayList<>();
        for (Node node : kept) {
            for (Edge edge : node.successors) {
                if (!isKept.contains(edge.to) || edge.to.row == node.row || edge.causes == null) continue;
                boolean counts = edge.causes.stream().anyMatch(c -> c instanceof Cause.TokenMatch m && m.token() <= maxVertex
                        || c instanceof Cause.PositionStep s && s.destinationCode() > base && s.sourceCode() > base);
                if (!counts) continue;
                out.add(new Trace.MergeDistance(node.layer, fromStart.getOrDefault(tokens[node.row], -1),
                        fromStart.getOrDefault(tokens[edge.to.row], -1)));
            }
        }
        return out;
    }

    /** The vertex ids (1..V) at the positions of a node's set. */
    java.util.SortedSet<Integer> vertexIds(Node node) {
        java.util.SortedSet<Integer> ids = new java.util.TreeSet<>();
        for (int v : verticesOf(node)) if (v >= 1 && v <= maxVertex) ids.add(v);
        return ids;
    }
}
