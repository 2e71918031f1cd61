package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class ExampleGeneratorTest {

    private static List<Example> draw(Distribution distribution, int n, int count, long seed) {
        TokenLayout layout = new TokenLayout(n);
        return ExampleSets.generate(GenerationSpec.training(layout, distribution, layout.defaultMaxLookahead()), count, seed);
    }

    @ParameterizedTest(name = "{0} at n={1}")
    @CsvSource({"BALANCED,32", "BALANCED,44", "NAIVE,32", "NAIVE,44", "STAR,32", "STAR,44"})
    void everyExampleAgreesWithAnIndependentDecoderAndBreadthFirstSearch(Distribution distribution, int n) {
        for (Example example : draw(distribution, n, 3000, 7)) {
            IndependentCheck check = new IndependentCheck(n, example.tokens());
            assertThat(check.acyclic()).as("acyclic").isTrue();
            assertThat(check.current()).isEqualTo(example.current()).isEqualTo(example.start());
            assertThat(check.start).isEqualTo(example.start());
            assertThat(check.goal).isEqualTo(example.goal());
            assertThat(check.edges.stream().map(e -> new Edge(e[0], e[1])).toList()).containsExactlyElementsOf(example.edges());
            assertThat(check.useful()).containsExactlyElementsOf(Arrays.stream(example.usefulNext()).boxed().toList());
            assertThat(check.useful()).contains(example.label());
            assertThat(check.lookahead(example.label())).as("lookahead of %s", example).isEqualTo(example.lookahead());
            assertThat(check.vertexCount()).isLessThanOrEqualTo(check.v);
            assertThat(check.edges).hasSizeLessThanOrEqualTo(check.v);
        }
    }

    @Test
    void allPrefixesFollowShortestPathsAndAgreeWithTheIndependentCheck() {
        TokenLayout layout = new TokenLayout(32);
        GenerationSpec spec = GenerationSpec.training(layout, Distribution.BALANCED, 4).withMode(GenerationMode.ALL_PREFIXES);
        List<Example> examples = ExampleSets.generate(spec, 2000, 3);
        long laterSteps = 0;
        for (Example example : examples) {
            IndependentCheck check = new IndependentCheck(32, example.tokens());
            assertThat(check.current()).isEqualTo(example.current());
            assertThat(check.useful()).containsExactlyElementsOf(Arrays.stream(example.usefulNext()).boxed().toList());
            assertThat(check.lookahead(example.label())).isEqualTo(example.lookahead());
            for (int i = 1; i < check.path.size(); i++) {
                assertThat(check.childrenOf(check.path.get(i - 1))).contains(check.path.get(i));
            }
            if (check.path.size() > 1) laterSteps++;
        }
        assertThat(laterSteps).isGreaterThan(examples.size() / 3);
    }

    @Test
    void balancedLookaheadIsUniformOverZeroToL() {
        long[] counts = new long[5];
        for (Example example : draw(Distribution.BALANCED, 32, 20000, 11)) counts[example.lookahead()]++;
        // chi-square, 4 degrees of freedom: 18.47 is the 0.1% critical value
        assertThat(Statistics.chiSquareUniform(counts)).as(Arrays.toString(counts)).isLessThan(18.47);
    }

    @Test
    void balancedExamplesMostlyHaveExactlyOneUsefulStep() {
        List<Example> examples = draw(Distribution.BALANCED, 32, 10000, 5);
        long single = examples.stream().filter(e -> e.usefulNext().length == 1).count();
        assertThat(single / 10000.0).isBetween(0.95, 1.0);
    }

    @Test
    void naiveLookaheadIsSkewedAsThePaperReports() {
        long[] counts = new long[64];
        List<Example> examples = draw(Distribution.NAIVE, 128, 40000, 13);
        for (Example example : examples) counts[example.lookahead()]++;
        double total = examples.size();
        // paper at n = 128: about 16% L0, 52% L1, 24% L2, 7% L3, 0.9% L4, almost nothing above
        assertThat(counts[0] / total).isBetween(0.13, 0.20);
        assertThat(counts[1] / total).isBetween(0.47, 0.58);
        assertThat(counts[2] / total).isBetween(0.19, 0.28);
        assertThat(counts[3] / total).isBetween(0.04, 0.10);
        assertThat(counts[4] / total).isBetween(0.003, 0.02);
        long aboveFive = Arrays.stream(counts, 6, 64).sum();
        assertThat(aboveFive / total).isLessThan(0.002);
    }

    @ParameterizedTest(name = "{0}")
    @CsvSource({"BALANCED", "NAIVE", "STAR"})
    void idsCarryNoTopologyTheStartIdIsUniform(Distribution distribution) {
        long[] counts = new long[9];
        for (Example example : draw(distribution, 32, 18000, 17)) counts[example.start() - 1]++;
        // chi-square, 8 degrees of freedom: 26.12 is the 0.1% critical value
        assertThat(Statistics.chiSquareUniform(counts)).as(Arrays.toString(counts)).isLessThan(26.12);
    }

    @Test
    void sameSeedSameExamplesOtherSeedOtherExamples() {
        List<Example> first = draw(Distribution.BALANCED, 32, 200, 42);
        List<Example> again = draw(Distribution.BALANCED, 32, 200, 42);
        List<Example> other = draw(Distribution.BALANCED, 32, 200, 43);
        for (int i = 0; i < first.size(); i++) {
            assertThat(again.get(i).tokens()).isEqualTo(first.get(i).tokens());
            assertThat(again.get(i).label()).isEqualTo(first.get(i).label());
        }
        long same = 0;
        for (int i = 0; i < first.size(); i++) same += Arrays.equals(first.get(i).tokens(), other.get(i).tokens()) ? 1 : 0;
        assertThat(same).isLessThan(20);
    }

    @Test
    void balancedTestSetIsEvenDistinctAndObeysTheTestRules() {
        TokenLayout layout = new TokenLayout(32);
        GenerationSpec spec = GenerationSpec.training(layout, Distribution.BALANCED, 4).withTestSet(true);
        List<Example> testSet = ExampleSets.generate(spec, 402, 1);
        long[] perLookahead = new long[5];
        Set<String> distinct = new HashSet<>();
        for (Example example : testSet) {
            perLookahead[example.lookahead()]++;
            distinct.add(Arrays.toString(example.tokens()));
            IndependentCheck check = new IndependentCheck(32, example.tokens());
            assertThat(check.useful()).hasSize(1);
            assertThat(new TreeSet<>(check.childrenOf(check.current()))).hasSizeGreaterThanOrEqualTo(2);
            GroundTruth truth = new GroundTruth(example.edges());
            assertThat(truth.shortestPathSteps(example.current(), example.goal())).containsExactly(example.label());
            assertThat(truth.shortestPaths(example.start(), example.goal()))
                    .allSatisfy(path -> assertThat(path.get(1)).isEqualTo(example.label()));
        }
        assertThat(perLookahead).containsExactly(0, 101, 101, 100, 100);
        assertThat(distinct).hasSize(402);
    }

    @Test
    void reservedInputsAreNeverProduced() {
        TokenLayout layout = new TokenLayout(32);
        GenerationSpec testSpec = GenerationSpec.training(layout, Distribution.BALANCED, 4).withTestSet(true);
        Set<TokenRow> reserved = new HashSet<>();
        ExampleSets.generate(testSpec, 2000, 1).forEach(e -> reserved.add(TokenRow.of(layout, e.tokens())));
        ExampleGenerator training = new ExampleGenerator(
                GenerationSpec.training(layout, Distribution.BALANCED, 4).withReserved(reserved), 1);
        for (int i = 0; i < 50000; i++) {
            assertThat(reserved).doesNotContain(TokenRow.of(layout, training.next().tokens()));
        }
        assertThat(training.collisions()).isPositive();
    }

    @Test
    void starExamplesAreStarsWhoseLookaheadIsTheSpokeLengthOrZeroForOneSpoke() {
        for (Example example : draw(Distribution.STAR, 32, 500, 2)) {
            IndependentCheck check = new IndependentCheck(32, example.tokens());
            int spokes = check.childrenOf(check.start).size();
            int spokeLength = check.distance(check.start, check.goal);
            assertThat(example.edges()).hasSize(spokes * spokeLength);
            assertThat(example.lookahead()).isEqualTo(spokes == 1 ? 0 : spokeLength);
        }
    }

    @Test
    void naiveTestSetIsOneSetWhoseGoalIsNeverAChildOfTheStart() {
        TokenLayout layout = new TokenLayout(32);
        List<Example> testSet = ExampleSets.generate(
                GenerationSpec.training(layout, Distribution.NAIVE, 4).withTestSet(true), 1000, 3);
        assertThat(testSet).hasSize(1000);
        for (Example example : testSet) {
            IndependentCheck check = new IndependentCheck(32, example.tokens());
            assertThat(check.distance(check.start, check.goal)).as("shortest start-goal path, in edges").isGreaterThanOrEqualTo(2);
            assertThat(check.useful()).hasSize(1);
            assertThat(new TreeSet<>(check.childrenOf(check.current()))).hasSizeGreaterThanOrEqualTo(2);
        }
        assertThat(testSet.stream().mapToInt(Example::lookahead).distinct().count()).as("lookaheads present").isGreaterThan(1);
    }

    @Test
    void balancedTestSetsAboveLookaheadOneNeverHaveTheGoalAsAChildOfTheStart() {
        TokenLayout layout = new TokenLayout(32);
        List<Example> testSet = ExampleSets.generate(GenerationSpec.training(layout, Distribution.BALANCED, 4).withTestSet(true), 800, 5);
        long directAtOne = 0;
        for (Example example : testSet) {
            IndependentCheck check = new IndependentCheck(32, example.tokens());
            int distance = check.distance(check.start, check.goal);
            if (example.lookahead() >= 2) assertThat(distance).as("shortest path at lookahead " + example.lookahead()).isGreaterThanOrEqualTo(2);
            if (example.lookahead() == 1 && distance == 1) directAtOne++;
        }
        assertThat(directAtOne).as("lookahead-1 examples with the goal next to the start (allowed: min(L, 2) = 1)").isPositive();
    }

    @Test
    void starTestSetDrawsEverySpokeLengthAndCountOneSpokeStarsIncluded() {
        TokenLayout layout = new TokenLayout(32);
        List<Example> testSet = ExampleSets.generate(GenerationSpec.training(layout, Distribution.STAR, 4).withTestSet(true), 400, 1);
        Set<List<Integer>> pairs = new HashSet<>();
        for (Example example : testSet) {
            IndependentCheck check = new IndependentCheck(32, example.tokens());
            pairs.add(List.of(check.distance(check.start, check.goal), check.childrenOf(check.start).size()));
        }
        Set<List<Integer>> expected = new HashSet<>();
        for (int length = 1; length <= 4; length++) {
            for (int spokes = 1; spokes <= 8 / length; spokes++) expected.add(List.of(length, spokes));
        }
        assertThat(pairs).isEqualTo(expected);
    }
}
