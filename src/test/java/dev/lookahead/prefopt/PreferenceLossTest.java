package dev.lookahead.prefopt;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import org.junit.jupiter.api.Test;

/**
 * Every method's loss against values worked out by hand. Item 1: log pi(y+) = -1 over 2 steps, log pi(y-) = -2, the
 * reference -1.5 and -1.5, so the margin d = 0.5 - (-0.5) = 1. Item 2: log pi(y+) = -3 over 3 steps, log pi(y-) = -1,
 * reference -2 and -1.5, so d = -1 - 0.5 = -1.5. softplus(x) = log(1 + e^x) = -log sigmoid(-x).
 */
class PreferenceLossTest {
    private static float loss(PreferenceLoss rule, boolean both, float... weights) {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            int size = both ? 2 : 1;
            NDArray chosen = m.create(both ? new float[] {-1f, -3f} : new float[] {-1f});
            NDArray rejected = m.create(both ? new float[] {-2f, -1f} : new float[] {-2f});
            NDArray refChosen = m.create(both ? new float[] {-1.5f, -2f} : new float[] {-1.5f});
            NDArray refRejected = m.create(both ? new float[] {-1.5f, -1.5f} : new float[] {-1.5f});
            NDArray lengths = m.create(both ? new float[] {2f, 3f} : new float[] {2f});
            NDArray w = m.create(weights.length == size ? weights : new float[size]);
            return rule.of(chosen, rejected, refChosen, refRejected, w, lengths).getFloat();
        }
    }

    @Test
    void dpoIsMinusLogSigmoidOfBetaTimesTheMarginAgainstTheReference() {
        // softplus(-0.1 x 1) = log(1 + e^-0.1)
        assertThat(loss(new PreferenceLoss(Method.DPO, 0.1, 0), false, 1f)).isCloseTo(0.6443967f, within(1e-5f));
    }

    @Test
    void irpoAddsTheChosenPathsNllDividedByItsLength() {
        // 0.6443967 + 1 x (1 / 2)
        assertThat(loss(PreferenceLoss.defaults(Method.IRPO), false, 1f)).isCloseTo(1.1443967f, within(1e-5f));
    }

    @Test
    void scpoWeighsBothTermsByTheVoteMarginWithItsOwnBeta() {
        // 0.25 x (log(1 + e^-0.5) + 1 x 1/2)
        assertThat(loss(PreferenceLoss.defaults(Method.SCPO), false, 0.25f)).isCloseTo(0.2435192f, within(1e-5f));
    }

    @Test
    void aBatchsLossIsTheMeanOverItsItems() {
        // item 2: softplus(0.15) = 0.7709570; (0.6443967 + 0.7709570) / 2
        assertThat(loss(new PreferenceLoss(Method.DPO, 0.1, 0), true, 1f, 1f)).isCloseTo(0.7076769f, within(1e-5f));
        // (0.25 x (0.4740770 + 0.5) + 0.75 x (softplus(0.75) + 1)) / 2
        assertThat(loss(PreferenceLoss.defaults(Method.SCPO), true, 0.25f, 0.75f)).isCloseTo(0.9230863f, within(1e-5f));
    }

    @Test
    void rejectionSamplingAndSupervisedTrainingUseTheLengthNormalisedNllAlone() {
        // (1/2 + 3/3) / 2, whatever the rejected paths and the reference say
        assertThat(loss(PreferenceLoss.defaults(Method.RFT), true, 1f, 1f)).isCloseTo(0.75f, within(1e-6f));
        assertThat(loss(PreferenceLoss.defaults(Method.SFT), true, 1f, 1f)).isCloseTo(0.75f, within(1e-6f));
    }

    @Test
    void aHugeMarginLeavesTheLossFinite() {
        try (NDManager m = NDManager.newBaseManager(ai.djl.Device.cpu())) {
            NDArray one = m.create(new float[] {0f});
            float loss = new PreferenceLoss(Method.DPO, 0.1, 0).of(m.create(new float[] {-5000f}), one, one, one, m.create(new float[] {1f}),
                    m.create(new float[] {1f})).getFloat();
            assertThat(loss).as("softplus(500) = 500, not infinity").isCloseTo(500f, within(1e-2f));
        }
    }
}
