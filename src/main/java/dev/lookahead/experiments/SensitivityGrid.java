package dev.lookahead.experiments;

import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.stats.Proportion;
import dev.lookahead.train.Evaluation;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CancellationException;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The paper's sensitivity heatmap: how models trained on one distribution do on the others. Rows are
 * models, columns test distributions - naive graphs, star graphs, and balanced graphs at each
 * lookahead 1..L - every column under the test-set rules (one useful next step, one shortest-path
 * next step, the current vertex with out-degree at least 2).
 *
 * @param cells accuracy of row model on column test set
 */
public record SensitivityGrid(List<String> models, List<String> columns, Proportion[][] cells, int perColumn, long seed) {

    /** A model and the name its row shows. */
    public record Row(String name, SearchModel model) {
    }

    /** The test sets of the columns, in order: "naive", "star", "balanced L=1" .. "balanced L=L". */
    public static Map<String, List<Example>> columns(TokenLayout layout, int maxLookahead, int perColumn, long seed) {
        Map<String, List<Example>> columns = new LinkedHashMap<>();
        columns.put("naive", ExampleSets.generate(GenerationSpec.training(layout, Distribution.NAIVE, maxLookahead).withTestSet(true),
                perColumn, seed * 31));
        columns.put("star", ExampleSets.generate(GenerationSpec.training(layout, Distribution.STAR, maxLookahead).withTestSet(true),
                perColumn, seed * 31 + 7));
        GenerationSpec balanced = GenerationSpec.training(layout, Distribution.BALANCED, maxLookahead).withTestSet(true);
        for (int lookahead = 1; lookahead <= maxLookahead; lookahead++) {
            columns.put("balanced L=" + lookahead, ExampleSets.generate(balanced.withFixedLookahead(lookahead), perColumn, seed * 31 + lookahead));
        }
        return columns;
    }

    /**
     * Evaluates every model on every column; all models must take the same n.
     *
     * @param progress the share done, 0..1
     * @throws CancellationException when {@code cancelled} answers true
     */
    public static SensitivityGrid compute(List<Row> rows, int maxLookahead, int perColumn, long seed,
                                          BooleanSupplier cancelled, DoubleConsumer progress) {
        if (rows.isEmpty()) throw new IllegalArgumentException("choose at least one model");
        int n = rows.getFirst().model().config().n();
        for (Row row : rows) {
            if (row.model().config().n() != n) {
                throw new IllegalArgumentException("all models must take the same n: " + rows.getFirst().name() + " takes n = " + n
                        + ", " + row.name() + " takes n = " + row.model().config().n());
            }
        }
        Map<String, List<Example>> columns = columns(new TokenLayout(n), maxLookahead, perColumn, seed);
        List<String> names = List.copyOf(columns.keySet());
        Proportion[][] cells = new Proportion[rows.size()][names.size()];
        int done = 0;
        for (int r = 0; r < rows.size(); r++) {
            for (int c = 0; c < names.size(); c++) {
                if (cancelled.getAsBoolean()) throw new CancellationException("cancelled");
                cells[r][c] = Evaluation.accuracy(rows.get(r).model(), columns.get(names.get(c)));
                progress.accept((double) ++done / (rows.size() * names.size()));
            }
        }
        return new SensitivityGrid(rows.stream().map(Row::name).toList(), names, cells, perColumn, seed);
    }
}
