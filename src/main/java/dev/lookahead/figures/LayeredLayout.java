package dev.lookahead.figures;

import dev.lookahead.search.Edge;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A Sugiyama-style layered drawing of a DAG: layers by longest path from the sources, long edges
 * split by dummy points, crossings reduced by barycentre sweeps, then x coordinates pulled towards
 * neighbours while keeping each layer's order and unit spacing. Deterministic for the same input.
 * Coordinates are in layout units: layer {@code y} = 0, 1, ...; neighbours in a layer at least 1 apart.
 */
public final class LayeredLayout {
    private static final int SWEEPS = 12;
    private static final int STRAIGHTEN_PASSES = 8;

    /** A point in layout units. */
    public record Point(double x, double y) {
    }

    /**
     * @param positions every vertex's position
     * @param routes    for each input edge (in input order), the points it passes: source, bends, target
     */
    public record Result(Map<Integer, Point> positions, List<List<Point>> routes, int layerCount, double width) {
    }

    private LayeredLayout() {
    }

    /**
     * @param vertices vertex ids (isolated ones included)
     * @param edges    directed edges {u, v}; the graph must be acyclic
     */
    public static Result layout(Iterable<Integer> vertices, List<Edge> edges) {
        TreeSet<Integer> ids = new TreeSet<>();
        vertices.forEach(ids::add);
        for (Edge e : edges) {
            ids.add(e.from());
            ids.add(e.to());
        }
        Map<Integer, Integer> layer = longestPathLayers(ids, edges);
        int layerCount = layer.values().stream().mapToInt(Integer::intValue).max().orElse(-1) + 1;

        // Nodes: real vertices keep their id; dummies get negative ids.
        Map<Integer, Integer> nodeLayer = new HashMap<>(layer);
        Map<Integer, List<Integer>> down = new HashMap<>();
        Map<Integer, List<Integer>> up = new HashMap<>();
        List<List<Integer>> chains = new ArrayList<>();
        int nextDummy = -1;
        for (Edge e : edges) {
            List<Integer> chain = new ArrayList<>();
            chain.add(e.from());
            for (int l = layer.get(e.from()) + 1; l < layer.get(e.to()); l++) {
                nodeLayer.put(nextDummy, l);
                chain.add(nextDummy--);
            }
            chain.add(e.to());
            for (int i = 0; i + 1 < chain.size(); i++) {
                down.computeIfAbsent(chain.get(i), k -> new ArrayList<>()).add(chain.get(i + 1));
                up.computeIfAbsent(chain.get(i + 1), k -> new ArrayList<>()).add(chain.get(i));
            }
            chains.add(chain);
        }

        List<List<Integer>> layers = new ArrayList<>();
        for (int l = 0; l < layerCount; l++) layers.add(new ArrayList<>());
        nodeLayer.entrySet().stream()
                .sorted(Map.Entry.<Integer, Integer>comparingByKey(Comparator.comparingInt(k -> k < 0 ? Integer.MAX_VALUE + k : k)))
                .forEach(entry -> layers.get(entry.getValue()).add(entry.getKey()));
        reduceCrossings(layers, down, up);

        Map<Integer, Double> x = assignX(layers, down, up);
        Map<Integer, Point> positions = new LinkedHashMap<>();
        for (int id : ids) positions.put(id, new Point(x.get(id), layer.get(id)));
        List<List<Point>> routes = new ArrayList<>();
        for (List<Integer> chain : chains) {
            routes.add(chain.stream().map(node -> new Point(x.get(node), nodeLayer.get(node))).toList());
        }
        double minX = x.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        double maxX = x.values().stream().mapToDouble(Double::doubleValue).max().orElse(0);
        return new Result(positions, routes, layerCount, maxX - minX);
    }

    private static Map<Integer, Integer> longestPathLayers(TreeSet<Integer> ids, List<Edge> edges) {
        Map<Integer, Integer> indegree = new HashMap<>();
        Map<Integer, List<Integer>> children = new HashMap<>();
        for (int id : ids) indegree.put(id, 0);
        for (Edge e : edges) {
            indegree.merge(e.to(), 1, Integer::sum);
            children.computeIfAbsent(e.from(), k -> new ArrayList<>()).add(e.to());
        }
        Map<Integer, Integer> layer = new HashMap<>();
        TreeSet<Integer> ready = new TreeSet<>();
        for (int id : ids) {
            if (indegree.get(id) == 0) ready.add(id);
            layer.put(id, 0);
        }
        int placed = 0;
        while (!ready.isEmpty()) {
            int v = ready.pollFirst();
            placed++;
            for (int w : children.getOrDefault(v, List.of())) {
                layer.put(w, Math.max(layer.get(w), layer.get(v) + 1));
                if (indegree.merge(w, -1, Integer::sum) == 0) ready.add(w);
            }
        }
        if (placed != ids.size()) throw new IllegalArgumentException("a layered layout needs an acyclic graph");
        return layer;
    }

