package dev.lookahead.prefopt;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** A problem's most voted answer among its k samples, its share of the votes and its verdict: ScPO's central observation. */
public final class VoteShare {
    /** The most voted answer (the first drawn among ties), its share of the k votes and whether it reaches the goal. */
    public record Top(String answer, int votes, double share, boolean correct) {
    }

    private VoteShare() {
    }

    public static Top top(List<PathSample> samples) {
        Map<String, Integer> votes = new LinkedHashMap<>();
        samples.forEach(s -> votes.merge(s.answer(), 1, Integer::sum));
        String top = null;
        for (Map.Entry<String, Integer> e : votes.entrySet()) if (top == null || e.getValue() > votes.get(top)) top = e.getKey();
        String answer = top;
        boolean correct = samples.stream().filter(s -> s.answer().equals(answer)).findFirst().orElseThrow().correct();
        return new Top(answer, votes.get(answer), votes.get(answer) / (double) samples.size(), correct);
    }

    /** The quarter of [0, 1] a share falls in ("0.50-0.75"), with unanimity apart ("1.00"). */
    public static String bin(double share) {
        if (share >= 1) return "1.00";
        double low = Math.floor(share * 4) / 4;
        return String.format(Locale.ROOT, "%.2f-%.2f", low, low + 0.25);
    }
}
