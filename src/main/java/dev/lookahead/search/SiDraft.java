package dev.lookahead.search;

import java.util.SplittableRandom;

/**
 * Builds one selection-inference draft over vertex slots, step by step as the paper's generator does (its section 6):
 * vertex slots 0..k-1, edges from lower to higher slots. {@link #build} returns null when a step finds nothing to
 * choose from; the caller then draws again.
 */
final class SiDraft {
    private final SplittableRandom random;
    private final int vertices;
    private final int maxParents;
    private final int maxEdges;
    private final int frontierSize;
    private final int branchSize;

    private Dag dag;
    private int start;
    private int goal;
    private int current;
    private final IntList frontier = new IntList();
    /** Visited edges as flat (parent, child) pairs, in the order the input lists them. */
    private final IntList visited = new IntList(16);
    private IntList removable;
    private int totalEdges;
    private int addedEdges;

    SiDraft(SplittableRandom random, int vertices, int maxParents, int maxEdges, int frontierSize, int branchSize) {
        this.random = random;
        this.vertices = vertices;
        this.maxParents = maxParents;
        this.maxEdges = maxEdges;
        this.frontierSize = frontierSize;
        this.branchSize = branchSize;
    }

    SiGenerator.Draft build() {
        if (vertices - branchSize < 1) return null;
        current = random.nextInt(vertices - branchSize);
        int startBound = Math.min(current + 1, vertices - frontierSize);
        if (startBound < 1) return null;
        start = random.nextInt(startBound);
        int goalFrom = Math.max(current + 1, start + frontierSize);
        if (goalFrom >= vertices) return null;
        goal = goalFrom + random.nextInt(vertices - goalFrom);
        dag = Dag.preferential(vertices, maxParents, current, branchSize, random);
        if (!chooseFrontier()) return null;
        removable = dag.edges();
        totalEdges = removable.size();
        visitFrontier();
        if (!connectFrontier()) return null;
        if (!giveUnvisitedChildren()) return null;
        if (!giveBranches()) return null;
        reachGoal();
        trimEdges();
        visitMore();
        return new SiGenerator.Draft(dag, start, goal, current, visited);
    }

    private boolean isVisited(int v) {
        return visited.contains(v);
    }

    /** The start, the vertex to expand, and random vertices between the start and the last slot (never the goal). */
    private boolean chooseFrontier() {
        frontier.add(start);
        if (current != start) frontier.add(current);
        IntList available = new IntList();
        for (int v = start + 1; v < vertices - 1; v++) if (v != goal && !frontier.contains(v)) available.add(v);
        while (frontier.size() < frontierSize) {
            if (available.isEmpty()) return false;
            frontier.add(available.take(random));
        }
        return true;
    }

    /** Visits edges in random order from the start, only ever into frontier vertices. */
    private void visitFrontier() {
        IntList queue = new IntList();
        pushFrontierChildren(queue, start);
        while (!queue.isEmpty()) {
            int edge = queue.take(random);
            int next = Dag.childOf(edge);
            if (isVisited(next)) continue;
            visited.add(Dag.parentOf(edge));
            visited.add(next);
            removable.removeValue(edge);
            pushFrontierChildren(queue, next);
        }
    }

    private void pushFrontierChildren(IntList queue, int v) {
        IntList children = dag.children[v];
        for (int i = 0; i < children.size(); i++) if (frontier.contains(children.get(i))) queue.add(Dag.edge(v, children.get(i)));
    }

    /**
     * A frontier vertex not yet visited gets a visited edge into it: from one of its nearest visited ancestors (moving
     * one of its incoming edges there), else from a new parent the start reaches; the edge goes to a random place in
     * the visit order after its parent's own visit.
     */
    private boolean connectFrontier() {
        IntList reachable = reachableFromStart();
        for (int f = 0; f < frontier.size(); f++) {
            int vertex = frontier.get(f);
            int first = visited.indexOf(vertex);
            if (vertex == start || (first >= 0 && first % 2 == 1)) continue;
            IntList ancestors = nearestVisitedAncestors(vertex);
            if (branchFull()) ancestors.removeValue(current);
            int parent;
            if (!ancestors.isEmpty()) {
                parent = ancestors.pick(random);
                int old = dag.moveParent(vertex, random.nextInt(dag.parents[vertex].size()), parent);
                removable.removeValue(Dag.edge(old, vertex));
            } else {
                IntList candidates = new IntList();
                for (int i = 0; i < reachable.size(); i++) if (reachable.get(i) < vertex) candidates.add(reachable.get(i));
                if (branchFull() && candidates.contains(current) && candidates.size() != 1) candidates.removeValue(current);
                if (candidates.isEmpty()) return false;
                parent = candidates.pick(random);
                dag.addEdge(parent, vertex);
            }
            visited.add(parent);
            visited.add(vertex);
            moveLastEdgeAfter(parent);
        }
        return true;
    }

