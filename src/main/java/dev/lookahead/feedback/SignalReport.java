package dev.lookahead.feedback;

import dev.lookahead.stats.Proportion;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What each signal calls good, over all bot turns and split standard / adversarial and canned /
 * normal, and how far signals agree with each other and with explicit thumbs (Cohen's kappa over the
 * turns where both are defined).
 */
public final class SignalReport {
    /** The subsets every rate is also reported on. */
    public static final List<String> SUBSETS = List.of("all", "standard", "adversarial", "normal", "canned");

    private final java.util.TreeMap<Integer, Long> replyLengths = new java.util.TreeMap<>();
    private final java.util.TreeMap<Integer, long[]> repliesByBotTurn = new java.util.TreeMap<>();
    private final java.util.TreeMap<Integer, Long> humanTurnsPerConversation = new java.util.TreeMap<>();
    /** Sum and count of the reply's compound, per bot-turn feature, with the feature and without it. */
    private final Map<String, double[]> sentimentByFeature = new LinkedHashMap<>();
    private final List<String> names = new ArrayList<>();
    private final List<Boolean[]> rows = new ArrayList<>();
    private final List<boolean[]> subsets = new ArrayList<>();
    private long conversations;
    /** Rates and kappas already computed since the last {@link #add}: each costs a pass over every turn. */
    private final Map<String, Proportion> rateCache = new java.util.HashMap<>();
    private final Map<String, Double> kappaCache = new java.util.HashMap<>();

    /** Adds one conversation and its labelled bot turns. */
    public void add(Conversation conversation, List<BotTurnSignals> turns) {
        rateCache.clear();
        kappaCache.clear();
        conversations++;
        humanTurnsPerConversation.merge((int) conversation.turns().stream().filter(t -> !t.fromBot()).count(), 1L, Long::sum);
        int ordinal = 0;
        for (BotTurnSignals turn : turns) {
            ordinal++;
            long[] replied = repliesByBotTurn.computeIfAbsent(ordinal, k -> new long[2]);
            replied[1]++;
            if (turn.replied()) {
                replied[0]++;
                if (turn.compound() != null) {
                    addSentiment("search", turn.usedSearch(), turn.compound());
                    addSentiment("memory", turn.usedMemory(), turn.compound());
                    addSentiment("canned", turn.canned(), turn.compound());
                }
                replyLengths.merge(BotTurnSignals.wordCount(turn.nextHumanText()), 1L, Long::sum);
            }
            Map<String, Boolean> values = values(turn);
            if (names.isEmpty()) names.addAll(values.keySet());
            rows.add(values.values().toArray(Boolean[]::new));
            subsets.add(new boolean[] {true, !turn.adversarial(), turn.adversarial(), !turn.canned(), turn.canned()});
        }
    }

    /** Every binary signal of a turn, and the explicit thumbs, by name (null where undefined). */
    public static Map<String, Boolean> values(BotTurnSignals turn) {
        Map<String, Boolean> values = new LinkedHashMap<>();
        values.put("replied", turn.replied());
        turn.lengthAtLeast().forEach((k, v) -> values.put("length_" + k, v));
        values.put("nonneg_sentiment_length", turn.nonNegativeSentimentAndLength());
        values.put("pos_sentiment_length", turn.positiveSentimentAndLength());
        values.put("joy_length", turn.joyAndLength());
        values.put("liked", turn.liked());
        values.put("disliked", turn.disliked());
        return values;
    }

    private void addSentiment(String feature, boolean present, double compound) {
        double[] sums = sentimentByFeature.computeIfAbsent(feature, k -> new double[4]);
        int at = present ? 0 : 2;
        sums[at] += compound;
        sums[at + 1]++;
    }

    /**
     * Mean compound of the next human turn after bot turns with each feature (search used, memory
     * used, canned reply) and without it: [mean with, turns with, mean without, turns without].
     */
    public Map<String, double[]> sentimentByFeature() {
        Map<String, double[]> means = new LinkedHashMap<>();
        sentimentByFeature.forEach((feature, s) -> means.put(feature,
                new double[] {s[1] == 0 ? Double.NaN : s[0] / s[1], s[1], s[3] == 0 ? Double.NaN : s[2] / s[3], s[3]}));
        return means;
    }

    /** Histogram of the next human turn's length in words, over replied bot turns. */
    public Map<Integer, Long> replyLengths() {
        return java.util.Collections.unmodifiableMap(replyLengths);
    }

    /** Reply rate of the first, second, ... bot turn of a conversation. */
    public Map<Integer, Proportion> replyRateByBotTurn() {
        Map<Integer, Proportion> rates = new LinkedHashMap<>();
        repliesByBotTurn.forEach((ordinal, counts) -> rates.put(ordinal, new Proportion(counts[0], counts[1])));
        return rates;
    }

    /** Survival: the share of conversations with at least t human turns, for t = 1 .. the longest. */
    public Map<Integer, Double> survival() {
        Map<Integer, Double> survival = new LinkedHashMap<>();
        int longest = humanTurnsPerConversation.isEmpty() ? 0 : humanTurnsPerConversation.lastKey();
        for (int t = 1; t <= longest; t++) {
            long atLeast = humanTurnsPerConversation.tailMap(t, true).values().stream().mapToLong(Long::longValue).sum();
            survival.put(t, (double) atLeast / conversations);
        }
        return survival;
    }

    public long conversations() {
        return conversations;
    }

    public long botTurns() {
        return rows.size();
    }

    public List<String> signals() {
        return List.copyOf(names);
    }

    /** Share of turns the signal calls good, among the subset's turns where it is defined. */
    public Proportion rate(String signal, String subset) {
        return rateCache.computeIfAbsent(signal + "|" + subset, key -> computeRate(signal, subset));
    }

    /** Computes every rate and kappa now (off the UI thread), so that showing them later costs nothing. */
    public SignalReport summarised() {
        for (String signal : names) {
            for (String subset : SUBSETS) rate(signal, subset);
            for (String other : names) kappa(signal, other);
        }
        return this;
    }

    private Proportion computeRate(String signal, String subset) {
        int column = names.indexOf(signal);
        int part = SUBSETS.indexOf(subset);
        long good = 0;
        long defined = 0;
        for (int r = 0; r < rows.size(); r++) {
            Boolean value = rows.get(r)[column];
            if (!subsets.get(r)[part] || value == null) continue;
            defined++;
            if (value) good++;
        }
        return new Proportion(good, defined);
    }

    /** Cohen's kappa of two signals over the turns where both are defined; NaN when it is undefined. */
    public double kappa(String first, String second) {
        return kappaCache.computeIfAbsent(first + "|" + second, key -> computeKappa(first, second));
    }

    private double computeKappa(String first, String second) {
        int a = names.indexOf(first);
        int b = names.indexOf(second);
        long both = 0;
        long agree = 0;
        long aGood = 0;
        long bGood = 0;
        for (Boolean[] row : rows) {
            if (row[a] == null || row[b] == null) continue;
            both++;
            if (row[a].equals(row[b])) agree++;
            if (row[a]) aGood++;
            if (row[b]) bGood++;
        }
        if (both == 0) return Double.NaN;
        double observed = (double) agree / both;
        double pa = (double) aGood / both;
        double pb = (double) bGood / both;
        double chance = pa * pb + (1 - pa) * (1 - pb);
        return chance == 1 ? Double.NaN : (observed - chance) / (1 - chance);
    }
}
