package dev.lookahead.cli.experiments;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.lookahead.cli.InputFile;
import dev.lookahead.cli.OutputFile;
import dev.lookahead.experiments.JobResult;
import dev.lookahead.experiments.ScalingFit;
import dev.lookahead.experiments.Sweep;
import dev.lookahead.experiments.SweepTable;
import dev.lookahead.figures.FigureExport;
import dev.lookahead.figures.FigureFormat;
import dev.lookahead.figures.SweepCharts;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

@Command(name = "collect", description = "Gather the results of a sweep's finished jobs (run here or on a cluster) into results.jsonl and results.md.")
public final class SweepCollectCommand implements Callable<Integer> {
    @InputFile
    @Parameters(paramLabel = "DIR", description = "The sweep's folder.")
    Path folder;

    @OutputFile
    @Option(names = "--json", description = "Also write the results and per-setting summaries here.")
    Path json;

    @OutputFile
    @Option(names = "--figures", description = "Also write the plots into this folder as PNG, SVG and PDF: converged-vs-n, test-loss-vs-n,"
            + " loss-vs-examples, loss-vs-flops.")
    Path figures;

    @Option(names = "--remeasure", description = "First measure every finished job again from its weights, with this build's quantities (e.g."
            + " the in-context tasks' test loss as the paper computes it).")
    boolean remeasure;

    @Override
    public Integer call() throws Exception {
        List<JobResult> results = remeasure ? Sweep.remeasure(folder) : Sweep.collect(folder);
        int jobs = Sweep.open(folder).jobs().size();
        System.out.print(SweepTable.markdown(jobs, results));
        if (figures != null && !results.isEmpty()) {
            Files.createDirectories(figures);
            for (var chart : SweepCharts.all(results, Sweep.open(folder).curves()).entrySet()) {
                for (FigureFormat format : FigureFormat.values()) {
                    FigureExport.write(chart.getValue(), format, figures.resolve(chart.getKey() + "." + format.extension()), 3);
                }
            }
            System.err.println("wrote the plots to " + figures);
        }
        if (json != null) {
            List<Setting> settings = SweepTable.groups(results).stream().map(Setting::of).toList();
            AtomicFiles.writeString(json, Json.pretty(new Summary(jobs, results.size(), settings, results, ScalingFit.of(results))));
        }
        return 0;
    }

    /** What {@code --json} holds: the jobs, one row per setting (seeds together), and every job's result. */
    record Summary(int jobs, int finished, List<Setting> settings, List<JobResult> results, List<ScalingFit> fits) {
    }

    /** One setting's seeds together: how many converged and the lowest test losses. */
    record Setting(int n, int layers, int hidden, String distribution, long parameters, int seeds, int converged, double convergedFraction,
                   @JsonInclude(JsonInclude.Include.NON_NULL) Double minTestLossConverged, double minTestLoss) {
        static Setting of(SweepTable.Group g) {
            return new Setting(g.n(), g.layers(), g.hidden(), g.distribution(), g.parameters(), g.seeds(), g.converged(), g.convergedFraction(),
                    Double.isNaN(g.minTestLossConverged()) ? null : g.minTestLossConverged(), g.minTestLoss());
        }
    }
}
