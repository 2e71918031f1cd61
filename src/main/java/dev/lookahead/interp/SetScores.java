package dev.lookahead.interp;

import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;

/**
 * The traced sets beside the truth: for every vertex token of the traced graph after block l, the
 * vertices truly reachable from its vertex within 2^l hops and at all, and how the extracted set
 * compares - precision against everything reachable, recall of the 2^l-hop set, and whether the set
 * is sound (holds nothing unreachable). A path merge can also join a token to the tokens before it on
 * a path (a backward position step), so the sets are also scored against every vertex on a directed
 * path through the token's vertex, before or after it.
 *
 * @param nodes         vertex tokens scored at this layer
 * @param meanSize      mean size of the extracted sets
 * @param meanTrueSize  mean size of the true 2^l-hop sets
 * @param precision     mean share of a set reachable from its token's vertex
 * @param pathPrecision mean share of a set on a directed path through its token's vertex
 * @param soundShare    share of sets holding only vertices reachable from their token's vertex
 */
public record SetScores(int layer, int nodes, double meanSize, double meanTrueSize, double precision, double recall,
                        double soundShare, double pathPrecision) {

    /** One entry per layer of the trace (0 = the embedding). */
    public static List<SetScores> of(Trace trace, SearchInput input, int[] tokens) {
        GroundTruth truth = new GroundTruth(input.edges());
        List<SetScores> scores = new ArrayList<>();
        for (int l = 0; l < trace.layers().size(); l++) {
            int hops = 1 << l;
            int nodes = 0;
            double size = 0;
            double trueSize = 0;
            double precision = 0;
            double pathPrecision = 0;
            double recall = 0;
            int sound = 0;
            for (Map.Entry<Integer, SortedSet<Integer>> node : trace.layers().get(l).entrySet()) {
                int vertex = tokens[node.getKey()];
                if (!input.layout().isVertex(vertex)) continue;
                SortedSet<Integer> set = node.getValue();
                SortedSet<Integer> all = truth.reachable(vertex);
                SortedSet<Integer> within = truth.reachableWithin(vertex, hops);
                nodes++;
                size += set.size();
                trueSize += within.size();
                long inAll = set.stream().filter(all::contains).count();
                precision += set.isEmpty() ? 1 : (double) inAll / set.size();
                SortedSet<Integer> onPaths = truth.onPathsThrough(vertex);
                pathPrecision += set.isEmpty() ? 1 : (double) set.stream().filter(onPaths::contains).count() / set.size();
                recall += (double) set.stream().filter(within::contains).count() / within.size();
                if (inAll == set.size()) sound++;
            }
            scores.add(nodes == 0 ? new SetScores(l, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN)
                    : new SetScores(l, nodes, size / nodes, trueSize / nodes, precision / nodes, recall / nodes, (double) sound / nodes,
                    pathPrecision / nodes));
        }
        return scores;
    }
}
