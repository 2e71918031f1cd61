package dev.lookahead.ui.train;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.train.TrainingRun;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Training from the window: start a tiny run, pause it at a checkpoint, resume it to the end. */
class TrainPanelTest extends WindowTest {
    @TempDir
    Path dir;

    @Test
    void aTinyRunStartsPausesAtACheckpointAndResumesToTheEnd() throws Exception {
        TrainPanel panel = app.train();
        Path run = dir.resolve("run");
        FxTesting.onFx(() -> {
            panel.sizeChoice().setValue(17);
            panel.layerSpinner().getValueFactory().setValue(1);
            panel.examplesField().setText("102400"); // long enough that the pause comes before the end
            panel.folderField().setText(run.toString());
            panel.startNew();
        });
        FxTesting.waitUntil(() -> panel.lossPoints() > 0, "the first progress report");
        FxTesting.onFx(panel::pause);
        FxTesting.waitUntil(() -> !panel.running(), "the run pauses");
        assertThat(run.resolve(TrainingRun.CHECKPOINT)).exists();
        long pausedAt = Files.readAllLines(run.resolve(TrainingRun.LOG)).size();
        FxTesting.onFx(() -> panel.resume(run));
        FxTesting.waitUntil(() -> !panel.running() && panel.heldOutBuckets().contains("1"), "the run finishes");
        assertThat(Files.readAllLines(run.resolve(TrainingRun.LOG)).size()).isGreaterThan((int) pausedAt);
        assertThat(run.resolve("weights.bin")).exists();
    }

    @Test
    void aCancelledRunKeepsItsModelButNotItsCheckpoint() throws Exception {
        TrainPanel panel = app.train();
        Path run = dir.resolve("cancelled");
        FxTesting.onFx(() -> {
            panel.sizeChoice().setValue(17);
            panel.layerSpinner().getValueFactory().setValue(1);
            panel.examplesField().setText("10000000");
            panel.folderField().setText(run.toString());
            panel.startNew();
        });
        FxTesting.waitUntil(() -> panel.lossPoints() > 0, "the first progress report");
        FxTesting.onFx(panel::pause);
        FxTesting.waitUntil(() -> !panel.running(), "the run pauses");
        int pausedPoints = panel.lossPoints();
        FxTesting.onFx(() -> panel.resume(run));
        // the resumed run shows its curve so far at once
        FxTesting.waitUntil(() -> panel.running() && panel.lossPoints() >= pausedPoints, "the run resumes with its history");
        FxTesting.onFx(panel::cancel);
        FxTesting.waitUntil(() -> !panel.running(), "the run stops");
        assertThat(run.resolve(TrainingRun.CHECKPOINT)).doesNotExist();
        assertThat(run.resolve("weights.bin")).exists();
        assertThat(run.resolve("model.json")).exists();
    }
}
