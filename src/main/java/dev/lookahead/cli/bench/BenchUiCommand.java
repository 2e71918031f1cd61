package dev.lookahead.cli.bench;

import dev.lookahead.ui.UiBenchmark;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ui", description = "Run the window headless (Monocle): with the model loaded, trace an example and edit a 40-vertex graph, and report the longest gap between rendering pulses.")
public final class BenchUiCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--model", defaultValue = "default", description = "The model to trace with: default, or a training folder (default ${DEFAULT-VALUE}).")
    String model;

    @picocli.CommandLine.Mixin
    BenchJson json;

    @Option(names = "--while-training", description = "Start a training run from the Train tab first, and measure while it trains.")
    boolean whileTraining;

    @Override
    public Integer call() throws Exception {
        UiBenchmark.Result run = UiBenchmark.run(model, whileTraining);
        List<Long> gaps = run.gaps();
        int tracePulses = Math.min(run.tracePulses(), gaps.size());
        List<Long> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        double maxGap = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6;
        double medianGap = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
        if (whileTraining) System.out.println("measured while a training run from the Train tab computed on "
                + Math.max(1, Runtime.getRuntime().availableProcessors() - 1) + " of " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.printf("pulses %d, median gap %.1f ms, longest gap %.1f ms (goal: under 100 ms -> %s)%n", sorted.size(), medianGap, maxGap,
                maxGap < 100 ? "met" : "not met");
        System.out.printf("run + trace in the background: %.2f s (longest gap %.1f ms); 79 edits of a 40-vertex graph: %.2f s (longest gap %.1f ms)%n",
                run.traceSeconds(), longest(gaps.subList(0, tracePulses)), run.editSeconds(), longest(gaps.subList(tracePulses, gaps.size())));
        json.write(new Summary("ui", model, whileTraining, maxGap, medianGap, sorted.size(), run.traceSeconds(), run.editSeconds()));
        return 0;
    }

    private static double longest(List<Long> gaps) {
        return gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    /** What {@code --json} holds ({@code max_pulse_gap_ms} is in the command-line contract). */
    record Summary(String benchmark, String model, boolean whileTraining, double maxPulseGapMs, double medianPulseGapMs, int pulses,
                   double traceSeconds, double editSeconds) {
    }
}
