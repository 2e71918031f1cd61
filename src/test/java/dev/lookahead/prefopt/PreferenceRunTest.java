package dev.lookahead.prefopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.Device;
import dev.lookahead.model.ModelConfig;
import dev.lookahead.model.ModelFiles;
import dev.lookahead.model.SearchModel;
import dev.lookahead.search.Edge;
import dev.lookahead.search.SearchInput;
import dev.lookahead.search.TokenLayout;
import dev.lookahead.search.Tokenizer;
import dev.lookahead.train.Trainer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Sequence log-probabilities against direct forward passes, and a real DPO run on a pair written by hand: it learns, and resumes exactly. */
class PreferenceRunTest {
    private static final ModelConfig SHAPE = new ModelConfig(20, 2, 4, 1, false, false);
    private static final List<Edge> EDGES = List.of(new Edge(1, 2), new Edge(2, 3), new Edge(1, 4));

    @TempDir
    Path dir;

    private static int[] prompt(TokenLayout layout) {
        return Tokenizer.encode(new SearchInput(layout, EDGES, 1, 3, new int[] {1}));
    }

    private static double direct(SearchModel model, List<Integer> path) {
        double sum = 0;
        List<Integer> prefix = new ArrayList<>(List.of(1));
        for (int token : path) {
            int[] input = Tokenizer.encode(new SearchInput(model.config().layout(), EDGES, 1, 3, prefix.stream().mapToInt(Integer::intValue).toArray()));
            sum += Math.log(model.probabilities(new int[][] {input})[0][token]);
            prefix.add(token);
        }
        return sum;
    }

    @Test
    void aPathsLogProbabilityIsTheSumOfItsStepsUnderADirectForwardPass() {
        try (SearchModel model = SearchModel.create(SHAPE, Device.cpu(), 3)) {
            int[] prompt = prompt(model.config().layout());
            List<List<Integer>> paths = List.of(List.of(2, 3), List.of(4), List.of(2, 3), List.of(3));
            double[] scores = SequenceScores.logProbs(model, paths.stream().map(p -> new SequenceScores.Sequence(prompt, p)).toList());
            for (int i = 0; i < paths.size(); i++) assertThat(scores[i]).isCloseTo(direct(model, paths.get(i)), within(1e-4));
        }
    }

    private static List<PairRecord> onePair(SearchModel reference) {
        int[] prompt = prompt(reference.config().layout());
        double[] ref = SequenceScores.logProbs(reference, List.of(new SequenceScores.Sequence(prompt, List.of(2, 3)),
                new SequenceScores.Sequence(prompt, List.of(4))));
        return List.of(new PairRecord(0, "dpo", prompt, List.of(2, 3), List.of(4), 1, 1, 1, 2, true, false, ref[0], ref[1]));
    }

    private static PreferenceRun.Settings settings() {
        return new PreferenceRun.Settings(new PreferenceLoss(Method.DPO, 0.1, 0), 20, 1, 1e-2f, 1, 0f, 1f, 7, 1_000_000);
    }

    @Test
    void dpoOnOnePairRaisesTheChosenPathOverTheRejectedOneAgainstTheReference() throws Exception {
        SearchModel policy = SearchModel.create(SHAPE, Device.cpu(), 3);
        List<PairRecord> pairs = onePair(policy);
        double before = direct(policy, List.of(2, 3)) - direct(policy, List.of(4));
        try (PreferenceRun run = PreferenceRun.open(settings(), dir.resolve("one"), policy, pairs, Map.of())) {
            List<Double> losses = new ArrayList<>();
            while (!run.finished()) losses.add(run.trainStep().loss());
            double after = direct(run.model(), List.of(2, 3)) - direct(run.model(), List.of(4));
            assertThat(after).as("log pi(chosen) - log pi(rejected) grew").isGreaterThan(before + 1);
            assertThat(losses.get(losses.size() - 1)).isLessThan(losses.get(0));
            assertThat(losses.get(0)).as("at the start the policy is the reference: log 2").isCloseTo(Math.log(2), within(1e-3));
        }
    }

    @Test
    void aRunStoppedAtACheckpointResumesToTheSameWeights() throws Exception {
        SearchModel straight = SearchModel.create(SHAPE, Device.cpu(), 3);
        List<PairRecord> pairs = onePair(straight);
        try (PreferenceRun run = PreferenceRun.open(settings(), dir.resolve("straight"), straight, pairs, Map.of())) {
            Trainer.run(run, Trainer.commonListeners(new Trainer.Listener() { }), () -> false);
        }
        int[] steps = new int[1];
        try (PreferenceRun run = PreferenceRun.open(settings(), dir.resolve("stopped"), SearchModel.create(SHAPE, Device.cpu(), 3), pairs, Map.of())) {
            Trainer.run(run, Trainer.commonListeners(new Trainer.Listener() { }), () -> steps[0]++ >= 7);
            assertThat(run.stepsDone()).isEqualTo(7);
        }
        try (PreferenceRun run = PreferenceRun.open(settings(), dir.resolve("stopped"), SearchModel.create(SHAPE, Device.cpu(), 9), pairs, Map.of())) {
            assertThat(run.stepsDone()).as("the checkpoint's step, not the fresh model's").isEqualTo(7);
            Trainer.run(run, Trainer.commonListeners(new Trainer.Listener() { }), () -> false);
            assertThat(run.stepsDone()).isEqualTo(20);
        }
        try (SearchModel a = SearchModel.load(ModelFiles.resolve(dir.resolve("straight").toString()), Device.cpu());
             SearchModel b = SearchModel.load(ModelFiles.resolve(dir.resolve("stopped").toString()), Device.cpu())) {
            int[][] rows = {prompt(SHAPE.layout())};
            assertThat(b.probabilities(rows)[0]).containsExactly(a.probabilities(rows)[0], within(1e-5f));
        }
        assertThat(Files.readString(dir.resolve("stopped").resolve("log.jsonl"))).contains("\"loss\"");
    }
}
