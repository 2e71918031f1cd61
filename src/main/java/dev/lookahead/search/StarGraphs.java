package dev.lookahead.search;

import java.util.SplittableRandom;

/**
 * The star distribution: a centre (the start) with k spokes of length l; the goal ends one spoke, so the
 * answer is that spoke's first vertex (docs/user-guide.md, "The distributions"). For a fixed lookahead l
 * the star has at least two spokes, since one spoke would make its lookahead 0; otherwise the pair
 * (l, k) is uniform over every l in 1..L and k in 1..(V-1)/l, one-spoke stars included, as the paper's
 * star training and test sets are drawn.
 */
final class StarGraphs implements GraphFamily {
    private final TokenLayout layout;
    private final SplittableRandom random;
    private final int maxSpokeLength;
    private final int fixedSpokeLength;

    StarGraphs(TokenLayout layout, SplittableRandom random, int maxSpokeLength, int fixedSpokeLength) {
        this.layout = layout;
        this.random = random;
        this.maxSpokeLength = maxSpokeLength;
        this.fixedSpokeLength = fixedSpokeLength;
    }

    @Override
    public int chooseTarget() {
        return fixedSpokeLength;
    }

    @Override
    public void draw(GraphDraft draft, int spokeLength) {
        int length;
        int spokes;
        if (spokeLength > 0) {
            length = spokeLength;
            spokes = random.nextInt(2, mostSpokes(length) + 1);
        } else {
            int pair = random.nextInt(shapeCount());
            length = 1;
            while (pair >= mostSpokes(length)) pair -= mostSpokes(length++);
            spokes = 1 + pair;
        }
        draft.open(1 + spokes * length);
        draft.start = 0;
        int[] ends = new int[spokes];
        int fresh = 1;
        for (int s = 0; s < spokes; s++) {
            ends[s] = draft.chainFrom(draft.start, length, fresh);
            fresh = ends[s] + 1;
        }
        draft.goal = ends[random.nextInt(spokes)];
    }

    /** How many (spoke length, spoke count) shapes a star may take. */
    private int shapeCount() {
        int shapes = 0;
        for (int length = 1; length <= maxSpokeLength; length++) shapes += mostSpokes(length);
        return shapes;
    }

    private int mostSpokes(int spokeLength) {
        return (layout.maxVertex() - 1) / spokeLength;
    }
}
