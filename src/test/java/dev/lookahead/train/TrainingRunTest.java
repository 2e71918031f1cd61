package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import dev.lookahead.search.Example;
import dev.lookahead.search.ExampleSets;
import dev.lookahead.search.GenerationSpec;
import dev.lookahead.stats.Proportion;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TrainingRunTest {
    @TempDir
    Path dir;

    /** n = 17: vertex ids 1..4, lookahead at most 1, a model of width 9 + 8 + 17 = 34. */
    private static TrainingConfig tiny(long examples, float lr) {
        return new TrainingConfig(new ModelConfig(17, 2, 8, 1, false, false), Initialization.PYTORCH, List.of(Distribution.BALANCED), 1,
                CurriculumRule.NONE, examples, 64, lr, 20, 0.01f, 1f, 7, "cpu", Long.MAX_VALUE, 100);
    }

    private static int[][] probe() {
        var layout = new ModelConfig(17, 2, 8, 1, false, false).layout();
        return ExampleSets.generate(GenerationSpec.training(layout, Distribution.BALANCED, 1), 50, 99).stream()
                .map(Example::tokens).toArray(int[][]::new);
    }

    @Test
    void aResumedRunTakesExactlyTheStepsOfAnUninterruptedOne() throws Exception {
        TrainingConfig config = tiny(64 * 8, 2e-3f);
        float[][] straight;
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("straight"))) {
            for (int i = 0; i < 8; i++) run.trainStep();
            straight = run.model().probabilities(probe());
        }
        List<Double> lossesAfterResume = new java.util.ArrayList<>();
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("interrupted"))) {
            for (int i = 0; i < 4; i++) run.trainStep();
            run.checkpoint();
        }
        float[][] resumed;
        try (TrainingRun run = TrainingRun.resume(dir.resolve("interrupted"), null)) {
            assertThat(run.stepsDone()).isEqualTo(4);
            for (int i = 0; i < 4; i++) lossesAfterResume.add(run.trainStep().loss());
            assertThat(run.finished()).isTrue();
            resumed = run.model().probabilities(probe());
        }
        for (int i = 0; i < straight.length; i++) {
            for (int k = 0; k < straight[i].length; k++) {
                assertThat(resumed[i][k]).as("row %d token %d", i, k).isCloseTo(straight[i][k], org.assertj.core.data.Offset.offset(1e-5f));
            }
        }
        assertThat(lossesAfterResume).allSatisfy(loss -> assertThat(loss).isFinite());
    }

    @Test
    void aTinyModelLearnsATinyTask() throws Exception {
        TrainingConfig config = tiny(64 * 400, 3e-3f);
        Map<String, Proportion> before;
        Map<String, Proportion> after;
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("tiny"))) {
            before = run.evaluate();
            Trainer.run(run, new Trainer.Listener() { }, () -> false);
            after = run.evaluate();
        }
        // lookahead 1 at n = 17: the start has two children, only one leads to the goal
        assertThat(after.get("1").value()).as("after: %s, before: %s", after, before).isGreaterThan(0.9);
        assertThat(after.get("1").value()).isGreaterThan(before.get("1").value() + 0.2);
        assertThat(Files.readAllLines(dir.resolve("tiny").resolve(TrainingRun.LOG))).isNotEmpty();
        try (SearchModel reloaded = SearchModel.open(dir.resolve("tiny").toString(), "cpu")) {
            assertThat(reloaded.config().n()).isEqualTo(17);
        }
    }

    @Test
    void theCurriculumRisesOnlyAtTheEndOfAWindowWhoseLastBatchPassesTheThreshold() {
        long window = CurriculumRule.WINDOW;
        var start = new TrainingRun.Curriculum(1, 0, 0);
        assertThat(start.counted(64, 64)).as("mid-window: only counted").isEqualTo(new TrainingRun.Curriculum(1, 64, 64));
        assertThat(start.counted(64, 64).windowFull()).isFalse();
        var done = new TrainingRun.Curriculum(1, window - 64, 0).counted(64, 64);
        assertThat(done.windowFull()).as("judged on the last batch, as the reference code does").isTrue();
        assertThat(done.judged(CurriculumRule.LENIENT.passes(64, 64), 2)).isEqualTo(new TrainingRun.Curriculum(2, 0, 0));
        assertThat(done.judged(CurriculumRule.LENIENT.passes(62, 64), 2)).as("62/64 = 0.969 is not above 0.98")
                .isEqualTo(new TrainingRun.Curriculum(1, 0, 0));
        assertThat(new TrainingRun.Curriculum(2, window, window).judged(true, 2).lookahead())
                .as("never beyond --max-lookahead").isEqualTo(2);
    }

    @Test
    void aCurriculumRunTrainsUpToLookaheadOneFirstAndKeepsItsPlaceWhenResumed() throws Exception {
        TrainingConfig config = curriculum(64 * 10);
        try (BatchSource source = new BatchSource(config, config.firstLookahead(), java.util.Set.of(), 0)) {
            assertThat(source.take().lookahead()).containsOnly(0, 1);
        }
        try (BatchSource source = new BatchSource(config, 2, java.util.Set.of(), 0)) {
            assertThat(source.take().lookahead()).contains(0, 1, 2);
        }
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("curriculum"))) {
            for (int i = 0; i < 3; i++) run.trainStep();
            assertThat(run.trainingLookahead()).isEqualTo(1);
            run.checkpoint();
        }
        try (TrainingRun run = TrainingRun.resume(dir.resolve("curriculum"), null)) {
            assertThat(run.config().curriculum()).isEqualTo(CurriculumRule.PAPER);
            assertThat(run.trainingLookahead()).isEqualTo(1);
            assertThat(run.stepsDone()).isEqualTo(3);
        }
    }

    @Test
    void thePaperCurriculumWantsMoreThan99PercentAndTheLenientOneMoreThan98() {
        assertThat(CurriculumRule.PAPER.passes(254, 256)).as("0.992").isTrue();
        assertThat(CurriculumRule.PAPER.passes(253, 256)).as("0.988").isFalse();
        assertThat(CurriculumRule.LENIENT.passes(251, 256)).as("0.980").isTrue();
        assertThat(CurriculumRule.LENIENT.passes(250, 256)).as("0.977").isFalse();
        assertThat(CurriculumRule.NONE.passes(256, 256)).isFalse();
        assertThat(CurriculumRule.PAPER.judgedAfterUpdate()).isTrue();
        assertThat(CurriculumRule.LENIENT.judgedAfterUpdate()).isFalse();
    }

    @Test
    void runFoldersWrittenBeforeTheRulesHadNamesKeepTheLenientCurriculumAndDjlInitialisation() throws Exception {
        TrainingConfig config = curriculum(64 * 2);
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("old"))) {
            run.trainStep();
            run.checkpoint();
        }
        Path settings = dir.resolve("old").resolve(TrainingRun.SETTINGS);
        var json = (com.fasterxml.jackson.databind.node.ObjectNode) dev.lookahead.io.Json.MAPPER.readTree(settings.toFile());
        assertThat(json.get("curriculum").asText()).isEqualTo("paper");
        assertThat(json.get("init").asText()).isEqualTo("pytorch");
        json.put("curriculum", true);
        json.remove("init");
        Files.writeString(settings, json.toString());
        try (TrainingRun run = TrainingRun.resume(dir.resolve("old"), null)) {
            assertThat(run.config().curriculum()).isEqualTo(CurriculumRule.LENIENT);
            assertThat(run.config().initialization()).isEqualTo(Initialization.DJL);
        }
    }

    /** n = 23: lookaheads 1 and 2. */
    private static TrainingConfig curriculum(long examples) {
        return new TrainingConfig(new ModelConfig(23, 2, 8, 1, false, false), Initialization.PYTORCH, List.of(Distribution.BALANCED), 2,
                CurriculumRule.PAPER, examples, 64, 1e-3f, 20, 0.01f, 1f, 7, "cpu", Long.MAX_VALUE, 20);
    }

    @Test
    void startingOverAnExistingRunIsRefused() throws Exception {
        TrainingConfig config = tiny(64 * 2, 1e-3f);
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("run"))) {
            run.trainStep();
            run.checkpoint();
        }
        assertThatThrownBy(() -> TrainingRun.start(config, dir.resolve("run"))).hasMessageContaining("--resume");
        assertThatThrownBy(() -> TrainingRun.resume(dir.resolve("nothing"), null)).hasMessageContaining("no checkpoint");
    }

    @Test
    void theSameSeedTrainsTheSameWeightsBitForBitAndAKilledRunResumesToThemToo() throws Exception {
        // the depth-first-search task at n = 24, whose two replicas once summed their products in an order MKL chose per
        // run, and whose backward passes once read constants the garbage collector had freed: so it collects all along
        java.util.concurrent.atomic.AtomicBoolean trained = new java.util.concurrent.atomic.AtomicBoolean();
        Thread collector = new Thread(() -> {
            while (!trained.get()) {
                System.gc();
                java.util.concurrent.locks.LockSupport.parkNanos(200_000_000);
            }
        });
        collector.setDaemon(true);
        collector.start();
        try {
            trainFiveTimesAndOnceKilled();
        } finally {
            trained.set(true);
            collector.join();
        }
    }

    private void trainFiveTimesAndOnceKilled() throws Exception {
        TrainingConfig config = new TrainingConfig(new ModelConfig(24, 2, 8, 1, false, false), Initialization.PYTORCH,
                List.of(Distribution.BALANCED), 4, CurriculumRule.NONE, 64 * 30, 64, 1e-3f, 5, 0.01f, 1f, 3, "cpu", Long.MAX_VALUE, 20,
                dev.lookahead.search.Task.DFS, dev.lookahead.search.GenerationMode.FIRST_STEP);
        List<String> weights = new java.util.ArrayList<>();
        for (int run = 0; run < 5; run++) {
            Path folder = dir.resolve("same-" + run);
            try (TrainingRun training = TrainingRun.start(config, folder)) {
                while (!training.finished()) training.trainStep();
                training.checkpoint();
            }
            weights.add(java.util.HexFormat.of().formatHex(Files.readAllBytes(folder.resolve(dev.lookahead.model.ModelFiles.WEIGHTS))));
        }
        Path killed = dir.resolve("killed");
        try (TrainingRun training = TrainingRun.start(config, killed)) {
            for (int i = 0; i < 13; i++) training.trainStep();
            training.checkpoint();
        }
        try (TrainingRun training = TrainingRun.resume(killed, null)) {
            while (!training.finished()) training.trainStep();
            training.checkpoint();
        }
        weights.add(java.util.HexFormat.of().formatHex(Files.readAllBytes(killed.resolve(dev.lookahead.model.ModelFiles.WEIGHTS))));
        assertThat(weights).as("weights of five runs and a resumed one").containsOnly(weights.get(0));
    }

    @Test
    void aSecondRunInTheSameFolderIsRefusedWhileTheFirstHoldsIt() throws Exception {
        TrainingConfig config = tiny(64 * 2, 1e-3f);
        Path folder = dir.resolve("shared");
        try (TrainingRun first = TrainingRun.start(config, folder)) {
            assertThatThrownBy(() -> TrainingRun.start(config, folder)).hasMessageContaining("in use by another run");
            first.trainStep();
            first.checkpoint();
            assertThatThrownBy(() -> TrainingRun.resume(folder, null)).hasMessageContaining("in use by another run");
        }
        try (TrainingRun resumed = TrainingRun.resume(folder, null)) {
            assertThat(resumed.stepsDone()).isEqualTo(1);
        }
    }

    @Test
    void aFolderHoldingAModelIsNeverTrainedOver() throws Exception {
        Path model = dir.resolve("model");
        Files.createDirectories(model);
        Files.writeString(model.resolve(dev.lookahead.model.ModelFiles.WEIGHTS), "weights someone trained");
        assertThatThrownBy(() -> TrainingRun.start(tiny(64 * 2, 1e-3f), model)).hasMessageContaining("holds a model");
        assertThat(Files.readString(model.resolve(dev.lookahead.model.ModelFiles.WEIGHTS))).isEqualTo("weights someone trained");
        assertThat(model.resolve(TrainingRun.SETTINGS)).doesNotExist();
    }

    @Test
    void theScheduleWarmsUpThenDecaysToATenth() {
        TrainingConfig config = tiny(64 * 1000, 1e-3f);
        assertThat(config.learningRateAt(0)).isEqualTo(1e-3f / 20);
        assertThat(config.learningRateAt(19)).isEqualTo(1e-3f);
        assertThat(config.learningRateAt(999)).isCloseTo(1e-4f, org.assertj.core.data.Offset.offset(1e-6f));
    }

    @Test
    void anAllPrefixesRunTrainsOnLaterStepsOfThePathToo() throws Exception {
        TrainingConfig config = new TrainingConfig(new ModelConfig(23, 2, 8, 1, false, false), Initialization.PYTORCH,
                List.of(Distribution.BALANCED), 2, CurriculumRule.NONE, 640, 64, 5e-4f, 20, 0.01f, 1f, 7, "cpu", Long.MAX_VALUE, 20,
                dev.lookahead.search.Task.SEARCH, dev.lookahead.search.GenerationMode.ALL_PREFIXES);
        var layout = config.model().layout();
        int longest = 0;
        try (BatchSource source = new BatchSource(config, 2, java.util.Set.of(), 0)) {
            BatchSource.Batch batch = source.take();
            for (int r = 0; r < batch.size(); r++) {
                int[] row = java.util.Arrays.copyOfRange(batch.tokens(), r * layout.n(), (r + 1) * layout.n());
                longest = Math.max(longest, dev.lookahead.search.Tokenizer.decode(layout, row).path().length);
            }
        }
        assertThat(longest).as("some inputs already hold a step of the path after the start").isGreaterThan(1);
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("prefixes"))) {
            run.trainStep();
            run.checkpoint();
        }
        try (TrainingRun run = TrainingRun.resume(dir.resolve("prefixes"), null)) {
            assertThat(run.config().mode()).isEqualTo(dev.lookahead.search.GenerationMode.ALL_PREFIXES);
        }
    }
}
