package dev.lookahead.train;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/** The paper's in-context test loss: binary cross-entropy of every logit against the multi-hot accepted set. */
class EvaluationLossTest {
    @Test
    void theMultiHotLossIsTheMeanBinaryCrossEntropyOverExamplesAndVocabulary() {
        // -(y log s(z) + (1 - y) log(1 - s(z))) averaged over the six entries, computed directly: 0.7138215376529938
        float[][] logits = {{2f, -1f, 0f}, {0.5f, 3f, -2f}};
        assertThat(Evaluation.multiHotLoss(logits, new int[][] {{0}, {1, 2}})).isCloseTo(0.7138215376529938, within(1e-7));
    }

    @Test
    void aModelGivingEveryAcceptedAnswerAndNothingElseApproachesZero() {
        float[][] logits = {{30f, 30f, -30f}};
        assertThat(Evaluation.multiHotLoss(logits, new int[][] {{0, 1}})).isLessThan(1e-12);
    }
}
