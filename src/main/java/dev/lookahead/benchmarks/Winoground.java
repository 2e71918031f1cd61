package dev.lookahead.benchmarks;

import dev.lookahead.stats.Proportion;
import java.util.List;

/**
 * Winoground (Thrush et al. 2022): two captions and two images per example, a model's score s(c, i) for each caption
 * with each image. Text score: for each image, its own caption scores strictly higher than the other caption
 * (s(c0,i0) > s(c1,i0) and s(c1,i1) > s(c0,i1)); image score: for each caption, its own image scores strictly higher
 * (s(c0,i0) > s(c0,i1) and s(c1,i1) > s(c1,i0)); group score: both. A tie is a failure, never a coin toss.
 */
public final class Winoground {
    /** One example's four scores: c{caption}_i{image}. */
    public record Line(String id, double c0i0, double c0i1, double c1i0, double c1i1) {
        public boolean text() {
            return c0i0 > c1i0 && c1i1 > c0i1;
        }

        public boolean image() {
            return c0i0 > c0i1 && c1i1 > c1i0;
        }

        public boolean group() {
            return text() && image();
        }

        /** Whether any of the four comparisons is a tie (a failure here; an argmax would have broken it silently). */
        public boolean tied() {
            return c0i0 == c1i0 || c1i1 == c0i1 || c0i0 == c0i1 || c1i1 == c1i0;
        }
    }

    /** The three scores over the examples, and how many examples had a tie. */
    public record Scores(Proportion text, Proportion image, Proportion group, Proportion tied) {
    }

    private Winoground() {
    }

    public static Scores score(List<Line> lines) {
        Proportion text = new Proportion(0, 0);
        Proportion image = new Proportion(0, 0);
        Proportion group = new Proportion(0, 0);
        Proportion tied = new Proportion(0, 0);
        for (Line line : lines) {
            text = text.plus(line.text());
            image = image.plus(line.image());
            group = group.plus(line.group());
            tied = tied.plus(line.tied());
        }
        return new Scores(text, image, group, tied);
    }
}
