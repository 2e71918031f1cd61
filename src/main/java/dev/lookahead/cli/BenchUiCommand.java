package dev.lookahead.cli;

import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.lookahead.io.AtomicFiles;
import dev.lookahead.io.Json;
import dev.lookahead.search.SearchGraph;
import dev.lookahead.ui.FxThread;
import dev.lookahead.ui.WorkbenchApp;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

@Command(name = "ui", description = "Run the window headless (Monocle): with the model loaded, trace an example and edit a 40-vertex graph, and report the longest gap between rendering pulses.")
final class BenchUiCommand implements java.util.concurrent.Callable<Integer> {
    @Option(names = "--model", defaultValue = "default", description = "The model to trace with: default, or a training folder (default ${DEFAULT-VALUE}).")
    String model;

    @Option(names = "--json", description = "Write the figures here as JSON.")
    Path json;

    @Option(names = "--while-training", description = "Start a training run from the Train tab first, and measure while it trains.")
    boolean whileTraining;

    @Override
    public Integer call() throws Exception {
        // the headless platform must be chosen before JavaFX starts
        System.setProperty("glass.platform", "Monocle");
        System.setProperty("monocle.platform", "Headless");
        System.setProperty("prism.order", "sw");
        System.setProperty("prism.text", "t2k");
        CompletableFuture<Void> started = new CompletableFuture<>();
        Platform.startup(() -> started.complete(null));
        started.get(30, TimeUnit.SECONDS);
        WorkbenchApp[] app = new WorkbenchApp[1];
        List<Long> gaps = Collections.synchronizedList(new ArrayList<>());
        AnimationTimer[] timer = new AnimationTimer[1];
        onFx(() -> app[0] = new WorkbenchApp());
        onFx(() -> app[0].start(new Stage()));
        // loading the engine's native library stalls the process once, at start: measure from a loaded model on
        onFx(() -> app[0].explorer().openModel(model));
        waitWhile(() -> app[0].explorer().modelBusy());
        onFx(() -> {
            timer[0] = new AnimationTimer() {
                private long last;

                @Override
                public void handle(long now) {
                    if (last != 0) gaps.add(now - last);
                    last = now;
                }
            };
            timer[0].start();
        });

        Path runFolder = null;
        if (whileTraining) {
            runFolder = java.nio.file.Files.createTempDirectory("lookahead-bench-ui").resolve("run");
            Path target = runFolder;
            onFx(() -> app[0].train().startNew(target));
            Thread.sleep(5000); // the run's start-up (held-out sets, first batches) is measured too
        }

        // a trace in the background, while the window keeps rendering
        long traceStarted = System.nanoTime();
        onFx(() -> app[0].explorer().runModel());
        Thread.sleep(200);
        waitWhile(() -> app[0].explorer().modelBusy());
        double traceSeconds = (System.nanoTime() - traceStarted) / 1e9;

        // 40 vertices and 39 edges, one edit at a time, each laid out again
        int tracePulses = gaps.size();
        long editStarted = System.nanoTime();
        onFx(() -> app[0].explorer().showNew(SearchGraph.of(List.of(), null, null), "bench"));
        for (int v = 1; v <= 40; v++) onFx(() -> app[0].explorer().addVertex());
        for (int v = 1; v < 40; v++) {
            int from = v;
            onFx(() -> app[0].explorer().addEdge(from, from + 1));
        }
        double editSeconds = (System.nanoTime() - editStarted) / 1e9;
        Thread.sleep(300);
        onFx(() -> timer[0].stop());
        if (whileTraining) {
            onFx(() -> app[0].train().pause());
            waitWhile(() -> app[0].train().running());
        }
        onFx(app[0]::stop); // a clean exit: no autosave left behind for the next window to restore
        Platform.exit();

        List<Long> sorted = new ArrayList<>(gaps);
        Collections.sort(sorted);
        double maxGap = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() - 1) / 1e6;
        double medianGap = sorted.isEmpty() ? Double.NaN : sorted.get(sorted.size() / 2) / 1e6;
        if (whileTraining) System.out.println("measured while a training run from the Train tab computed on "
                + Math.max(1, Runtime.getRuntime().availableProcessors() - 1) + " of " + Runtime.getRuntime().availableProcessors() + " cores");
        System.out.printf("pulses %d, median gap %.1f ms, longest gap %.1f ms (goal: under 100 ms -> %s)%n", sorted.size(), medianGap, maxGap,
                maxGap < 100 ? "met" : "not met");
        System.out.printf("run + trace in the background: %.2f s (longest gap %.1f ms); 79 edits of a 40-vertex graph: %.2f s (longest gap %.1f ms)%n",
                traceSeconds, longest(gaps.subList(0, Math.min(tracePulses, gaps.size()))), editSeconds,
                longest(gaps.subList(Math.min(tracePulses, gaps.size()), gaps.size())));
        if (json != null) {
            ObjectNode summary = Json.MAPPER.createObjectNode();
            summary.put("benchmark", "ui");
            summary.put("model", model);
            summary.put("while_training", whileTraining);
            summary.put("max_pulse_gap_ms", maxGap);
            summary.put("median_pulse_gap_ms", medianGap);
            summary.put("pulses", sorted.size());
            summary.put("trace_seconds", traceSeconds);
            summary.put("edit_seconds", editSeconds);
            AtomicFiles.writeString(json, Json.pretty(summary));
        }
        return 0;
    }

    private static double longest(List<Long> gaps) {
        return gaps.stream().mapToLong(Long::longValue).max().orElse(0) / 1e6;
    }

    private static void onFx(Runnable action) throws Exception {
        FxThread.runAndWait(action, 60);
    }

    private static void waitWhile(java.util.function.BooleanSupplier busy) throws Exception {
        for (int k = 0; k < 1200; k++) {
            boolean[] b = new boolean[1];
            onFx(() -> b[0] = busy.getAsBoolean());
            if (!b[0]) return;
            Thread.sleep(100);
        }
        throw new IllegalStateException("the window stayed busy for two minutes");
    }
}