    private static void reduceCrossings(List<List<Integer>> layers, Map<Integer, List<Integer>> down,
                                        Map<Integer, List<Integer>> up) {
        List<List<Integer>> best = copy(layers);
        long bestCrossings = crossings(layers, down);
        for (int sweep = 0; sweep < SWEEPS && bestCrossings > 0; sweep++) {
            if (sweep % 2 == 0) {
                for (int l = 1; l < layers.size(); l++) orderByBarycentre(layers.get(l), layers.get(l - 1), up);
            } else {
                for (int l = layers.size() - 2; l >= 0; l--) orderByBarycentre(layers.get(l), layers.get(l + 1), down);
            }
            long now = crossings(layers, down);
            if (now < bestCrossings) {
                bestCrossings = now;
                best = copy(layers);
            }
        }
        for (int l = 0; l < layers.size(); l++) {
            layers.get(l).clear();
            layers.get(l).addAll(best.get(l));
        }
    }

    private static void orderByBarycentre(List<Integer> layer, List<Integer> fixed, Map<Integer, List<Integer>> neighbours) {
        Map<Integer, Integer> position = new HashMap<>();
        for (int i = 0; i < fixed.size(); i++) position.put(fixed.get(i), i);
        Map<Integer, Double> key = new HashMap<>();
        for (int i = 0; i < layer.size(); i++) {
            int node = layer.get(i);
            List<Integer> linked = neighbours.getOrDefault(node, List.of());
            // nodes with no neighbour in the fixed layer keep their place
            key.put(node, linked.isEmpty() ? i : linked.stream().mapToInt(position::get).average().orElse(i));
        }
        layer.sort(Comparator.comparingDouble(key::get)); // stable: ties keep their order
    }

    static long crossings(List<List<Integer>> layers, Map<Integer, List<Integer>> down) {
        long total = 0;
        for (int l = 0; l + 1 < layers.size(); l++) {
            Map<Integer, Integer> position = new HashMap<>();
            List<Integer> lower = layers.get(l + 1);
            for (int i = 0; i < lower.size(); i++) position.put(lower.get(i), i);
            List<int[]> segments = new ArrayList<>();
            List<Integer> upper = layers.get(l);
            for (int i = 0; i < upper.size(); i++) {
                for (int w : down.getOrDefault(upper.get(i), List.of())) segments.add(new int[] {i, position.get(w)});
            }
            for (int a = 0; a < segments.size(); a++) {
                for (int b = a + 1; b < segments.size(); b++) {
                    int[] s = segments.get(a);
                    int[] t = segments.get(b);
                    if ((s[0] - t[0]) * (long) (s[1] - t[1]) < 0) total++;
                }
            }
        }
        return total;
    }

    private static Map<Integer, Double> assignX(List<List<Integer>> layers, Map<Integer, List<Integer>> down,
                                                Map<Integer, List<Integer>> up) {
        int widest = layers.stream().mapToInt(List::size).max().orElse(1);
        Map<Integer, Double> x = new HashMap<>();
        for (List<Integer> layer : layers) {
            double offset = (widest - layer.size()) / 2.0;
            for (int i = 0; i < layer.size(); i++) x.put(layer.get(i), offset + i);
        }
        for (int pass = 0; pass < STRAIGHTEN_PASSES; pass++) {
            boolean downward = pass % 2 == 0;
            for (int k = 0; k < layers.size(); k++) {
                List<Integer> layer = layers.get(downward ? k : layers.size() - 1 - k);
                double[] wanted = new double[layer.size()];
                for (int i = 0; i < layer.size(); i++) {
                    int node = layer.get(i);
                    List<Integer> linked = new ArrayList<>(up.getOrDefault(node, List.of()));
                    linked.addAll(down.getOrDefault(node, List.of()));
                    wanted[i] = linked.isEmpty() ? x.get(node) : linked.stream().mapToDouble(x::get).average().orElseThrow();
                }
                double[] placed = keepOrder(wanted);
                for (int i = 0; i < layer.size(); i++) x.put(layer.get(i), placed[i]);
            }
        }
        double min = x.values().stream().mapToDouble(Double::doubleValue).min().orElse(0);
        x.replaceAll((node, value) -> value - min);
        return x;
    }

    /** The closest positions to {@code wanted} (in least squares, by pooling) that keep order and unit gaps. */
    static double[] keepOrder(double[] wanted) {
        int n = wanted.length;
        // shift out the required gaps, pool adjacent violators, shift back
        double[] shifted = new double[n];
        for (int i = 0; i < n; i++) shifted[i] = wanted[i] - i;
        double[] sum = new double[n];
        int[] size = new int[n];
        int blocks = 0;
        for (int i = 0; i < n; i++) {
            sum[blocks] = shifted[i];
            size[blocks] = 1;
            blocks++;
            while (blocks > 1 && sum[blocks - 2] / size[blocks - 2] > sum[blocks - 1] / size[blocks - 1]) {
                sum[blocks - 2] += sum[blocks - 1];
                size[blocks - 2] += size[blocks - 1];
                blocks--;
            }
        }
        double[] placed = new double[n];
        int at = 0;
        for (int b = 0; b < blocks; b++) {
            double mean = sum[b] / size[b];
            for (int k = 0; k < size[b]; k++, at++) placed[at] = mean + at;
        }
        return placed;
    }

    static List<List<Integer>> copy(List<List<Integer>> layers) {
        List<List<Integer>> copy = new ArrayList<>();
        for (List<Integer> layer : layers) copy.add(new ArrayList<>(layer));
        return copy;
    }
}
