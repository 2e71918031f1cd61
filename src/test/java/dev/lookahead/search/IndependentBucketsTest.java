package dev.lookahead.search;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** Independent test buckets are each drawn on their own; the paper's order keeps every bucket clear of the earlier ones. */
class IndependentBucketsTest {
    private static final TokenLayout LAYOUT = new TokenLayout(20);

    private static Set<TokenRow> rows(List<InContextExample> examples) {
        Set<TokenRow> rows = new HashSet<>();
        examples.forEach(e -> rows.add(TokenRow.of(LAYOUT, e.tokens())));
        return rows;
    }

    @Test
    void anIndependentBucketIsExactlyTheBucketDrawnAlone() {
        Map<String, List<InContextExample>> sets = InContextSets.testSet(LAYOUT, Task.DFS, null, 200, 1, Set.of(), true);
        List<String> names = InContextSets.bucketNames(LAYOUT, Task.DFS);
        InContextSets.Source alone = InContextSets.source(LAYOUT, new InContextSets.Choice(Task.DFS, 0, null, false, null, null), Set.of(),
                InContextSets.bucketSeed(1, names.indexOf("0")));
        for (InContextExample e : sets.get("0")) assertThat(e.tokens()).isEqualTo(alone.next().tokens());
        Set<TokenRow> shared = rows(sets.get("0"));
        shared.retainAll(rows(sets.get("-1")));
        assertThat(shared).as("at n = 20 the two buckets share inputs when neither excludes the other").isNotEmpty();
    }

    @Test
    void inThePapersOrderALaterBucketHoldsNoInputOfAnEarlierOne() {
        Map<String, List<InContextExample>> sets = InContextSets.testSet(LAYOUT, Task.DFS, null, 200, 1, Set.of(), false);
        Set<TokenRow> shared = rows(sets.get("0"));
        shared.retainAll(rows(sets.get("-1")));
        assertThat(shared).isEmpty();
    }
}
