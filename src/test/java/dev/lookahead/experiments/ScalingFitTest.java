package dev.lookahead.experiments;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import org.junit.jupiter.api.Test;

/** The scaling fit: a known exponent comes back, and the paper's weighted fit equals numpy's polyfit on the same points. */
class ScalingFitTest {
    private static ScalingFit.Point point(int n, double loss) {
        return new ScalingFit.Point(n, ScalingFit.x(n, "balanced"), 3, 1.0 / 3, loss);
    }

    @Test
    void losesGrowingExactlyExponentiallyGiveBackTheirExponentWithATightInterval() {
        List<ScalingFit.Point> points = List.of(point(17, Math.exp(0.5 + 0.3 * 4)), point(20, Math.exp(0.5 + 0.3 * 5)), point(23,
                Math.exp(0.5 + 0.3 * 6)), point(29, Math.exp(0.5 + 0.3 * 8)));
        ScalingFit.LogLinearFit fit = ScalingFit.logLinearFit(points);
        assertThat(fit.slope()).isCloseTo(0.3, within(1e-12));
        assertThat(fit.intercept()).isCloseTo(0.5, within(1e-12));
        assertThat(fit.slopeUpper() - fit.slopeLower()).isLessThan(1e-9);
        assertThat(fit.band().get(23)[0]).isCloseTo(Math.exp(0.5 + 0.3 * 6), within(1e-9));
    }

    @Test
    void thePapersFitIsNumpysWeightedPolyfitOfTheOffsetLogLoss() {
        // numpy: np.polyfit(x, np.log(L - min(L) + 1e-9), 1, w=np.sqrt(L)) with x = [4, 5, 6, 8], L = [0.1, 0.25, 0.4, 1.3]
        // gave slope 2.230884515964788, intercept -17.086565331425465
        List<ScalingFit.Point> points = List.of(point(17, 0.1), point(20, 0.25), point(23, 0.4), point(29, 1.3),
                new ScalingFit.Point(32, 9, 3, 0, Double.NaN));
        ScalingFit.PaperFit fit = ScalingFit.paperFit(points);
        assertThat(fit.slope()).isCloseTo(2.230884515964788, within(1e-9));
        assertThat(fit.intercept()).isCloseTo(-17.086565331425465, within(1e-8));
        assertThat(fit.offset()).isCloseTo(0.1, within(1e-8));
        assertThat(ScalingFit.logLinearFit(points).slope()).as("np.polyfit(x, np.log(L), 1)").isCloseTo(0.6206276109328926, within(1e-12));
    }

    @Test
    void aShapeWithFewerThanTwoConvergedSizesHasNoFit() {
        assertThat(ScalingFit.paperFit(List.of(point(17, 0.1), new ScalingFit.Point(20, 5, 3, 0, Double.NaN)))).isNull();
    }
}
