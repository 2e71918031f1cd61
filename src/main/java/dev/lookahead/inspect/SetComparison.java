package dev.lookahead.inspect;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * A vertex set a model holds beside the true one: the vertices in both, those it missed, and those it holds that
 * are not truly there. The graph view and the exported graph figures ring vertices by it.
 */
public record SetComparison(SortedSet<Integer> agree, SortedSet<Integer> missed, SortedSet<Integer> extra) {

    /** How a vertex compares. */
    public enum Mark {
        AGREE, MISSED, EXTRA
    }

    public SetComparison {
        agree = Collections.unmodifiableSortedSet(new TreeSet<>(agree));
        missed = Collections.unmodifiableSortedSet(new TreeSet<>(missed));
        extra = Collections.unmodifiableSortedSet(new TreeSet<>(extra));
    }

    /** Nothing held and nothing to compare: no vertex is marked. */
    public static final SetComparison NONE = new SetComparison(new TreeSet<>(), new TreeSet<>(), new TreeSet<>());

    /** {@code held} against {@code truth}. */
    public static SetComparison of(Set<Integer> held, Set<Integer> truth) {
        SortedSet<Integer> agree = new TreeSet<>(held);
        agree.retainAll(truth);
        SortedSet<Integer> extra = new TreeSet<>(held);
        extra.removeAll(truth);
        SortedSet<Integer> missed = new TreeSet<>(truth);
        missed.removeAll(held);
        return new SetComparison(agree, missed, extra);
    }

    /** Each marked vertex with its mark, in vertex order. */
    public Map<Integer, Mark> marks() {
        SortedSet<Integer> all = new TreeSet<>(agree);
        all.addAll(missed);
        all.addAll(extra);
        Map<Integer, Mark> marks = new LinkedHashMap<>();
        for (int v : all) marks.put(v, agree.contains(v) ? Mark.AGREE : missed.contains(v) ? Mark.MISSED : Mark.EXTRA);
        return marks;
    }
}
