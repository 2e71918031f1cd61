package dev.lookahead.search;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * One selection-inference problem drawn over vertex slots (docs/user-guide.md, "Search in context"): a graph by
 * preferential attachment, a start, a goal and the vertex to expand next; a frontier of f vertices reached by visited
 * edges, each keeping an unvisited child; b children for the vertex to expand; a path from the start to the goal; the
 * links trimmed to at most E; and some more visited edges. {@link #draw} returns null when a step finds nothing to
 * choose from, and the caller draws again.
 */
final class SiDraw {
    /** A finished problem: the graph, the start, the goal, the vertex expanded next and the visited edges. */
    record Problem(SiLinks graph, int start, int goal, int current, SiVisits visits) {
    }

    private final SplittableRandom random;
    private final int vertices;
    private final int maxEdges;
    private final int frontierSize;
    private final int branchSize;
    private SiLinks graph;
    private int start;
    private int goal;
    private int current;
    private final List<Integer> frontier = new ArrayList<>();
    private final SiVisits visits = new SiVisits();

    private SiDraw(SplittableRandom random, int vertices, int maxEdges, int frontierSize, int branchSize) {
        this.random = random;
        this.vertices = vertices;
        this.maxEdges = maxEdges;
        this.frontierSize = frontierSize;
        this.branchSize = branchSize;
    }

    static Problem draw(SplittableRandom random, int vertices, int maxParents, int maxEdges, int frontierSize, int branchSize) {
        SiDraw draw = new SiDraw(random, vertices, maxEdges, frontierSize, branchSize);
        if (!draw.placeAnchors()) return null;
        draw.graph = SiLinks.attach(vertices, maxParents, draw.current, branchSize, random);
        boolean made = draw.chooseFrontier() && draw.walkIntoFrontier() && draw.reachEveryFrontierVertex() && draw.keepChildrenOpen()
                && draw.growBranches();
        if (!made) return null;
        draw.secureGoalPath();
        draw.trim();
        draw.visitMore();
        return new Problem(draw.graph, draw.start, draw.goal, draw.current, draw.visits);
    }

    /** The vertex to expand (leaving room for b later slots), a start no later than it, and a later goal. */
    private boolean placeAnchors() {
        if (vertices - branchSize < 1) return false;
        current = random.nextInt(vertices - branchSize);
        int startBound = Math.min(current + 1, vertices - frontierSize);
        if (startBound < 1) return false;
        start = random.nextInt(startBound);
        int goalFrom = Math.max(current + 1, start + frontierSize);
        if (goalFrom >= vertices) return false;
        goal = random.nextInt(goalFrom, vertices);
        return true;
    }

    /** The start, the vertex to expand, then random slots after the start (not the last slot, not the goal) up to f. */
    private boolean chooseFrontier() {
        frontier.add(start);
        if (current != start) frontier.add(current);
        List<Integer> pool = new ArrayList<>();
        for (int v = start + 1; v < vertices - 1; v++) if (v != goal && !frontier.contains(v)) pool.add(v);
        while (frontier.size() < frontierSize) {
            if (pool.isEmpty()) return false;
            frontier.add(pool.remove(random.nextInt(pool.size())));
        }
        return true;
    }

    /** Walks from the start in random order along links into frontier vertices, each new vertex once. */
    private boolean walkIntoFrontier() {
        List<SiLinks.Link> open = new ArrayList<>(intoFrontier(start));
        while (!open.isEmpty()) {
            SiLinks.Link link = open.remove(random.nextInt(open.size()));
            if (visits.visited(link.to)) continue;
            visits.add(link.from, link.to);
            link.trimmable = false;
            open.addAll(intoFrontier(link.to));
        }
        return true;
    }

    private List<SiLinks.Link> intoFrontier(int v) {
        List<SiLinks.Link> links = new ArrayList<>();
        for (SiLinks.Link link : graph.out(v)) if (frontier.contains(link.to)) links.add(link);
        return links;
    }

    /**
     * A frontier vertex the walk did not enter gets a visited edge into it: from one of its nearest visited ancestors
     * (re-pointing one of its own incoming links there), else from a new parent the start reaches; the visit is placed
     * at random after its parent's first appearance.
     */
    private boolean reachEveryFrontierVertex() {
        Set<Integer> reached = reachableFromStart();
        for (int vertex : List.copyOf(frontier)) {
            if (vertex == start || visits.firstInto(vertex) >= 0 && enteredBeforeLeaving(vertex)) continue;
            List<Integer> ancestors = nearestVisitedAncestors(vertex);
            if (branchesFull()) ancestors.remove(Integer.valueOf(current));
            int parent;
            if (!ancestors.isEmpty()) {
                parent = ancestors.get(random.nextInt(ancestors.size()));
                graph.replaceParent(vertex, random.nextInt(graph.in(vertex).size()), parent);
            } else {
                List<Integer> candidates = new ArrayList<>();
                for (int v : reached) if (v < vertex) candidates.add(v);
                if (branchesFull() && candidates.contains(current) && candidates.size() != 1) candidates.remove(Integer.valueOf(current));
                if (candidates.isEmpty()) return false;
                parent = candidates.get(random.nextInt(candidates.size()));
                graph.link(parent, vertex, false);
            }
            visits.add(parent, vertex);
            placeLastVisitAfter(parent);
        }
        return true;
    }

    /** Whether the first appearance of {@code v} among the visits is as the vertex entered. */
    private boolean enteredBeforeLeaving(int v) {
        for (int i = 0; i < visits.size(); i++) {
            if (visits.get(i).from() == v) return false;
            if (visits.get(i).to() == v) return true;
        }
        return false;
    }

    private boolean branchesFull() {
        return graph.out(current).size() == branchSize;
    }

    /** Moves the last visit to a uniformly chosen place from just after its parent's first appearance to the end. */
    private void placeLastVisitAfter(int parent) {
        int from = visits.firstPlaceAfter(parent);
        int to = random.nextInt(from, visits.size());
        visits.insert(to, visits.removeLast());
    }

    /**
     * Going up from a vertex's parents, for each ancestor reached the first of its own parents (in their order) that is
     * the start or visited, without going further up through it; the distinct ones, in the order found.
     */
    private List<Integer> nearestVisitedAncestors(int vertex) {
        List<Integer> found = new ArrayList<>();
        Set<Integer> seen = new HashSet<>();
        List<Integer> stack = new ArrayList<>();
        for (SiLinks.Link link : graph.in(vertex)) {
            stack.add(link.from);
            seen.add(link.from);
        }
        while (!stack.isEmpty()) {
            int v = stack.remove(stack.size() - 1);
            Integer met = null;
            for (SiLinks.Link link : graph.in(v)) {
                if (link.from == start || visits.visited(link.from)) {
                    met = link.from;
                    break;
                }
            }
            if (met != null) {
                if (!found.contains(met)) found.add(met);
                continue;
            }
            for (SiLinks.Link link : graph.in(v)) if (seen.add(link.from)) stack.add(link.from);
        }
        return found;
    }

    private Set<Integer> reachableFromStart() {
        Set<Integer> reached = new java.util.LinkedHashSet<>();
        List<Integer> stack = new ArrayList<>(List.of(start));
        while (!stack.isEmpty()) {
            int v = stack.remove(stack.size() - 1);
            if (!reached.add(v)) continue;
            for (SiLinks.Link link : graph.out(v)) if (!reached.contains(link.to) && !stack.contains(link.to)) stack.add(link.to);
        }
        return reached;
    }

    /** A frontier vertex without an unvisited child takes one over from an unvisited later vertex (or a new link). */
    private boolean keepChildrenOpen() {
        for (int vertex : frontier) {
            if (!visits.unvisitedChildren(graph, vertex).isEmpty()) continue;
            List<Integer> candidates = new ArrayList<>();
            for (int v = vertex + 1; v < vertices; v++) if (!visits.visited(v)) candidates.add(v);
            if (candidates.isEmpty()) return false;
            adopt(vertex, candidates.get(random.nextInt(candidates.size())));
        }
        return true;
    }

    /** Makes {@code child} a child of {@code parent}, in place of an unvisited parent other than the start if it has one. */
    private void adopt(int parent, int child) {
        List<Integer> slots = new ArrayList<>();
        List<SiLinks.Link> parents = graph.in(child);
        for (int i = 0; i < parents.size(); i++) if (parents.get(i).from != start && !visits.visited(parents.get(i).from)) slots.add(i);
        if (slots.isEmpty()) graph.addLink(parent, child);
        else graph.replaceParent(child, slots.get(random.nextInt(slots.size())), parent);
    }

    /**
     * The vertex to expand gets b children: first frontier vertices after it whose visited edge is re-pointed to come
     * from it (as many as 2f + b exceeds E, so that the frontier and the branches fit), then random later vertices.
     */
    private boolean growBranches() {
        List<Integer> later = new ArrayList<>();
        List<Integer> frontierLater = new ArrayList<>();
        for (int v = current + 1; v < vertices; v++) {
            later.add(v);
            if (frontier.contains(v)) frontierLater.add(v);
        }
        int branches = 0;
        int redirect = Math.max(2 * frontierSize + branchSize, maxEdges) - maxEdges;
        for (int done = 0; !frontierLater.isEmpty() && done < redirect; done++) {
            int child = frontierLater.remove(random.nextInt(frontierLater.size()));
            later.remove(Integer.valueOf(child));
            int visit = visits.firstInto(child);
            if (visit < 0) return false;
            int old = visits.get(visit).from();
            if (old != current) {
                repointFromCurrent(old, child);
                visits.replace(visit, new SiVisits.Visit(current, child));
            }
            graph.find(current, child).trimmable = false;
            branches++;
        }
        while (branches < branchSize) {
            if (later.isEmpty()) return false;
            int child = later.remove(random.nextInt(later.size()));
            SiLinks.Link existing = graph.find(current, child);
            if (existing != null) existing.trimmable = false;
            else adopt(current, child);
            branches++;
        }
        return true;
    }

    /** The link old -> child now comes from the vertex to expand (dropped instead when that link already exists). */
    private void repointFromCurrent(int old, int child) {
        SiLinks.Link link = graph.find(old, child);
        if (graph.find(current, child) != null) graph.remove(link);
        else graph.replaceParent(child, graph.in(child).indexOf(link), current);
    }

    /**
     * Makes the goal reachable from the start through vertices no later than it (linking it from a vertex the start
     * so reaches, or the start, when it is not), and keeps the links of the first such path found from being trimmed.
     */
    private void secureGoalPath() {
        int[] cameFrom = new int[vertices];
        java.util.Arrays.fill(cameFrom, -1);
        List<Integer> reached = new ArrayList<>();
        List<SiLinks.Link> stack = new ArrayList<>(graph.out(start));
        while (!stack.isEmpty()) {
            SiLinks.Link link = stack.remove(stack.size() - 1);
            if (link.to > goal || cameFrom[link.to] >= 0) continue;
            cameFrom[link.to] = link.from;
            reached.add(link.to);
            for (SiLinks.Link next : graph.out(link.to)) if (!stack.contains(next)) stack.add(next);
        }
        if (cameFrom[goal] < 0) {
            reached.add(start);
            int parent = reached.get(random.nextInt(reached.size()));
            graph.addLink(parent, goal);
            cameFrom[goal] = parent;
        }
        for (int v = goal; v != start; v = cameFrom[v]) graph.find(cameFrom[v], v).trimmable = false;
    }

    /**
     * Takes random trimmable links off until at most E are counted (or, within E, as many as the draw added), never
     * the last unvisited child of a frontier vertex.
     */
    private void trim() {
        int counted = graph.countedLinks();
        int remove = counted > maxEdges ? counted - maxEdges : graph.addedLinks();
        List<SiLinks.Link> trimmable = new ArrayList<>();
        for (SiLinks.Link link : graph.all()) if (link.trimmable) trimmable.add(link);
        int removed = 0;
        while (removed < remove && !trimmable.isEmpty()) {
            SiLinks.Link link = trimmable.remove(random.nextInt(trimmable.size()));
            if (frontier.contains(link.from) && !hasAnotherOpenChild(link.from, link.to)) continue;
            graph.remove(link);
            removed++;
        }
    }

    private boolean hasAnotherOpenChild(int v, int except) {
        for (SiLinks.Link link : graph.out(v)) if (link.to != except && !visits.visited(link.to)) return true;
        return false;
    }

    /**
     * Visits more edges, up to a count drawn from [visited, E] with weight equal to the count, never into the goal and
     * never taking a frontier vertex's last unvisited child.
     */
    private void visitMore() {
        int have = visits.size();
        int target = have + weightedOffset(have, maxEdges);
        List<Integer> open = new ArrayList<>();
        for (int v : frontier) if (visits.unvisitedChildren(graph, v).size() > 1) open.add(v);
        while (!open.isEmpty() && visits.size() < target) {
            int vertex = open.remove(random.nextInt(open.size()));
            List<Integer> choices = new ArrayList<>();
            for (SiLinks.Link link : graph.out(vertex)) {
                if (link.to != goal && !visits.visited(link.to) && !lastOpenChildOfFrontier(link.to)) choices.add(link.to);
            }
            if (choices.isEmpty()) continue;
            int child = choices.get(random.nextInt(choices.size()));
            visits.add(vertex, child);
            boolean inFrontier = frontier.contains(vertex);
            if (choices.size() - 1 > (inFrontier ? 1 : 0)) open.add(vertex);
            if (!visits.unvisitedChildren(graph, child).isEmpty()) open.add(child);
        }
    }

    private boolean lastOpenChildOfFrontier(int child) {
        for (SiLinks.Link link : graph.in(child)) {
            if (frontier.contains(link.from) && visits.unvisitedChildren(graph, link.from).size() == 1) return true;
        }
        return false;
    }

    /** An offset o in [0, to - from] drawn with weight from + o. */
    private int weightedOffset(int from, int to) {
        WeightedChoice choice = new WeightedChoice(random, to - from + 1);
        choice.reset(to - from + 1);
        for (int o = 0; o <= to - from; o++) choice.weigh(o, from + o);
        return choice.hasAny() ? choice.take() : 0;
    }
}
