package dev.lookahead.search;

import java.util.Arrays;
import java.util.Locale;

/**
 * The paper's three tasks over the same token vocabulary: the next step of a path (search), the next vertex of a
 * depth-first search written out in context (dfs), and selection-inference steps (si); docs/user-guide.md.
 */
public enum Task {
    SEARCH, DFS, SI;

    public String id() {
        return name().toLowerCase(Locale.ROOT);
    }

    public boolean inContext() {
        return this != SEARCH;
    }

    public static Task parse(String text) {
        for (Task task : values()) if (task.id().equalsIgnoreCase(text.trim())) return task;
        throw new IllegalArgumentException("unknown task '" + text + "'; choose one of "
                + Arrays.stream(values()).map(Task::id).toList());
    }
}
