package dev.lookahead.cli.experiments;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.cli.ProgressBar;
import dev.lookahead.experiments.SensitivityGrid;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.SensitivityFigure;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.model.SearchModel;
import dev.lookahead.stats.Estimate;
import dev.lookahead.stats.Proportion;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "sensitivity", description = "The paper's sensitivity heatmap: accuracy of each model (rows) on naive, star and balanced test sets at each lookahead (columns).")
public final class SensitivityCommand implements Callable<Integer> {
    @Option(names = "--model", required = true, description = "A shipped model or training folder; repeat for more rows (all must take the same n).")
    List<String> models;

    @Option(names = "--label", description = "The row names, in --model order (default: the model's name or folder name).")
    List<String> labels = new ArrayList<>();

    @Option(names = "--test-per-column", defaultValue = "200", description = "Test examples per column (default ${DEFAULT-VALUE}).")
    int perColumn;

    @Option(names = "--max-lookahead", description = "Largest balanced lookahead tested (default: the models' ((n-5)/3 - 1)/2).")
    Integer maxLookahead;

    @Option(names = "--seed", defaultValue = "1", description = "Seed of the test sets (default ${DEFAULT-VALUE}).")
    long seed;

    @Option(names = "--device", defaultValue = "auto", description = "cpu, gpu or auto (default ${DEFAULT-VALUE}).")
    String device;

    @OutputFile
    @Option(names = "--json", description = "Write the grid here as JSON (accuracy with Wilson 95%% intervals per cell).")
    Path json;

    @OutputFile
    @Option(names = "--figure", description = "Write the heatmap here; the extension picks PNG, SVG or PDF.")
    Path figure;

    @Override
    public Integer call() throws Exception {
        if (!labels.isEmpty() && labels.size() != models.size()) {
            throw new IllegalArgumentException("give one --label per --model (" + models.size() + " models, " + labels.size() + " labels)");
        }
        List<SearchModel> opened = new ArrayList<>();
        try {
            List<SensitivityGrid.Row> rows = new ArrayList<>();
            for (int i = 0; i < models.size(); i++) {
                SearchModel model = SearchModel.openSearch(models.get(i), device);
                opened.add(model);
                rows.add(new SensitivityGrid.Row(labels.isEmpty() ? rowName(models.get(i)) : labels.get(i), model));
            }
            int largest = maxLookahead != null ? maxLookahead : opened.getFirst().config().layout().defaultMaxLookahead();
            ProgressBar bar = new ProgressBar();
            SensitivityGrid grid = SensitivityGrid.compute(rows, largest, perColumn, seed, () -> false,
                    share -> bar.show(share, "evaluating", Double.NaN));
            print(grid);
            if (json != null) AtomicFiles.writeString(json, Json.pretty(toJson(grid)));
            if (figure != null) {
                FigureFormat format = FigureFormat.ofFile(figure.getFileName().toString());
                if (format == null) throw new IllegalArgumentException("--figure " + figure + ": end the name in .png, .svg or .pdf");
                FigureExport.write(new SensitivityFigure(grid), format, figure, 3);
            }
        } finally {
            opened.forEach(SearchModel::close);
        }
        return 0;
    }

    private static String rowName(String model) {
        Path path = Path.of(model).normalize();
        return path.getFileName() == null ? model : path.getFileName().toString();
    }

    private static void print(SensitivityGrid grid) {
        int width = Math.max(8, grid.models().stream().mapToInt(String::length).max().orElse(8));
        StringBuilder header = new StringBuilder(String.format("%-" + width + "s", "model"));
        grid.columns().forEach(c -> header.append(String.format("  %12s", c)));
        System.out.println(header);
        for (int r = 0; r < grid.models().size(); r++) {
            StringBuilder line = new StringBuilder(String.format("%-" + width + "s", grid.models().get(r)));
            for (Proportion p : grid.cells()[r]) line.append(String.format("  %12.3f", p.value()));
            System.out.println(line);
        }
    }

    private static ObjectNode toJson(SensitivityGrid grid) {
        List<List<Estimate>> rows = java.util.Arrays.stream(grid.cells())
                .map(row -> java.util.Arrays.stream(row).map(Estimate::of).toList()).toList();
        return Json.fields(new GridJson(grid.perColumn(), grid.seed(), grid.models(), grid.columns(), rows));
    }

    /** The grid as {@code --json} holds it: accuracy per model (row) and test set (column). */
    record GridJson(int perColumn, long seed, List<String> models, List<String> columns, List<List<Estimate>> accuracy) {
    }
}
