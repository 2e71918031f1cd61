package dev.lookahead.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.train.Evaluation;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import org.junit.jupiter.api.Test;

class SensitivityGridTest {
    @Test
    void theColumnsAreNaiveStarAndBalancedAtEachLookaheadUnderTheTestSetRules() {
        Map<String, List<Example>> columns = SensitivityGrid.columns(new TokenLayout(26), 3, 30, 1);
        assertThat(columns.keySet()).containsExactly("naive", "star", "balanced L=1", "balanced L=2", "balanced L=3");
        columns.forEach((name, examples) -> {
            assertThat(examples).as(name).hasSize(30);
            for (Example e : examples) assertThat(e.usefulNext()).as(name).hasSize(1);
        });
        assertThat(columns.get("star")).allMatch(e -> e.distribution() == Distribution.STAR);
        assertThat(columns.get("balanced L=2")).allMatch(e -> e.lookahead() == 2);
    }

    @Test
    void everyCellIsTheModelsAccuracyOnItsColumn() {
        try (SearchModel a = SearchModel.create(new ModelConfig(20, 1, 4, 1, false, false), Device.cpu(), 1);
             SearchModel b = SearchModel.create(new ModelConfig(20, 1, 4, 1, false, false), Device.cpu(), 2)) {
            List<Double> progress = new ArrayList<>();
            SensitivityGrid grid = SensitivityGrid.compute(List.of(new SensitivityGrid.Row("a", a), new SensitivityGrid.Row("b", b)),
                    2, 25, 3, () -> false, progress::add);
            assertThat(grid.models()).containsExactly("a", "b");
            assertThat(grid.columns()).hasSize(4);
            assertThat(progress).hasSize(8).last().isEqualTo(1.0);
            var columns = SensitivityGrid.columns(new TokenLayout(20), 2, 25, 3);
            assertThat(grid.cells()[1][3]).isEqualTo(Evaluation.accuracy(b, columns.get("balanced L=2")));
            assertThatThrownBy(() -> SensitivityGrid.compute(List.of(new SensitivityGrid.Row("a", a)), 2, 25, 3, () -> true, p -> { }))
                    .isInstanceOf(CancellationException.class);
            try (SearchModel other = SearchModel.create(new ModelConfig(23, 1, 4, 1, false, false), Device.cpu(), 1)) {
                assertThatThrownBy(() -> SensitivityGrid.compute(List.of(new SensitivityGrid.Row("a", a), new SensitivityGrid.Row("c", other)),
                        2, 25, 3, () -> false, p -> { })).hasMessageContaining("same n").hasMessageContaining("c takes n = 23");
            }
        }
    }
}
