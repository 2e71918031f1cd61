package dev.lookahead.experiments;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeSet;

/** A sweep's results for people: one row per group of seeds (the paper's plotted quantities), then one per job. */
public final class SweepTable {
    private SweepTable() {
    }

    /**
     * The seeds of one setting taken together.
     *
     * @param minTestLossConverged the paper's y axis: the lowest test loss among converged seeds (NaN if none converged)
     * @param minTestLoss          the lowest test loss among all seeds
     */
    public record Group(int n, int layers, int hidden, String distribution, long parameters, int seeds, int converged,
                        double minTestLossConverged, double minTestLoss) {
        public double convergedFraction() {
            return (double) converged / seeds;
        }

        public String label() {
            return "n=%d, %d layers, hidden %d, %s".formatted(n, layers, hidden, distribution);
        }
    }

    public static List<Group> groups(List<JobResult> results) {
        Map<String, List<JobResult>> bySetting = new LinkedHashMap<>();
        for (JobResult r : results) {
            bySetting.computeIfAbsent(r.n() + "/" + r.layers() + "/" + r.hidden() + "/" + r.distribution(), k -> new ArrayList<>()).add(r);
        }
        List<Group> groups = new ArrayList<>();
        for (List<JobResult> seeds : bySetting.values()) {
            JobResult first = seeds.getFirst();
            groups.add(new Group(first.n(), first.layers(), first.hidden(), first.distribution(), first.parameters(), seeds.size(),
                    (int) seeds.stream().filter(JobResult::converged).count(),
                    seeds.stream().filter(JobResult::converged).mapToDouble(JobResult::testLoss).min().orElse(Double.NaN),
                    seeds.stream().mapToDouble(JobResult::testLoss).min().orElse(Double.NaN)));
        }
        return groups;
    }

    public static String markdown(int jobCount, List<JobResult> results) {
        StringBuilder md = new StringBuilder();
        md.append("# Sweep results\n\n").append(results.size()).append(" of ").append(jobCount).append(" jobs finished.\n\n");
        md.append("| setting | parameters | seeds converged (a logged training batch at >= 0.995, the paper's rule) | min test loss, converged | min test loss, all |\n");
        md.append("|---|---:|---:|---:|---:|\n");
        for (Group g : groups(results)) {
            md.append("| ").append(g.label()).append(" | ").append(String.format(Locale.ROOT, "%,d", g.parameters()))
                    .append(" | ").append(g.converged()).append(" / ").append(g.seeds())
                    .append(" | ").append(number(g.minTestLossConverged())).append(" | ").append(number(g.minTestLoss())).append(" |\n");
        }
        TreeSet<String> buckets = new TreeSet<>(JobResult::bucketOrder);
        results.forEach(r -> buckets.addAll(r.testAccuracy().keySet()));
        md.append("\n| job | examples | best train acc | converged | test loss |");
        buckets.forEach(b -> md.append(" acc ").append(b.chars().allMatch(Character::isDigit) && !inContext(results) ? "L" + b : b).append(" |"));
        md.append(" minutes |\n|---|---:|---:|:-:|---:|");
        buckets.forEach(b -> md.append("---:|"));
        md.append("---:|\n");
        for (JobResult r : results) {
            md.append("| ").append(r.id()).append(" | ").append(String.format(Locale.ROOT, "%,d", r.examples()))
                    .append(" | ").append(String.format(Locale.ROOT, "%.4f", r.bestTrainAccuracy()))
                    .append(" | ").append(r.converged() ? "yes" : "no").append(" | ").append(number(r.testLoss())).append(" |");
            for (String b : buckets) {
                Double a = r.testAccuracy().get(b);
                md.append(' ').append(a == null ? "" : String.format(Locale.ROOT, "%.3f", a)).append(" |");
            }
            md.append(String.format(Locale.ROOT, " %.1f |%n", r.seconds() / 60));
        }
        return md.toString();
    }

    /** Whether the results are of an in-context task, whose buckets are backtracks or (frontier, branch), not lookaheads. */
    private static boolean inContext(List<JobResult> results) {
        return results.stream().anyMatch(r -> r.distribution().equals("dfs") || r.distribution().equals("si"));
    }

    private static String number(double value) {
        return Double.isNaN(value) ? "-" : String.format(Locale.ROOT, "%.4f", value);
    }
}