    private boolean branchFull() {
        return dag.children[current].size() == branchSize;
    }

    /** Moves the visited edge just added to a random pair position at or after the first visit of {@code parent}. */
    private void moveLastEdgeAfter(int parent) {
        int from = visited.indexOf(parent);
        if (from % 2 == 1) from++;
        int at = from + random.nextInt(visited.size() - from);
        at -= at % 2;
        int child = visited.pop();
        int head = visited.pop();
        visited.insert(at, child);
        visited.insert(at, head);
    }

    /** Walking up from a vertex's parents, the first visited vertices (or the start) met on each line of ancestry. */
    private IntList nearestVisitedAncestors(int vertex) {
        IntList found = new IntList();
        boolean[] seen = new boolean[vertices];
        IntList stack = new IntList();
        IntList parents = dag.parents[vertex];
        for (int i = 0; i < parents.size(); i++) {
            stack.add(parents.get(i));
            seen[parents.get(i)] = true;
        }
        while (!stack.isEmpty()) {
            int v = stack.pop();
            IntList up = dag.parents[v];
            boolean met = false;
            for (int i = 0; i < up.size() && !met; i++) {
                int p = up.get(i);
                if (p == start || isVisited(p)) {
                    if (!found.contains(p)) found.add(p);
                    met = true;
                }
            }
            if (met) continue;
            for (int i = 0; i < up.size(); i++) {
                if (!seen[up.get(i)]) {
                    seen[up.get(i)] = true;
                    stack.add(up.get(i));
                }
            }
        }
        return found;
    }

    private IntList reachableFromStart() {
        IntList reached = new IntList();
        IntList stack = new IntList();
        stack.add(start);
        while (!stack.isEmpty()) {
            int v = stack.pop();
            if (reached.contains(v)) continue;
            reached.add(v);
            IntList children = dag.children[v];
            for (int i = 0; i < children.size(); i++) {
                int c = children.get(i);
                if (!reached.contains(c) && !stack.contains(c)) stack.add(c);
            }
        }
        return reached;
    }

    /** Every frontier vertex keeps an unvisited child: one taken over from an unvisited parent, or a new edge. */
    private boolean giveUnvisitedChildren() {
        for (int f = 0; f < frontier.size(); f++) {
            int vertex = frontier.get(f);
            if (!SiGenerator.unvisitedChildren(dag, vertex, visited).isEmpty()) continue;
            IntList candidates = new IntList();
            for (int v = vertex + 1; v < vertices; v++) if (!isVisited(v)) candidates.add(v);
            if (candidates.isEmpty()) return false;
            adopt(vertex, candidates.pick(random));
        }
        return true;
    }

    /** Makes {@code child} a child of {@code parent}, in place of an unvisited parent other than the start if it has one. */
    private void adopt(int parent, int child) {
        IntList slots = new IntList();
        IntList parents = dag.parents[child];
        for (int i = 0; i < parents.size(); i++) if (parents.get(i) != start && !isVisited(parents.get(i))) slots.add(i);
        if (!slots.isEmpty()) {
            int old = dag.moveParent(child, slots.pick(random), parent);
            removable.removeValue(Dag.edge(old, child));
        } else {
            dag.addEdge(parent, child);
            totalEdges++;
            addedEdges++;
        }
    }

    /**
     * The vertex to expand gets its b branches: first some frontier vertices after it, their visited edge redirected to
     * come from it (as many as 2f + b exceeds E, so that the frontier and branches fit), then random later vertices.
     */
    private boolean giveBranches() {
        int branches = 0;
        IntList available = new IntList();
        IntList frontierAfter = new IntList();
        for (int v = current + 1; v < vertices; v++) {
            available.add(v);
            if (frontier.contains(v)) frontierAfter.add(v);
        }
        int redirect = Math.max(2 * frontierSize + branchSize, maxEdges) - maxEdges;
        for (int done = 0; !frontierAfter.isEmpty() && done < redirect; done++) {
            int child = frontierAfter.take(random);
            available.removeValue(child);
            int pair = visitedPairInto(child);
            if (pair < 0) return false;
            int old = visited.get(pair);
            if (old != current) {
                dag.children[old].removeValue(child);
                if (dag.children[current].contains(child)) {
                    dag.parents[child].removeValue(old);
                } else {
                    dag.children[current].add(child);
                    dag.parents[child].set(dag.parents[child].indexOf(old), current);
                }
                removable.removeValue(Dag.edge(old, child));
                visited.set(pair, current);
            }
            removable.removeValue(Dag.edge(current, child));
            branches++;
        }
        while (branches < branchSize) {
            if (available.isEmpty()) return false;
            int child = available.take(random);
            if (dag.children[current].contains(child)) removable.removeValue(Dag.edge(current, child));
            else adopt(current, child);
            branches++;
        }
        return true;
    }

