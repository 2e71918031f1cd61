package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.search.Distribution;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The training loop only steps and calls its listeners; each concern is a listener of its own. */
class TrainerListenersTest {
    @TempDir
    Path dir;

    /** n = 17, six steps of 64, evaluated every 100 examples. */
    private static TrainingConfig tiny(long examples) {
        return new TrainingConfig(new ModelConfig(17, 2, 8, 1, false, false), Initialization.PYTORCH, List.of(Distribution.BALANCED), 1,
                CurriculumRule.NONE, examples, 64, 2e-3f, 20, 0.01f, 1f, 7, "cpu", Long.MAX_VALUE, 100);
    }

    @Test
    void aListenerSeesEveryStepAndTheEndAndTheStandardOnesLogEvaluateAndCheckpoint() throws Exception {
        TrainingConfig config = tiny(64 * 6);
        List<Long> steps = new ArrayList<>();
        int[] ends = new int[1];
        TrainingListener counting = new TrainingListener() {
            @Override
            public void afterStep(StepRun run, StepRun.StepResult result) {
                steps.add(run.stepsDone());
            }

            @Override
            public void atEnd(StepRun run) {
                ends[0]++;
            }
        };
        long[] checkpoints = new long[1];
        try (TrainingRun run = TrainingRun.start(config, dir.resolve("run"))) {
            List<TrainingListener> listeners = new ArrayList<>(Trainer.standardListeners(run, new Trainer.Listener() {
                @Override
                public void checkpointed(long step) {
                    checkpoints[0] = step;
                }
            }));
            listeners.add(counting);
            Trainer.run(run, listeners, () -> false);
        }
        assertThat(steps).containsExactly(1L, 2L, 3L, 4L, 5L, 6L);
        assertThat(ends[0]).isEqualTo(1);
        assertThat(checkpoints[0]).as("the run always ends on a checkpoint").isEqualTo(6);
        assertThat(dir.resolve("run").resolve(TrainingRun.CHECKPOINT)).exists();
        List<String> log = Files.readAllLines(dir.resolve("run").resolve(TrainingRun.LOG));
        assertThat(log).anyMatch(line -> line.contains("\"held_out_accuracy\"")).anyMatch(line -> line.contains("\"train_accuracy\""));
    }

    @Test
    void aCancelledLoopStillEndsOnItsListenersEnd() throws Exception {
        int[] ends = new int[1];
        try (TrainingRun run = TrainingRun.start(tiny(64 * 6), dir.resolve("cancelled"))) {
            Trainer.run(run, List.of(new TrainingListener() {
                @Override
                public void atEnd(StepRun r) {
                    ends[0]++;
                }
            }), () -> true);
            assertThat(run.stepsDone()).isZero();
        }
        assertThat(ends[0]).isEqualTo(1);
    }
}
