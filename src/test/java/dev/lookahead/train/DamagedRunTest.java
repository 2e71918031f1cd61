package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.lookahead.model.Initialization;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Distribution;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Damaged model and run files are refused with the file and what is wrong, and a run that fails to load is not written. */
class DamagedRunTest {
    @TempDir
    Path dir;
    Path run;

    @BeforeEach
    void aShortRun() throws Exception {
        run = dir.resolve("run");
        TrainingConfig config = new TrainingConfig(new ModelConfig(17, 1, 4, 1, false, false), Initialization.PYTORCH,
                List.of(Distribution.BALANCED), 1, CurriculumRule.NONE, 64 * 4, 64, 1e-3f, 2, 0.01f, 1f, 3, "cpu", Long.MAX_VALUE, 10);
        try (TrainingRun training = TrainingRun.start(config, run)) {
            training.trainStep();
            training.checkpoint();
        }
    }

    @Test
    void aModelDescriptionWithoutItsLayersIsNamed() throws IOException {
        Files.writeString(run.resolve(ModelFiles.CONFIG), "{\"n\": 17, \"hidden\": 4, \"heads\": 1}");
        assertThatThrownBy(() -> SearchModel.open(run.toString(), "cpu")).hasMessageContaining(ModelFiles.CONFIG)
                .hasMessageContaining("\"layers\" must be an integer");
    }

    @Test
    void weightsWithTrailingBytesOrCutShortAreRefused() throws IOException {
        Path weights = run.resolve(ModelFiles.WEIGHTS);
        byte[] good = Files.readAllBytes(weights);
        Files.write(weights, Arrays.copyOf(good, good.length + 7));
        assertThatThrownBy(() -> SearchModel.open(run.toString(), "cpu")).hasMessageContaining("bytes after the weights");
        Files.write(weights, Arrays.copyOf(good, good.length - 40));
        assertThatThrownBy(() -> SearchModel.open(run.toString(), "cpu")).hasMessageContaining("end early");
        Files.write(weights, good);
        SearchModel.open(run.toString(), "cpu").close();
    }

    @Test
    void aCheckpointOfAnotherShapeIsRefusedBeforeLoadingAndNothingIsWritten() throws IOException {
        Path settings = run.resolve(TrainingRun.SETTINGS);
        Files.writeString(settings, Files.readString(settings).replace("\"hidden\" : 4", "\"hidden\" : 8"));
        byte[] checkpoint = Files.readAllBytes(run.resolve(TrainingRun.CHECKPOINT));
        String settingsBefore = Files.readString(settings);
        assertThatThrownBy(() -> TrainingRun.resume(run, 64L * 8)).hasMessageContaining(TrainingRun.CHECKPOINT)
                .hasMessageContaining("holds a model of shape");
        assertThat(Files.readAllBytes(run.resolve(TrainingRun.CHECKPOINT))).isEqualTo(checkpoint);
        assertThat(Files.readString(settings)).isEqualTo(settingsBefore);
    }

    @Test
    void aTruncatedCheckpointSaysSo() throws IOException {
        Path checkpoint = run.resolve(TrainingRun.CHECKPOINT);
        Files.write(checkpoint, Arrays.copyOf(Files.readAllBytes(checkpoint), 6));
        assertThatThrownBy(() -> TrainingRun.resume(run, null)).hasMessageContaining("ends early");
    }

    @Test
    void resumingWithFewerExamplesThanSeenIsRefusedAndTheSettingsKept() throws IOException {
        Path settings = run.resolve(TrainingRun.SETTINGS);
        String before = Files.readString(settings);
        assertThatThrownBy(() -> TrainingRun.resume(run, 10L)).hasMessageContaining("below the 64 examples");
        assertThat(Files.readString(settings)).isEqualTo(before);
    }
}
