package dev.lookahead.interp;

import dev.lookahead.model.Interventions;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.GroundTruth;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import java.util.List;
import java.util.function.BooleanSupplier;
import java.util.function.DoubleConsumer;

/**
 * The activation-patching heatmap (docs/interventions.md): for each clean input and its corruption, the corrupted run
 * with the residual stream entering block {@code layer} (the last row: leaving the last block) at one position patched
 * from the clean run, scored as the share of the logit difference it restores,
 * (LD patched - LD corrupted) / (LD clean - LD corrupted), LD taken for the clean input's correct next vertices; mean
 * and standard deviation per cell over the inputs.
 *
 * @param mean      [layer 0..L][position]
 * @param spread    standard deviation per cell (0 with one input)
 * @param inputs    the inputs that made a pair
 * @param skipped   inputs without a corruption whose answers differ, or whose clean and corrupted runs tie
 */
public record PatchingMap(String corruption, double[][] mean, double[][] spread, int inputs, int skipped, double cleanLogitDifference,
                          double corruptedLogitDifference) {

    public static PatchingMap of(SearchModel model, List<int[]> cleanInputs, Corruption corruption, DoubleConsumer progress, BooleanSupplier cancelled) {
        TokenLayout layout = model.config().layout();
        int rows = model.config().layers() + 1;
        int n = model.config().n();
        double[][] sum = new double[rows][n];
        double[][] squares = new double[rows][n];
        Interventions interventions = new Interventions(model, List.of());
        int made = 0;
        int skipped = 0;
        double cleanSum = 0;
        double corruptedSum = 0;
        for (int i = 0; i < cleanInputs.size() && !cancelled.getAsBoolean(); i++) {
            int[] clean = cleanInputs.get(i);
            var corrupted = corruption.apply(layout, clean);
            SearchInput input = Tokenizer.decode(layout, clean);
            int[] correct = new GroundTruth(input.edges()).usefulNext(input.current(), input.goal());
            if (corrupted.isEmpty() || correct.length == 0) {
                skipped++;
                continue;
            }
            double ldClean = CausalEffect.logitDifference(interventions.run(clean, Interventions.Plan.none()).logits(), correct, layout.maxVertex());
            double ldCorrupted = CausalEffect.logitDifference(interventions.run(corrupted.get(), Interventions.Plan.none()).logits(), correct,
                    layout.maxVertex());
            if (Math.abs(ldClean - ldCorrupted) < 1e-6) {
                skipped++;
                continue;
            }
            for (int layer = 0; layer < rows; layer++) {
                for (int p = 0; p < n; p++) {
                    Interventions.Plan plan = new Interventions.Plan(List.of(), List.of(), new Interventions.Patch(layer, new int[] {p}, clean));
                    double ld = CausalEffect.logitDifference(interventions.run(corrupted.get(), plan).logits(), correct, layout.maxVertex());
                    double restored = (ld - ldCorrupted) / (ldClean - ldCorrupted);
                    sum[layer][p] += restored;
                    squares[layer][p] += restored * restored;
                }
            }
            made++;
            cleanSum += ldClean;
            corruptedSum += ldCorrupted;
            progress.accept((i + 1.0) / cleanInputs.size());
        }
        double[][] mean = new double[rows][n];
        double[][] spread = new double[rows][n];
        for (int l = 0; l < rows; l++) {
            for (int p = 0; p < n; p++) {
                mean[l][p] = made == 0 ? Double.NaN : sum[l][p] / made;
                spread[l][p] = made < 2 ? 0 : Math.sqrt(Math.max(0, (squares[l][p] - made * mean[l][p] * mean[l][p]) / (made - 1)));
            }
        }
        return new PatchingMap(corruption.id(), mean, spread, made, skipped, made == 0 ? Double.NaN : cleanSum / made,
                made == 0 ? Double.NaN : corruptedSum / made);
    }
}
