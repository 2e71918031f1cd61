package dev.lookahead.prefopt;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.Example;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * Samples whole paths from a search model: predict the next vertex, append it to the path tokens, predict again, until the
 * goal, a token that is not a vertex, a repeated vertex, or no room for another path token. The k samples of a problem are
 * drawn together, one batched forward pass per step. Tokens are drawn at {@code temperature} from the smallest set of top
 * tokens whose probability reaches {@code topP} (nucleus sampling); the log-probability is the model's own, at
 * temperature 1.
 */
public final class PathSampler {
    /** How to sample: k paths per problem, at this temperature and top-p (ScPO's 0.7 and 0.9 by default). */
    public record Settings(int k, double temperature, double topP) {
        public Settings {
            if (k < 1) throw new IllegalArgumentException("--k must be at least 1 (got " + k + ")");
            if (!(temperature > 0)) throw new IllegalArgumentException("--temperature must be positive (got " + temperature + ")");
            if (!(topP > 0 && topP <= 1)) throw new IllegalArgumentException("--top-p must lie in (0, 1] (got " + topP + ")");
        }
    }

    private final SearchModel model;
    private final Settings settings;

    public PathSampler(SearchModel model, Settings settings) {
        this.model = model;
        this.settings = settings;
    }

    /** k paths from the start of a graph towards its goal, in the order drawn. */
    public List<PathSample> sample(List<Edge> edges, int start, int goal, SplittableRandom random) {
        return sampleAll(List.of(new Query(edges, start, goal)), List.of(random)).get(0);
    }

    /** A problem to sample paths for: a graph, its start and its goal. */
    public record Query(List<Edge> edges, int start, int goal) {
        public static Query of(Example e) {
            return new Query(e.edges(), e.start(), e.goal());
        }
    }

    /** Greedy decoding: the most likely token at every step (one path per problem). */
    public static Settings greedy() {
        return new Settings(1, 1.0, GREEDY_TOP_P);
    }

    private static final double GREEDY_TOP_P = 1e-9;

    /**
     * k paths for each of several problems, one batched forward pass per step for all of them; problem i draws from
     * {@code randoms.get(i)} alone, in the same order as {@link #sample} would, so the batch does not change the draws.
     */
    public List<List<PathSample>> sampleAll(List<Query> queries, List<SplittableRandom> randoms) {
        TokenLayout layout = model.config().layout();
        int k = settings.k();
        int count = queries.size() * k;
        List<List<Integer>> paths = new ArrayList<>(count);
        double[] logprob = new double[count];
        boolean[] done = new boolean[count];
        for (int i = 0; i < count; i++) paths.add(new ArrayList<>());
        while (true) {
            List<Integer> active = new ArrayList<>();
            for (int i = 0; i < count; i++) {
                if (done[i]) continue;
                Query q = queries.get(i / k);
                if (3 * q.edges().size() + 4 + paths.get(i).size() + 1 > layout.n()) done[i] = true; // no room for another path token
                else active.add(i);
            }
            if (active.isEmpty()) break;
            int[][] inputs = new int[active.size()][];
            for (int a = 0; a < inputs.length; a++) {
                int i = active.get(a);
                Query q = queries.get(i / k);
                inputs[a] = Tokenizer.encode(new SearchInput(layout, q.edges(), q.start(), q.goal(), prefix(q.start(), paths.get(i))));
            }
            float[][] probabilities = model.probabilities(inputs);
            for (int a = 0; a < inputs.length; a++) {
                int i = active.get(a);
                Query q = queries.get(i / k);
                int token = draw(probabilities[a], randoms.get(i / k));
                logprob[i] += Math.log(Math.max(probabilities[a][token], 1e-30));
                List<Integer> path = paths.get(i);
                boolean repeated = token == q.start() || path.contains(token);
                path.add(token);
                if (token == q.goal() || !layout.isVertex(token) || repeated) done[i] = true;
            }
        }
        List<List<PathSample>> result = new ArrayList<>(queries.size());
        for (int p = 0; p < queries.size(); p++) {
            Query q = queries.get(p);
            List<PathSample> samples = new ArrayList<>(k);
            for (int i = p * k; i < (p + 1) * k; i++) {
                List<Integer> path = paths.get(i);
                samples.add(new PathSample(path, logprob[i], PathSample.answerOf(path), Verifier.reachesGoal(q.edges(), q.start(), q.goal(), path)));
            }
            result.add(samples);
        }
        return result;
    }

    private static int[] prefix(int start, List<Integer> path) {
        int[] prefix = new int[path.size() + 1];
        prefix[0] = start;
        for (int j = 0; j < path.size(); j++) prefix[j + 1] = path.get(j);
        return prefix;
    }

    /** A token from the nucleus of the tempered distribution. */
    int draw(float[] probabilities, SplittableRandom random) {
        double[] tempered = new double[probabilities.length];
        for (int t = 0; t < tempered.length; t++) tempered[t] = Math.pow(Math.max(probabilities[t], 0), 1.0 / settings.temperature());
        double total = Arrays.stream(tempered).sum();
        Integer[] order = new Integer[tempered.length];
        for (int t = 0; t < order.length; t++) order[t] = t;
        Arrays.sort(order, Comparator.comparingDouble((Integer t) -> -tempered[t]).thenComparingInt(t -> t));
        double kept = 0;
        int size = 0;
        while (size < order.length && (size == 0 || kept / total < settings.topP())) kept += tempered[order[size++]];
        double target = random.nextDouble() * kept;
        double sum = 0;
        for (int s = 0; s < size; s++) {
            sum += tempered[order[s]];
            if (target < sum) return order[s];
        }
        return order[size - 1];
    }
}
