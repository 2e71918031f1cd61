package dev.lookahead.ui;

import dev.lookahead.search.SearchGraph;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import javafx.animation.AnimationTimer;
import javafx.application.Platform;
import javafx.stage.Stage;

/**
 * The window's responsiveness, measured headless (Monocle): with a model loaded, trace the lookahead-4 sample in the
 * background and edit a 40-vertex graph, recording the time between rendering pulses; optionally while a
 * training run started from the Train tab computes. {@code bench ui} prints what it finds.
 */
public final class UiBenchmark {
    /**
     * What one run measured.
     *
     * @param gaps        every gap between two rendering pulses, in nanoseconds, in order
     * @param tracePulses how many of them fell while the model ran and traced
     * @param knockoutPulses how many fell next, while operations were knocked out (the rest: while editing)
     * @param knockoutSeconds from each knockout (a traced operation toggled as a click does) until its outcome showed
     */
    public record Result(List<Long> gaps, int tracePulses, int knockoutPulses, double traceSeconds, double editSeconds, List<Double> knockoutSeconds) {
        public Result {
            gaps = List.copyOf(gaps);
            knockoutSeconds = List.copyOf(knockoutSeconds);
        }
    }

    private UiBenchmark() {
    }

    /** The graph the bench runs and traces (docs/benchmarks.md: the window's trace of it). */
    public static final String TRACED_SAMPLE = "balanced-lookahead-4.json";
    /** Traced operations knocked out one at a time (each restored before the next). */
    static final int KNOCKOUTS = 10;

    /** Starts JavaFX headless, runs the window through the trace and the edits, and closes it. */
    public static Result run(String model, boolean whileTraining) throws Exception {
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

        if (whileTraining) {
            Path target = java.nio.file.Files.createTempDirectory("lookahead-bench-ui").resolve("run");
            onFx(() -> app[0].train().startNew(target));
            Thread.sleep(5000); // the run's start-up (held-out sets, first batches) is measured too
        }

        // the lookahead-4 sample, traced in the background while the window keeps rendering
        onFx(() -> {
            try {
                app[0].explorer().open(SampleLibrary.sample(TRACED_SAMPLE));
            } catch (java.io.IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        long traceStarted = System.nanoTime();
        onFx(() -> app[0].explorer().runModel());
        Thread.sleep(200);
        waitWhile(() -> app[0].explorer().modelBusy());
        double traceSeconds = (System.nanoTime() - traceStarted) / 1e9;
        int tracePulses = gaps.size();

        // knock out each of the first traced operations in turn, as a click in the circuit view does, until the outcome shows
        List<Double> knockoutSeconds = new ArrayList<>();
        List<dev.lookahead.model.Interventions.Knockout> offered = onFxGet(() -> app[0].explorer().knockoutsOffered());
        for (var operation : offered.subList(0, Math.min(KNOCKOUTS, offered.size()))) {
            for (boolean out : new boolean[] {true, false}) {
                long clicked = System.nanoTime();
                onFx(() -> app[0].explorer().toggleKnockout(operation));
                if (out) {
                    waitWhile(() -> !app[0].explorer().knockoutShown(), 2);
                    knockoutSeconds.add((System.nanoTime() - clicked) / 1e9);
                }
            }
        }

        // 40 vertices and 39 edges, one edit at a time, each laid out again
        int knockoutPulses = gaps.size() - tracePulses;
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
        synchronized (gaps) {
            return new Result(new ArrayList<>(gaps), tracePulses, knockoutPulses, traceSeconds, editSeconds, knockoutSeconds);
        }
    }

    private static void onFx(Runnable action) throws Exception {
        FxThread.runAndWait(action, 60);
    }

    private static <T> T onFxGet(java.util.function.Supplier<T> value) throws Exception {
        List<T> holder = new ArrayList<>();
        onFx(() -> holder.add(value.get()));
        return holder.get(0);
    }

    private static void waitWhile(java.util.function.BooleanSupplier busy) throws Exception {
        waitWhile(busy, 100);
    }

    /** Polls {@code busy} on the FX thread every {@code millis} until it is false; at most two minutes. */
    private static void waitWhile(java.util.function.BooleanSupplier busy, int millis) throws Exception {
        long deadline = System.nanoTime() + 120_000_000_000L;
        while (System.nanoTime() < deadline) {
            boolean[] b = new boolean[1];
            onFx(() -> b[0] = busy.getAsBoolean());
            if (!b[0]) return;
            Thread.sleep(millis);
        }
        throw new IllegalStateException("the window stayed busy for two minutes");
    }
}
