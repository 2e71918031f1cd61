package dev.lookahead.judges;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** A judge's scores against people's ranks, worked out by hand: one prompt in perfect order, one with a tie and a swap. */
class RankAgreementTest {
    @Test
    void pairsTiesAndRankCorrelationsFollowTheirDefinitions() {
        RankAgreement.Figures f = RankAgreement.of(List.of(
                new RankAgreement.Group("p1", new double[] {1, 2, 3}, new double[] {4.5, 3, 1}),
                // r1 vs r2 swapped (0), r1 vs r3 tied (0.5), r2 vs r3 right (1)
                new RankAgreement.Group("p2", new double[] {1, 2, 3}, new double[] {3, 4, 3})));
        assertThat(f.pairwiseAccuracy()).isEqualTo((3 + 1.5) / 6);
        assertThat(f.exactMatch()).isEqualTo(0.5);
        // p1: rho = tau = 1; p2: rank vectors (3, 2, 1) and (1.5, 3, 1.5) are uncorrelated; tau-b = (1 - 1) / sqrt(3 x 2) = 0
        assertThat(f.spearman()).isCloseTo(0.5, within(1e-12));
        assertThat(f.kendallTau()).isCloseTo(0.5, within(1e-12));
    }

    @Test
    void tauBDividesByThePairsNotTiedOnEachSide() {
        // x = 1, 2, 2, 3 and y = 1, 3, 2, 3: C = 4, D = 0, ties in x 1, in y 1, n0 = 6
        assertThat(RankAgreement.kendallTauB(new double[] {1, 2, 2, 3}, new double[] {1, 3, 2, 3})).isCloseTo(4 / 5.0, within(1e-12));
        assertThat(RankAgreement.ranks(new double[] {10, 20, 20, 5})).containsExactly(2, 3.5, 3.5, 1);
    }
}
