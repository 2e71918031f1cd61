package dev.lookahead.interp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.Arrays;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** The corruptions keep every token's place, change as few tokens as they say, and always change the answer. */
class CorruptionTest {
    private static final TokenLayout LAYOUT = new TokenLayout(32);

    @ParameterizedTest(name = "{0} changes {1} token(s) and the correct next vertices")
    @CsvSource({"GOAL,1", "PATH_EDGE,2"})
    void aCorruptionChangesFewTokensAndTheAnswer(Corruption corruption, int changed) {
        int made = 0;
        for (Example e : ExampleSets.generate(GenerationSpec.training(LAYOUT, Distribution.BALANCED, 4), 60, 3)) {
            var corrupted = corruption.apply(LAYOUT, e.tokens());
            if (corrupted.isEmpty()) continue;
            made++;
            int differing = 0;
            for (int i = 0; i < e.tokens().length; i++) if (e.tokens()[i] != corrupted.get()[i]) differing++;
            assertThat(differing).isEqualTo(changed);
            SearchInput before = Tokenizer.decode(LAYOUT, e.tokens());
            SearchInput after = Tokenizer.decode(LAYOUT, corrupted.get());
            int[] was = new GroundTruth(before.edges()).usefulNext(before.current(), before.goal());
            int[] now = new GroundTruth(after.edges()).usefulNext(after.current(), after.goal());
            assertThat(now).isNotEmpty();
            assertThat(Arrays.stream(now).noneMatch(v -> Arrays.stream(was).anyMatch(w -> w == v))).as("no correct step in common").isTrue();
        }
        assertThat(made).as("most balanced graphs have another branch to use").isGreaterThan(30);
    }
}
