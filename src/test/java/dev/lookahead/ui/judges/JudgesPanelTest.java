package dev.lookahead.ui.judges;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.figures.ConsistencyMatrixFigure;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import javafx.stage.Stage;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The synthetic judgments opened in the window: the audit's charts, an item explained judgment by judgment, an export, a pointwise file. */
class JudgesPanelTest extends WindowTest {
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
    void aPairwiseFileShowsItsAuditAndExplainsEachJudgment() throws Exception {
        JudgesPanel panel = app.judges();
        FxTesting.onFx(() -> {
            app.showTab("Judges");
            panel.open(Path.of("samples", "judges", "pairwise-synthetic.jsonl"));
        });
        FxTesting.waitUntil(() -> !panel.busy() && panel.charts().size() == 2, "the audit's charts");
        FxTesting.onFx(() -> {
            assertThat(panel.charts().get(1)).isInstanceOf(ConsistencyMatrixFigure.class);
            assertThat(panel.itemList()).hasSize(4);
            panel.selectItem(1);
            assertThat(panel.detailText()).contains("Response b: 12", "found [[A]] (looked for before [[B]])", "no verdict marker", "found [[A]]");
            panel.exportChart(0, dir.resolve("accuracy.pdf"));
        });
        FxTesting.waitUntil(() -> Files.exists(dir.resolve("accuracy.pdf")), "the chart is written");
        FxTesting.snapshot(stage.getScene(), SHOTS.resolve("judges.png"));
        FxTesting.onFx(() -> panel.open(Path.of("samples", "judges", "pointwise-ranked-synthetic.jsonl")));
        FxTesting.waitUntil(() -> !panel.busy() && panel.charts().size() == 1, "the judge against people's ranks");
        FxTesting.onFx(() -> assertThat(panel.itemList()).isEmpty());
    }
}
