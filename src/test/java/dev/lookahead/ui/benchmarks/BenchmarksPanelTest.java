package dev.lookahead.ui.benchmarks;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.benchmarks.GpqaCsv;
import dev.lookahead.benchmarks.GpqaPrompts;
import dev.lookahead.benchmarks.GpqaRow;
import dev.lookahead.io.Json;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic GPQA file, a model's answers and the vision-language samples opened in the window: tables, charts, an export. */
class BenchmarksPanelTest extends WindowTest {
    private static final Path SAMPLES = Path.of("samples", "benchmarks");
    private static final Path SHOTS = Path.of("target", "screenshots");

    @TempDir
    Path dir;

    @Override
    public void start(Stage stage) {
        super.start(stage);
        stage.setWidth(1280);
        stage.setHeight(860);
    }

    @Test
    void gpqaAndTheVisionLanguageScorersShowTheirFiguresAndCharts() throws Exception {
        List<GpqaRow> rows = GpqaCsv.read(SAMPLES.resolve("gpqa_extended-synthetic.csv"));
        List<String> key = new ArrayList<>();
        List<String> outputs = new ArrayList<>();
        for (GpqaRow row : rows) {
            GpqaPrompts.Prompt p = GpqaPrompts.prompt(row, GpqaPrompts.Style.ZERO_SHOT, 1, List.of());
            key.add(Json.line(p));
            outputs.add(Json.line(Map.of("record_id", row.recordId(), "output", "The correct answer is (" + p.answer() + ").")));
        }
        Files.write(dir.resolve("key.jsonl"), key);
        Files.write(dir.resolve("answers.jsonl"), outputs);
        BenchmarksPanel panel = app.benchmarks();
        FxTesting.onFx(() -> {
            app.showTab("Benchmarks");
            panel.openCsv(SAMPLES.resolve("gpqa_extended-synthetic.csv"));
        });
        FxTesting.waitUntil(() -> !panel.busy(), "the CSV");
        FxTesting.onFx(() -> {
            panel.setKey(dir.resolve("key.jsonl"));
            panel.openAnswers(dir.resolve("answers.jsonl"));
        });
        FxTesting.waitUntil(() -> !panel.busy() && panel.charts().size() == 1, "accuracy by domain");
        FxTesting.onFx(() -> {
            assertThat(panel.answerList()).hasSize(8).allMatch(s -> s.right());
            panel.selectAnswer(0);
            assertThat(panel.answerText()).contains("The correct answer is");
            panel.openPope(SAMPLES.resolve("pope-synthetic.jsonl"));
        });
        FxTesting.waitUntil(() -> !panel.busy() && panel.charts().size() == 2, "POPE");
        FxTesting.onFx(() -> panel.openWinoground(SAMPLES.resolve("winoground-synthetic.jsonl")));
        FxTesting.waitUntil(() -> !panel.busy() && panel.charts().size() == 3, "Winoground");
        FxTesting.onFx(() -> panel.openChoice(SAMPLES.resolve("choice-synthetic.jsonl")));
        FxTesting.waitUntil(() -> !panel.busy() && panel.charts().size() == 4, "caption choice");
        FxTesting.onFx(() -> panel.exportChart(0, dir.resolve("gpqa.svg")));
        FxTesting.waitUntil(() -> Files.exists(dir.resolve("gpqa.svg")), "the chart is written");
        FxTesting.snapshot(stage.getScene(), SHOTS.resolve("benchmarks-gpqa.png"));
    }
}
