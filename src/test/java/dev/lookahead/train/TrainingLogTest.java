package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A run's log is written and read in one place, its lines the records themselves. */
class TrainingLogTest {
    @TempDir
    Path dir;

    @Test
    void entriesComeBackAsTheyWereWrittenUnderTheDocumentedNames() throws Exception {
        TrainingLog.append(dir, new TrainingLog.Progress(10, 640, 0.5, 0.75, 1e-3, 900, 12));
        TrainingLog.append(dir, new TrainingLog.HeldOut(10, 640, Map.of("1", 0.9)));
        TrainingLog.append(dir, new TrainingLog.Curriculum(12, 768, 2));
        assertThat(Files.readAllLines(dir.resolve(TrainingLog.FILE)).get(0))
                .isEqualTo("{\"step\":10,\"examples\":640,\"loss\":0.5,\"train_accuracy\":0.75,\"lr\":0.001,\"examples_per_second\":900,\"elapsed_seconds\":12}");
        assertThat(TrainingLog.read(dir)).containsExactly(new TrainingLog.Progress(10, 640, 0.5, 0.75, 1e-3, 900, 12),
                new TrainingLog.HeldOut(10, 640, Map.of("1", 0.9)), new TrainingLog.Curriculum(12, 768, 2));
    }

    @Test
    void aTornLastLineAndUnknownKindsOfLineAreLeftOutButADamagedLineIsNamed() throws Exception {
        Files.writeString(dir.resolve(TrainingLog.FILE), "{\"step\":1,\"examples\":64,\"note\":\"from another version\"}\n"
                + "{\"step\":1,\"examples\":64,\"loss\":0.7,\"train_accuracy\":0.5,\"lr\":0.001,\"examples_per_second\":9,\"elapsed_seconds\":1}\n{\"step\":2,\"exa");
        assertThat(TrainingLog.read(dir)).hasSize(1);
        Files.writeString(dir.resolve(TrainingLog.FILE), "{\"step\":1,\"examples\":64,\"loss\":\"high\",\"train_accuracy\":0.5}\n{}\n");
        assertThatThrownBy(() -> TrainingLog.read(dir)).hasMessageContaining("line 1").hasMessageContaining("progress");
        assertThat(TrainingLog.read(dir.resolve("nowhere"))).isEqualTo(List.of());
    }
}
