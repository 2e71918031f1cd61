package dev.lookahead.ui.proofs;

import static org.assertj.core.api.Assertions.assertThat;

import dev.lookahead.proofs.CheckedProof;
import dev.lookahead.proofs.DeductionRule;
import dev.lookahead.proofs.ProofSemantics;
import dev.lookahead.ui.FxTesting;
import dev.lookahead.ui.WindowTest;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import javafx.scene.Node;
import javafx.scene.control.ChoiceBox;
import javafx.scene.control.TabPane;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.testfx.util.WaitForAsyncUtils;

/** The Proofs panel in the real window, headless under Monocle. */
class ProofsPanelTest extends WindowTest {
    @TempDir
    Path dir;

    private ProofsPanel panel() {
        return app.proofs();
    }

    private void selectProofsTab() {
        TabPane tabs = (TabPane) stage.getScene().lookup(".tab-pane");
        tabs.getSelectionModel().select(tabs.getTabs().stream().filter(t -> t.getText().equals("Proofs")).findFirst().orElseThrow());
    }

    @Test
    @SuppressWarnings("unchecked")
    void aFlawedProofIsCheckedAsTypedWithItsFirstErrorMarkedAndTheComparisonExports() throws Exception {
        FxTesting.onFx(() -> {
            selectProofsTab();
            ChoiceBox<DeductionRule> rule = (ChoiceBox<DeductionRule>) panel().lookup(".choice-box");
            rule.setValue(DeductionRule.OR_ELIM);
            panel().generate();
            assertThat(panel().comparison().candidate().strict()).as("the gold proof is shown first").isTrue();
            assertThat(panel().verdictLabel().getText()).startsWith("Proof correct");
        });
        List<String> gold = panel().comparison().gold().steps().stream().map(CheckedProof.Step::text).toList();
        // the flawed proof: the case assumptions left out
        String flawed = String.join(" ", gold.stream().filter(s -> !s.startsWith("Assume")).toList());
        FxTesting.onFx(() -> {
            panel().setCandidate(flawed);
            CheckedProof checked = panel().comparison().candidate();
            assertThat(checked.strict()).isFalse();
            assertThat(checked.firstError()).isNotNull();
            assertThat(panel().verdictLabel().getText()).contains("First error: step " + (checked.firstError() + 1));
            List<Node> marked = panel().rows().lookupAll(".first-error").stream().toList();
            assertThat(marked).hasSize(1);
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "proofs.png"));
        Path pdf = dir.resolve("comparison.pdf");
        Path svg = dir.resolve("comparison.svg");
        FxTesting.onFx(() -> {
            panel().export(panel().comparisonFigure(), pdf);
            panel().export(panel().comparisonFigure(), svg);
        });
        assertThat(Files.size(pdf)).isGreaterThan(1000);
        assertThat(Files.readString(svg)).contains("first error");
    }

    @Test
    void theSampleResultsLoadFilterOpenAndChartExports() throws Exception {
        Path sample = Path.of("samples", "proofs", "checked-sample.jsonl");
        var task = new javafx.concurrent.Task<?>[1];
        FxTesting.onFx(() -> task[0] = panel().openResults(sample));
        task[0].get(30, TimeUnit.SECONDS);
        WaitForAsyncUtils.waitForFxEvents();
        FxTesting.onFx(() -> {
            assertThat(panel().resultsTable().getItems()).hasSize(80);
            assertThat(panel().chartFigures()).hasSize(7);
            panel().lookupAll(".check-box").stream().map(n -> (javafx.scene.control.CheckBox) n)
                    .filter(c -> c.getText().startsWith("Both semantics")).findFirst().orElseThrow().setSelected(true);
            assertThat(panel().chartFigures()).as("each chart under each semantics, side by side").hasSize(14);
        });
        FxTesting.onFx(() -> {
            ChoiceBox<?> verdict = panel().lookupAll(".choice-box").stream().map(n -> (ChoiceBox<?>) n)
                    .filter(c -> c.getItems().contains("not_reached")).findFirst().orElseThrow();
            @SuppressWarnings("unchecked")
            ChoiceBox<String> verdictFilter = (ChoiceBox<String>) verdict;
            verdictFilter.setValue("not_reached");
            assertThat(panel().resultsTable().getItems()).isNotEmpty()
                    .allMatch(line -> panel().checked(line).verdict().equals("not_reached"));
            panel().openLine(panel().resultsTable().getItems().get(0));
            assertThat(panel().comparison().candidate().validProof()).isFalse();
        });
        Path png = dir.resolve("accuracy.png");
        FxTesting.onFx(() -> panel().export(panel().chartFigures().get(0), png));
        assertThat(javax.imageio.ImageIO.read(png.toFile()).getWidth()).isEqualTo((int) Math.ceil(panel().chartFigures().get(0).width() * 3));
    }

    @Test
    void theSemanticsCanBeSwitchedAndStepsTheTwoLabelDifferentlyAreMarked() throws Exception {
        List<String> context = dev.lookahead.proofs.SentenceParser.sentences("Shumpuses are floral and gorpuses. Shumpuses are not sunny."
                + " Every rompus is not a gorpus. Yumpuses are vumpuses. Fae is a shumpus and dull. Fae is a yumpus.");
        List<String> gold = List.of("Fae is a shumpus and dull.", "Fae is a shumpus.", "Shumpuses are floral and gorpuses.",
                "Fae is floral and a gorpus.", "Fae is a gorpus.");
        FxTesting.onFx(() -> {
            selectProofsTab();
            assertThat(panel().semantics()).as("the study's semantics is the default").isEqualTo(ProofSemantics.PAPER);
            panel().show(context, "Prove: Fae is a gorpus.", gold, String.join("\n", gold));
            assertThat(panel().comparison().candidate().strict()).as("the study's evaluator fails this gold proof").isFalse();
            assertThat(panel().rows().lookupAll(".differs")).hasSize(3);
            assertThat(panel().verdictLabel().getText()).contains("Under the corrected semantics steps 3, 4, 5 are labelled differently");
        });
        FxTesting.snapshot(stage.getScene(), Path.of("target", "screenshots", "proofs-semantics.png"));
        FxTesting.onFx(() -> {
            panel().setSemantics(ProofSemantics.CORRECTED);
            assertThat(panel().comparison().candidate().strict()).isTrue();
            assertThat(panel().verdictLabel().getText()).startsWith("Proof correct").contains("shared-consequents");
            assertThat(panel().rows().lookupAll(".differs")).hasSize(3);
            panel().setSemantics(ProofSemantics.PAPER);
        });
    }
}