    /** The index of the visited edge's parent for the first visited edge into {@code child}, or -1. */
    private int visitedPairInto(int child) {
        for (int i = 0; i + 1 < visited.size(); i += 2) if (visited.get(i + 1) == child) return i;
        return -1;
    }

    /**
     * Makes the goal reachable from the start through vertices no later than the goal (adding an edge into it from a
     * vertex the start reaches if need be), and keeps the edges of one such path from being trimmed.
     */
    private void reachGoal() {
        int[] cameFrom = new int[vertices];
        java.util.Arrays.fill(cameFrom, -1);
        IntList order = new IntList();
        IntList stack = new IntList();
        IntList children = dag.children[start];
        for (int i = 0; i < children.size(); i++) stack.add(Dag.edge(children.get(i), start));
        while (!stack.isEmpty()) {
            int entry = stack.pop();
            int next = Dag.parentOf(entry);
            int parent = Dag.childOf(entry);
            if (next > goal || cameFrom[next] >= 0) continue;
            cameFrom[next] = parent;
            order.add(next);
            IntList onward = dag.children[next];
            for (int i = 0; i < onward.size(); i++) {
                int e = Dag.edge(onward.get(i), next);
                if (!stack.contains(e)) stack.add(e);
            }
        }
        if (cameFrom[goal] < 0) {
            order.add(start);
            int parent = order.pick(random);
            dag.addEdge(parent, goal);
            totalEdges++;
            addedEdges++;
            cameFrom[goal] = parent;
        }
        int v = goal;
        while (true) {
            int parent = cameFrom[v];
            removable.removeValue(Dag.edge(parent, v));
            if (parent == start) break;
            v = parent;
        }
    }

    /** Takes random removable edges off until at most E remain, never a frontier vertex's last unvisited child. */
    private void trimEdges() {
        int remove = totalEdges > maxEdges ? totalEdges - maxEdges : addedEdges;
        int removed = 0;
        while (removed < remove && !removable.isEmpty()) {
            int edge = removable.take(random);
            int parent = Dag.parentOf(edge);
            int child = Dag.childOf(edge);
            if (frontier.contains(parent)) {
                boolean another = false;
                IntList children = dag.children[parent];
                for (int i = 0; i < children.size() && !another; i++) another = children.get(i) != child && !isVisited(children.get(i));
                if (!another) continue;
            }
            dag.removeEdge(parent, child);
            removed++;
        }
    }

    /**
     * Visits more edges, up to a length drawn in [visited, E] with weight equal to the length, never the goal and never
     * the last unvisited child of a frontier vertex.
     */
    private void visitMore() {
        int have = visited.size() / 2;
        int target = have + drawWeighted(have, maxEdges);
        IntList available = new IntList();
        for (int f = 0; f < frontier.size(); f++) {
            if (SiGenerator.unvisitedChildren(dag, frontier.get(f), visited).size() > 1) available.add(frontier.get(f));
        }
        while (!available.isEmpty() && visited.size() < 2 * target) {
            int vertex = available.take(random);
            IntList choices = new IntList();
            IntList children = dag.children[vertex];
            for (int i = 0; i < children.size(); i++) {
                int c = children.get(i);
                if (c != goal && !isVisited(c) && !lastUnvisitedOfFrontierParent(c)) choices.add(c);
            }
            if (choices.isEmpty()) continue;
            int child = choices.pick(random);
            visited.add(vertex);
            visited.add(child);
            boolean inFrontier = frontier.contains(vertex);
            if ((inFrontier && choices.size() - 1 > 1) || (!inFrontier && choices.size() - 1 > 0)) available.add(vertex);
            if (!SiGenerator.unvisitedChildren(dag, child, visited).isEmpty()) available.add(child);
        }
    }

    private boolean lastUnvisitedOfFrontierParent(int child) {
        IntList parents = dag.parents[child];
        for (int i = 0; i < parents.size(); i++) {
            int p = parents.get(i);
            if (frontier.contains(p) && SiGenerator.unvisitedChildren(dag, p, visited).size() == 1) return true;
        }
        return false;
    }

    /** An offset o in [0, to - from] drawn with weight from + o. */
    private int drawWeighted(int from, int to) {
        double total = 0;
        for (int t = from; t <= to; t++) total += t;
        if (total <= 0) return 0;
        double target = random.nextDouble() * total;
        double sum = 0;
        for (int t = from; t <= to; t++) {
            sum += t;
            if (target < sum) return t - from;
        }
        return to - from;
    }
}
