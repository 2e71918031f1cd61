package dev.lookahead.cli.experiments;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.experiments.JobResult;
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
    @Parameters(paramLabel = "DIR", description = "The sweep's folder.")
    Path folder;

    @Option(names = "--json", description = "Also write the results and per-setting summaries here.")
    Path json;

    @Option(names = "--figures", description = "Also write the plots into this folder as PNG, SVG and PDF: converged-vs-n, test-loss-vs-n,"
            + " loss-vs-examples, loss-vs-flops.")
    Path figures;

    @Override
    public Integer call() throws Exception {
        List<JobResult> results = Sweep.collect(folder);
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
            ObjectNode summary = Json.MAPPER.createObjectNode();
            summary.put("jobs", jobs);
            summary.put("finished", results.size());
            ArrayNode groups = summary.putArray("settings");
            for (SweepTable.Group g : SweepTable.groups(results)) {
                ObjectNode group = groups.addObject();
                group.put("n", g.n());
                group.put("layers", g.layers());
                group.put("hidden", g.hidden());
                group.put("distribution", g.distribution());
                group.put("parameters", g.parameters());
                group.put("seeds", g.seeds());
                group.put("converged", g.converged());
                group.put("converged_fraction", g.convergedFraction());
                if (!Double.isNaN(g.minTestLossConverged())) group.put("min_test_loss_converged", g.minTestLossConverged());
                group.put("min_test_loss", g.minTestLoss());
            }
            ArrayNode lines = summary.putArray("results");
            results.forEach(r -> lines.add(r.toJson()));
            AtomicFiles.writeString(json, Json.pretty(summary));
        }
        return 0;
    }
}
