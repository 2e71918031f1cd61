package dev.lookahead.search;

import java.util.SplittableRandom;

/** Draws distinct items 0..k-1 with probability proportional to their weights, without replacement. Reused. */
final class WeightedChoice {
    private final SplittableRandom random;
    private final double[] weight;
    private int items;
    private double total;

    WeightedChoice(SplittableRandom random, int capacity) {
        this.random = random;
        this.weight = new double[capacity];
    }

    /** Starts a new draw over items 0..items-1, all of weight 0 (not drawable) until weighed. */
    void reset(int items) {
        this.items = items;
        java.util.Arrays.fill(weight, 0, items, 0);
        total = 0;
    }

    void weigh(int item, double w) {
        total += w - weight[item];
        weight[item] = w;
    }

    boolean hasAny() {
        return total > 0;
    }

    /** Draws one item and removes it from later draws. */
    int take() {
        double point = random.nextDouble() * total;
        int last = -1;
        for (int i = 0; i < items; i++) {
            if (weight[i] <= 0) continue;
            last = i;
            point -= weight[i];
            if (point < 0) break;
        }
        total -= weight[last];
        weight[last] = 0;
        return last;
    }
}
